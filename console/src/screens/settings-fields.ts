// The tenant settings as the Settings screen edits them: each field by its path in GET /v1/tenant (the path the API
// names when it refuses one, such as `bank.iban`), and the JSON merge patch that turns the edited form into a change.

export type FieldKind = 'text' | 'email' | 'tel' | 'url' | 'int' | 'time' | 'lines' | 'select';

export interface SettingField {
  path: string;
  label: string;
  kind: FieldKind;
  options?: readonly string[];
  hint?: string;
  /** Required by the API: emptying it is refused here already. */
  required?: boolean;
}

export interface SettingSection {
  title: string;
  fields: readonly SettingField[];
}

export const SECTIONS: readonly SettingSection[] = [
  {
    title: 'Creditor',
    fields: [
      { path: 'name', label: 'Display name', kind: 'text', required: true },
      { path: 'legalName', label: 'Legal name', kind: 'text' },
      { path: 'supportEmail', label: 'Support e-mail', kind: 'email' },
      { path: 'supportPhone', label: 'Support phone', kind: 'tel', hint: 'E.164, such as +4791234567' },
      { path: 'replyTo', label: 'Replies go to', kind: 'email' },
      { path: 'emailFrom', label: 'Reminders sent from', kind: 'email', hint: 'A verified sender address' },
      { path: 'locale', label: 'Language for customers without one', kind: 'text', hint: 'Such as en-GB or nb-NO' },
    ],
  },
  {
    title: 'Address',
    fields: [
      { path: 'address.lines', label: 'Street lines', kind: 'lines', hint: 'One line per row, at most four' },
      { path: 'address.postalCode', label: 'Postal code', kind: 'text' },
      { path: 'address.city', label: 'City', kind: 'text' },
      { path: 'address.country', label: 'Country', kind: 'text', hint: 'Two letters, such as NO' },
    ],
  },
  {
    title: 'Bank account',
    fields: [
      { path: 'bank.accountHolder', label: 'Account holder', kind: 'text' },
      { path: 'bank.iban', label: 'IBAN', kind: 'text' },
      { path: 'bank.bic', label: 'BIC', kind: 'text' },
      { path: 'bank.accountNumber', label: 'Account number (instead of an IBAN)', kind: 'text' },
      { path: 'bank.sortCode', label: 'Sort code (UK)', kind: 'text' },
      { path: 'bank.routingNumber', label: 'Routing number (US)', kind: 'text' },
    ],
  },
  {
    title: 'Collections',
    fields: [
      { path: 'sendTime', label: 'Send reminders at', kind: 'time', required: true, hint: "The customer's local time" },
      { path: 'timeZone', label: "The tenant's time zone", kind: 'text', required: true },
      { path: 'quietHours.start', label: 'Contact from', kind: 'time', hint: 'Inside 08:00-21:00' },
      { path: 'quietHours.end', label: 'Contact until', kind: 'time' },
      { path: 'promiseGraceDays', label: 'Days of grace after a promised date', kind: 'int', required: true },
      { path: 'creditHoldDaysPastDue', label: 'Credit hold after days past due', kind: 'int', required: true },
      {
        path: 'disputeApprovalAbove',
        label: 'Dispute credits above this need a second manager',
        kind: 'int',
        required: true,
        hint: "Minor units (cents) of the invoice's currency",
      },
      { path: 'statementMode', label: 'Statements', kind: 'select', options: ['customer', 'invoice'], required: true },
      { path: 'baseCurrency', label: 'Base currency', kind: 'text', hint: 'Such as EUR' },
      {
        path: 'payUrlTemplate',
        label: 'Your payment page',
        kind: 'url',
        hint: 'With {invoiceId} where the invoice goes',
      },
    ],
  },
  {
    title: 'Self-service plans',
    fields: [
      { path: 'selfServicePlans.maxInstallments', label: 'Most instalments', kind: 'int' },
      { path: 'selfServicePlans.maxDays', label: 'Longest plan in days', kind: 'int' },
      {
        path: 'selfServicePlans.minInstallment',
        label: 'Smallest instalment',
        kind: 'int',
        hint: 'Minor units (cents)',
      },
    ],
  },
  {
    title: 'Brand',
    fields: [
      { path: 'brand.color', label: 'Colour', kind: 'text', hint: '#rrggbb' },
      { path: 'brand.logoUrl', label: 'Logo', kind: 'url', hint: 'An https address' },
    ],
  },
];

export const FIELDS: readonly SettingField[] = SECTIONS.flatMap((section) => section.fields);

type Json = Record<string, unknown>;

const at = (settings: Json, path: string): unknown =>
  path.split('.').reduce<unknown>((value, name) => (value as Json | undefined)?.[name], settings);

/** The form's text for each field, from the settings as the API answered them. */
export const formOf = (settings: Json): Record<string, string> =>
  Object.fromEntries(
    FIELDS.map((field) => {
      const value = at(settings, field.path);
      if (value === undefined || value === null) return [field.path, ''];
      return [field.path, Array.isArray(value) ? value.join('\n') : String(value)];
    }),
  );

/** What a field's text means: absent when empty; a whole number, lines or the text. Errors it cannot be, by path. */
const valueOf = (field: SettingField, text: string): { value?: unknown; error?: string } => {
  const trimmed = text.trim();
  if (trimmed === '') return field.required ? { error: 'is required' } : {};
  if (field.kind === 'int')
    return /^\d{1,15}$/.test(trimmed) ? { value: Number(trimmed) } : { error: 'must be a whole number' };
  if (field.kind === 'lines')
    return {
      value: trimmed
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    };
  return { value: trimmed };
};

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The merge patch (RFC 7396) from the stored settings to the form: only what changed; an emptied field is null; an
 * object changes leaf by leaf, and goes (null) when all its fields are emptied. Field errors instead when a field's
 * text cannot be a value at all.
 */
export const patchOf = (
  settings: Json,
  form: Record<string, string>,
): { patch: Json; errors: Record<string, string> } => {
  const patch: Json = {};
  const errors: Record<string, string> = {};
  const groups = new Map<string, SettingField[]>();
  for (const field of FIELDS) {
    const top = field.path.split('.')[0]!;
    groups.set(top, [...(groups.get(top) ?? []), field]);
  }
  for (const [top, fields] of groups) {
    const values = new Map<string, unknown>();
    for (const field of fields) {
      const { value, error } = valueOf(field, form[field.path] ?? '');
      if (error) errors[field.path] = error;
      else if (value !== undefined) values.set(field.path, value);
    }
    if (fields.length === 1 && fields[0]!.path === top) {
      if (!same(values.get(top), settings[top])) patch[top] = values.get(top) ?? null;
      continue;
    }
    const stored = (settings[top] ?? {}) as Json;
    const changed: Json = {};
    for (const field of fields) {
      const leaf = field.path.slice(top.length + 1);
      if (!same(values.get(field.path), stored[leaf])) changed[leaf] = values.get(field.path) ?? null;
    }
    if (Object.keys(changed).length === 0) continue;
    patch[top] = values.size === 0 ? null : changed;
  }
  return { patch, errors };
};
