// The bank details a debtor pays to: real published IBANs pass, a single mistyped character or a wrong length does not.
import {
  bicProblem,
  groupIban,
  ibanProblem,
  isValidIban,
  normaliseIban,
  routingNumberProblem,
  sortCodeProblem,
} from '../../../shared/domain/bank-account';

describe('IBAN', () => {
  it.each([
    'GB82WEST12345698765432',
    'NO9386011117947',
    'DE89370400440532013000',
    'FR1420041010050500013M02606',
    'NL91ABNA0417164300',
    'BE68539007547034',
    'CH9300762011623852957',
    'SE4550000000058398257466',
  ])('accepts the published example %s', (iban) => {
    expect(ibanProblem(iban)).toBeNull();
  });

  it('accepts an IBAN written in groups and in lower case, and stores one spelling', () => {
    expect(normaliseIban(' gb82 west 1234 5698 7654 32 ')).toBe('GB82WEST12345698765432');
    expect(isValidIban('no93 8601 1117 947')).toBe(true);
  });

  it('refuses a mistyped digit or swapped check digits', () => {
    expect(ibanProblem('GB82WEST12345698765433')).toMatch(/check digits/);
    expect(ibanProblem('NO9386011117948')).toMatch(/check digits/);
    expect(ibanProblem('DE98370400440532013000')).toMatch(/check digits/);
  });

  it("refuses a length that is not the country's, naming both", () => {
    expect(ibanProblem('GB82WEST1234569876543')).toBe('must be 22 characters for GB (spaces aside), not 21');
    expect(ibanProblem('NO93860111179470')).toMatch(/must be 15 characters for NO/);
  });

  it('refuses what is no IBAN at all, or names no country', () => {
    expect(ibanProblem('12345678901234')).toMatch(/must be an IBAN/);
    expect(ibanProblem('NO93-8601')).toMatch(/must be an IBAN/);
    expect(ibanProblem('QQ9386011117947')).toMatch(/QQ is none/);
  });

  it('groups an IBAN by four for reading', () => {
    expect(groupIban('NO9386011117947')).toBe('NO93 8601 1117 947');
    expect(groupIban('GB82WEST12345698765432')).toBe('GB82 WEST 1234 5698 7654 32');
  });
});

describe('BIC, sort code and routing number', () => {
  it('accepts 8- and 11-character BICs and refuses other shapes', () => {
    expect(bicProblem('DNBANOKK')).toBeNull();
    expect(bicProblem('DEUTDEFF500')).toBeNull();
    expect(bicProblem('DNBANOK')).toMatch(/8 or 11/);
    expect(bicProblem('DEUTQQFF')).toMatch(/QQ is none/);
  });

  it('takes a UK sort code as six digits', () => {
    expect(sortCodeProblem('123456')).toBeNull();
    expect(sortCodeProblem('12345')).toMatch(/six digits/);
  });

  it('checks an ABA routing number by its weighted checksum', () => {
    expect(routingNumberProblem('011000015')).toBeNull();
    expect(routingNumberProblem('021000021')).toBeNull();
    expect(routingNumberProblem('021000022')).toMatch(/check digit/);
    expect(routingNumberProblem('02100002')).toMatch(/nine digits/);
  });
});
