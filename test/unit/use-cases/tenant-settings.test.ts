// The tenant settings' merge patch (RFC 7396), the fields it reports as changed, If-Match, and refusals by field.
import { zodIssues } from '../../../shared/errors/problem';
import { TenantSettingsPatchSchema, TenantSettingsSchema } from '../../../shared/schemas/tenant.schema';
import { changedFields, mergePatch, parseIfMatch } from '../../../shared/use-cases/tenant-settings';

const settings = {
  name: 'Acme',
  sendTime: '09:00',
  promiseGraceDays: 2,
  timeZone: 'UTC',
  disputeApprovalAbove: 100_000,
  statementMode: 'customer' as const,
  creditHoldDaysPastDue: 30,
};
const failing = (value: unknown) => {
  const result = TenantSettingsSchema.safeParse(value);
  return result.success ? [] : zodIssues(result.error).map((issue) => issue.path);
};

describe('mergePatch (RFC 7396)', () => {
  it('removes a member on null, merges objects member by member, replaces arrays and scalars', () => {
    const target = { a: 'b', c: { d: 'e', f: 'g' }, lines: ['x', 'y'] };
    expect(mergePatch(target, { a: 'z', c: { f: null }, lines: ['only'] })).toEqual({
      a: 'z',
      c: { d: 'e' },
      lines: ['only'],
    });
    expect(target).toEqual({ a: 'b', c: { d: 'e', f: 'g' }, lines: ['x', 'y'] });
  });

  it('builds an object where there was none, and drops nulls inside it', () => {
    expect(mergePatch({}, { brand: { color: '#000000', logoUrl: null } })).toEqual({ brand: { color: '#000000' } });
  });
});

describe('changedFields', () => {
  it('lists the leaf paths that differ, with both values, an array as one field', () => {
    const before = { name: 'Acme', bank: { accountHolder: 'A', iban: 'NO9386011117947' }, address: { lines: ['a'] } };
    const after = {
      name: 'Acme',
      bank: { accountHolder: 'A', iban: 'DE89370400440532013000' },
      address: { lines: ['b'] },
    };
    expect(changedFields(before, after)).toEqual([
      { path: 'address.lines', before: ['a'], after: ['b'] },
      { path: 'bank.iban', before: 'NO9386011117947', after: 'DE89370400440532013000' },
    ]);
  });

  it('reports a removed or added object field by field, null for the absent side', () => {
    expect(changedFields({ brand: { color: '#000000' } }, {})).toEqual([
      { path: 'brand.color', before: '#000000', after: null },
    ]);
    expect(changedFields({}, { locale: 'nb' })).toEqual([{ path: 'locale', before: null, after: 'nb' }]);
  });
});

describe('the settings checked whole', () => {
  it('names bank.iban for a bad checksum and quietHours.end outside the law', () => {
    expect(failing({ ...settings, bank: { accountHolder: 'A', iban: 'NO9386011117948' } })).toEqual(['bank.iban']);
    expect(failing({ ...settings, quietHours: { start: '09:00', end: '22:00' } })).toEqual(['quietHours.end']);
  });

  it('stores an IBAN without spaces and in upper case, a colour in lower case', () => {
    const parsed = TenantSettingsSchema.parse({
      ...settings,
      bank: { accountHolder: 'A', iban: 'no93 8601 1117 947', bic: 'dnbanokk' },
      brand: { color: '#AABBCC' },
    });
    expect(parsed.bank).toEqual({ accountHolder: 'A', iban: 'NO9386011117947', bic: 'DNBANOKK' });
    expect(parsed.brand).toEqual({ color: '#aabbcc' });
  });

  it('takes an account number with a sort code or a routing number, and not with an IBAN', () => {
    expect(
      failing({ ...settings, bank: { accountHolder: 'A', accountNumber: '12345678', sortCode: '12-34-56' } }),
    ).toEqual([]);
    expect(
      failing({ ...settings, bank: { accountHolder: 'A', accountNumber: '1234', routingNumber: '021000022' } }),
    ).toEqual(['bank.routingNumber']);
    expect(
      failing({ ...settings, bank: { accountHolder: 'A', accountNumber: '1234', iban: 'NO9386011117947' } }),
    ).toEqual(['bank.accountNumber']);
    expect(failing({ ...settings, bank: { accountHolder: 'A' } })).toEqual(['bank.iban']);
  });

  it('bounds self-service plans and requires an https logo', () => {
    expect(
      failing({ ...settings, selfServicePlans: { maxInstallments: 30, maxDays: 180, minInstallment: 1000 } }),
    ).toEqual(['selfServicePlans.maxInstallments']);
    expect(failing({ ...settings, brand: { logoUrl: 'http://example.com/logo.png' } })).toEqual(['brand.logoUrl']);
    expect(failing({ ...settings, address: { lines: [], postalCode: '0155', city: 'Oslo', country: 'NO' } })).toEqual([
      'address.lines',
    ]);
  });

  it('refuses by name the fields a manager may not patch', () => {
    const result = TenantSettingsPatchSchema.safeParse({ id: 'x', version: 9, scoreModel: {}, exchangeRates: [] });
    expect(
      result.success
        ? []
        : zodIssues(result.error)
            .map((issue) => issue.path)
            .sort(),
    ).toEqual(['exchangeRates', 'id', 'scoreModel', 'version']);
  });
});

describe('parseIfMatch', () => {
  it('reads a bare or quoted version, weak or not; * or none guards nothing', () => {
    expect(parseIfMatch('3')).toBe(3);
    expect(parseIfMatch('"3"')).toBe(3);
    expect(parseIfMatch('W/"12"')).toBe(12);
    expect(parseIfMatch('*')).toBeNull();
    expect(parseIfMatch(undefined)).toBeNull();
  });

  it('refuses a guard it cannot read, naming the header', () => {
    expect(() => parseIfMatch('"abc"')).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: 'header.If-Match' })] }),
    );
  });
});
