// Writes an item over the version that was read as an update of only what changed since that read: the request is
// smaller and the index entries of keys that did not change are left alone, while the stored item ends up exactly as a
// whole put of the new item would leave it (attributes the new item lacks are removed).

const sameValue = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a).filter((key) => (a as Record<string, unknown>)[key] !== undefined);
  const bKeys = Object.keys(b).filter((key) => (b as Record<string, unknown>)[key] !== undefined);
  return (
    aKeys.length === bKeys.length &&
    aKeys.every((key) => sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
  );
};

export interface AttributeChanges {
  UpdateExpression: string;
  ExpressionAttributeNames: Record<string, string>;
  ExpressionAttributeValues: Record<string, unknown>;
}

/**
 * The update that turns `before` into `after` (both whole stored items with the same primary key), or null when nothing
 * changed. Placeholders are #c<n> and :c<n>, clear of the ones a condition uses.
 */
export const attributeChanges = (
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  primaryKey: readonly string[] = ['pk', 'sk'],
): AttributeChanges | null => {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const set: string[] = [];
  const remove: string[] = [];
  let n = 0;
  for (const [name, value] of Object.entries(after)) {
    if (primaryKey.includes(name) || value === undefined || sameValue(before[name], value)) continue;
    names[`#c${n}`] = name;
    values[`:c${n}`] = value;
    set.push(`#c${n} = :c${n}`);
    n += 1;
  }
  for (const [name, value] of Object.entries(before)) {
    if (primaryKey.includes(name) || value === undefined || after[name] !== undefined) continue;
    names[`#c${n}`] = name;
    remove.push(`#c${n}`);
    n += 1;
  }
  if (n === 0) return null;
  return {
    UpdateExpression: [
      ...(set.length > 0 ? [`SET ${set.join(', ')}`] : []),
      ...(remove.length > 0 ? [`REMOVE ${remove.join(', ')}`] : []),
    ].join(' '),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
};
