// Currency conversion for the work queue: dated ECB euro rates, cross rates through the euro, each currency's own
// minor units, one rounding, and a tenant's own rates first.
import { convertMinorUnits, ECB_EURO_REFERENCE_RATES, inBaseCurrency } from '../../../shared/domain/exchange-rates';

describe('convertMinorUnits', () => {
  it('uses the latest published day on or before the date, and nothing before the table starts', () => {
    // €1,000.00 in pounds: 0.85643 on 26 April 2024, 0.86908 from 2 January until then.
    expect(convertMinorUnits(100_000, 'EUR', 'GBP', '2024-04-26')).toEqual({
      amount: 85_643,
      currency: 'GBP',
      rateDate: '2024-04-26',
    });
    expect(convertMinorUnits(100_000, 'EUR', 'GBP', '2024-04-25')).toEqual({
      amount: 85_000,
      currency: 'GBP',
      rateDate: '2021-12-01',
    });
    expect(convertMinorUnits(100_000, 'EUR', 'GBP', '2026-12-20')).toMatchObject({
      amount: 85_643,
      rateDate: '2024-04-26',
    });
    expect(convertMinorUnits(100_000, 'EUR', 'GBP', '2019-04-09')).toBeNull();
    expect(convertMinorUnits(100_000, 'EUR', 'ISK', '2024-04-26')).toBeNull();
  });

  it('crosses through the euro: NOK 1,250.00 is £90.73 at the rates of 26 April 2024', () => {
    // 1,250 × 0.85643 ÷ 11.7995 = 90.7273...
    expect(convertMinorUnits(125_000, 'NOK', 'GBP', '2024-04-26')).toEqual({
      amount: 9_073,
      currency: 'GBP',
      rateDate: '2024-04-26',
    });
    // SEK to USD on 1 December 2021: 1,000 × 1.1314 ÷ 10.226 = 110.639...
    expect(convertMinorUnits(100_000, 'SEK', 'USD', '2021-12-01')).toMatchObject({ amount: 11_064 });
  });

  it('counts each currency in its own minor units: the yen has none', () => {
    // €100.00 is ¥16,803; ¥10,000 is €59.51 and £50.97.
    expect(convertMinorUnits(10_000, 'EUR', 'JPY', '2024-04-26')).toMatchObject({ amount: 16_803, currency: 'JPY' });
    expect(convertMinorUnits(10_000, 'JPY', 'EUR', '2024-04-26')).toMatchObject({ amount: 5_951 });
    expect(convertMinorUnits(10_000, 'JPY', 'GBP', '2024-04-26')).toMatchObject({ amount: 5_097 });
  });

  it('rounds half up once, at the end, never on the way through the euro', () => {
    const rates = [{ date: '2026-01-01', rates: { NOK: 10, GBP: 0.85, USD: 2 } }];
    // 5 øre is £0.00425: rounding to euro cents first (0.5 → 1 cent → 0.85p → 1p) would give a penny that is not there.
    expect(convertMinorUnits(5, 'NOK', 'GBP', '2026-06-01', rates)).toMatchObject({ amount: 0 });
    // 1 US cent is exactly half a euro cent: half rounds up, and away from zero for a negative amount.
    expect(convertMinorUnits(1, 'USD', 'EUR', '2026-06-01', rates)).toMatchObject({ amount: 1 });
    expect(convertMinorUnits(-1, 'USD', 'EUR', '2026-06-01', rates)).toMatchObject({ amount: -1 });
  });

  it("takes the tenant's rows first, currency by currency, and the shipped table for the rest", () => {
    const own = [{ date: '2026-12-01', rates: { NOK: 10 } }];
    // NOK from the tenant (10 to the euro), GBP from the ECB's 26 April 2024: 1,250 ÷ 10 × 0.85643 = £107.05.
    expect(convertMinorUnits(125_000, 'NOK', 'GBP', '2026-12-20', own)).toEqual({
      amount: 10_705,
      currency: 'GBP',
      rateDate: '2024-04-26',
    });
    // Before the tenant's row, the shipped rate.
    expect(convertMinorUnits(125_000, 'NOK', 'EUR', '2026-11-30', own)).toMatchObject({
      amount: 10_594,
      rateDate: '2024-04-26',
    });
  });

  it('leaves an amount in its own currency as it is, and a tenant without a base currency counts in euros', () => {
    expect(convertMinorUnits(48_960, 'GBP', 'GBP', '2026-12-20')).toEqual({
      amount: 48_960,
      currency: 'GBP',
      rateDate: '2026-12-20',
    });
    expect(inBaseCurrency({}, 48_960, 'GBP', '2026-12-20')).toMatchObject({ amount: 57_168, currency: 'EUR' });
    expect(inBaseCurrency({ baseCurrency: 'NOK' }, 48_960, 'GBP', '2026-12-20')).toMatchObject({
      amount: 674_548,
      currency: 'NOK',
    });
  });

  it('ships every currency the product is used with on every day of its table', () => {
    for (const day of ECB_EURO_REFERENCE_RATES) {
      expect(Object.keys(day.rates).sort()).toEqual(['CHF', 'DKK', 'GBP', 'JPY', 'NOK', 'PLN', 'RON', 'SEK', 'USD']);
    }
  });
});
