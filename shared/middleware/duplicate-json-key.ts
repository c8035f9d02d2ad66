// JSON.parse keeps the last of two equal keys, so `{"amount":1,"amount":2}` would mean whatever a reader's parser picks:
// this finds the first key written twice in one object, in text that already parsed.

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);

/** Deeper than any body the API reads; a deeper one is refused rather than walked (the walk recurses). */
export const MAX_JSON_DEPTH = 256;

export class JsonTooDeepError extends Error {}

/**
 * The path of the first duplicated key (`creditLimit.amount`, `steps[1].id`), or null; `text` must be valid JSON.
 * Throws JsonTooDeepError past MAX_JSON_DEPTH.
 */
export const duplicateJsonKey = (text: string): string | null => {
  let at = 0;
  const skip = () => {
    while (WHITESPACE.has(text[at]!)) at += 1;
  };
  const readString = (): string => {
    const start = at;
    at += 1;
    while (text[at] !== '"') at += text[at] === '\\' ? 2 : 1;
    at += 1;
    return JSON.parse(text.slice(start, at)) as string;
  };
  const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
  // Returns the duplicate's path as soon as one is seen; walks every value otherwise.
  const value = (path: string, depth = 0): string | null => {
    if (depth > MAX_JSON_DEPTH) throw new JsonTooDeepError(`the body nests deeper than ${MAX_JSON_DEPTH} levels`);
    skip();
    const char = text[at];
    if (char === '{') {
      at += 1;
      const seen = new Set<string>();
      skip();
      if (text[at] === '}') {
        at += 1;
        return null;
      }
      for (;;) {
        skip();
        const key = readString();
        if (seen.has(key)) return join(path, key);
        seen.add(key);
        skip();
        at += 1; // the colon
        const found = value(join(path, key), depth + 1);
        if (found) return found;
        skip();
        if (text[at++] === '}') return null;
      }
    }
    if (char === '[') {
      at += 1;
      skip();
      if (text[at] === ']') {
        at += 1;
        return null;
      }
      for (let index = 0; ; index += 1) {
        const found = value(`${path}[${index}]`, depth + 1);
        if (found) return found;
        skip();
        if (text[at++] === ']') return null;
      }
    }
    if (char === '"') {
      readString();
      return null;
    }
    while (at < text.length && !WHITESPACE.has(text[at]!) && text[at] !== ',' && text[at] !== '}' && text[at] !== ']')
      at += 1;
    return null;
  };
  return value('');
};
