// Money rules: ISO 4217 codes, minor-unit digits per currency, and payment allocation that never loses a cent.
import { allocatePayment, formatMoney, isCurrencyCode, minorUnitDigits } from '../../../shared/domain/money';

describe('currency codes', () => {
  it.each(['EUR', 'USD', 'NOK', 'JPY', 'KWD', 'GBP', 'RON', 'SEK'])('accepts %s', (code) => {
    expect(isCurrencyCode(code)).toBe(true);
  });

  it.each(['eur', 'EU', 'EURO', 'XYZ', '', '€'])('refuses %p', (code) => {
    expect(isCurrencyCode(code)).toBe(false);
  });
});

describe('minor units', () => {
  it('knows how many digits a currency has', () => {
    expect(minorUnitDigits('EUR')).toBe(2);
    expect(minorUnitDigits('JPY')).toBe(0);
    expect(minorUnitDigits('KWD')).toBe(3);
  });

  it('formats minor units for a reader in their locale', () => {
    expect(formatMoney(123456, 'EUR', 'en-IE')).toBe('€1,234.56');
    expect(formatMoney(5000, 'JPY', 'en')).toBe('¥5,000');
    expect(formatMoney(1234567, 'KWD', 'en')).toMatch(/^KWD\s1,234\.567$/u);
  });
});

describe('allocatePayment', () => {
  it('applies a partial payment in full', () => {
    expect(allocatePayment(10_000, 2_500)).toEqual({ applied: 2_500, unapplied: 0 });
  });

  it('keeps what exceeds the balance as unapplied credit', () => {
    expect(allocatePayment(10_000, 12_345)).toEqual({ applied: 10_000, unapplied: 2_345 });
  });

  it('applies nothing to a settled balance', () => {
    expect(allocatePayment(0, 500)).toEqual({ applied: 0, unapplied: 500 });
  });

  it('never creates or loses money', () => {
    for (const [owed, paid] of [
      [1, 1],
      [999, 1_000],
      [1_000_000, 3],
    ] as const) {
      const { applied, unapplied } = allocatePayment(owed, paid);
      expect(applied + unapplied).toBe(paid);
    }
  });
});
