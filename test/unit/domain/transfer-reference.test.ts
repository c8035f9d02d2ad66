// The RF creditor reference a transfer quotes: valid ISO 11649, and the same case always gives the same reference.
import {
  creditorReference,
  formatReference,
  isCreditorReference,
  transferReference,
} from '../../../shared/domain/transfer-reference';

describe('ISO 11649 creditor references', () => {
  it('computes the check digits of the standard example and checks references as banks do', () => {
    expect(creditorReference('539007547034')).toBe('RF18539007547034');
    expect(isCreditorReference('RF18 5390 0754 7034')).toBe(true);
    expect(isCreditorReference('RF19 5390 0754 7034')).toBe(false);
    expect(isCreditorReference('RF18 5390 0754 7043')).toBe(false);
    expect(creditorReference('ABC123')).toMatch(/^RF\d{2}ABC123$/);
    expect(isCreditorReference(creditorReference('ABC123'))).toBe(true);
    expect(() => creditorReference('')).toThrow();
    expect(() => creditorReference('1'.repeat(22))).toThrow();
  });

  it("derives a case's reference from its id alone: deterministic, valid, and different for another case", () => {
    const first = transferReference('dlq_01JEXAMPLE0000000000000001');
    expect(transferReference('dlq_01JEXAMPLE0000000000000001')).toBe(first);
    expect(first).toMatch(/^RF\d{2}\d{18}$/);
    expect(isCreditorReference(first)).toBe(true);
    const seen = new Set(Array.from({ length: 2000 }, (_, index) => transferReference(`dlq_${index}`)));
    expect(seen.size).toBe(2000);
    for (const reference of [...seen].slice(0, 200)) expect(isCreditorReference(reference)).toBe(true);
  });

  it('prints in groups of four', () => {
    expect(formatReference('RF18539007547034')).toBe('RF18 5390 0754 7034');
  });
});
