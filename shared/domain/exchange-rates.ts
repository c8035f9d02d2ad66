// Converts money between currencies with dated euro reference rates: the ECB's table shipped here, a tenant's own
// rows first. Used to rank the work queue by what a debt is worth in the tenant's base currency.
import { minorUnitDigits } from './money';

/** One day of reference rates: how many units of each currency one euro bought. The euro itself is implied (1). */
export interface ReferenceRateDay {
  /** The day (YYYY-MM-DD) the rates were published for. */
  date: string;
  rates: Readonly<Record<string, number>>;
}

/** The base currency of a tenant that has not named one. */
export const DEFAULT_BASE_CURRENCY = 'EUR';

/**
 * ECB euro foreign exchange reference rates (the daily concertation at 14:15 CET) for the currencies the product is
 * used with, on three published days, each row as the ECB's historical file (eurofxref-hist) gives it. Newer rates
 * belong in a tenant's `exchangeRates`.
 */
export const ECB_EURO_REFERENCE_RATES: readonly ReferenceRateDay[] = [
  {
    date: '2019-04-10',
    rates: {
      USD: 1.1279,
      JPY: 125.38,
      GBP: 0.86083,
      DKK: 7.4652,
      SEK: 10.44,
      NOK: 9.5895,
      CHF: 1.128,
      PLN: 4.2833,
      RON: 4.7605,
    },
  },
  {
    date: '2021-12-01',
    rates: {
      USD: 1.1314,
      JPY: 128.27,
      GBP: 0.85,
      DKK: 7.4362,
      SEK: 10.226,
      NOK: 10.2195,
      CHF: 1.0427,
      PLN: 4.6283,
      RON: 4.9467,
    },
  },
  {
    date: '2024-04-26',
    rates: {
      USD: 1.0714,
      JPY: 168.03,
      GBP: 0.85643,
      DKK: 7.4573,
      SEK: 11.7052,
      NOK: 11.7995,
      CHF: 0.9779,
      PLN: 4.3205,
      RON: 4.9764,
    },
  },
];

/** A rate as an exact fraction: digits over a power of ten (11.7995 is 117995 / 10^4). Floats never meet money. */
interface Exact {
  digits: bigint;
  scale: number;
}

const exact = (rate: number): Exact => {
  // A float's shortest spelling is the decimal it was written as (11.7995); exponent forms are spelled out first.
  const spelled = /e/i.test(String(rate)) ? rate.toFixed(20).replace(/\.?0+$/, '') : String(rate);
  const [whole, fraction = ''] = spelled.split('.');
  return { digits: BigInt(`${whole}${fraction}`), scale: fraction.length };
};

/** The rate of a currency on a date: the latest day on or before it that quotes the currency; the tenant's rows first. */
export const euroRateOn = (
  currency: string,
  date: string,
  tables: readonly (readonly ReferenceRateDay[])[],
): { rate: number; date: string | null } | null => {
  if (currency === 'EUR') return { rate: 1, date: null };
  for (const table of tables) {
    let found: { rate: number; date: string } | null = null;
    for (const day of table) {
      const rate = day.rates[currency];
      if (rate !== undefined && day.date <= date && (found === null || day.date > found.date))
        found = { rate, date: day.date };
    }
    if (found) return found;
  }
  return null;
};

export interface Converted {
  amount: number;
  currency: string;
  /** The published day of the rate used (the older of the two legs when neither is the euro). */
  rateDate: string;
}

/**
 * Converts an amount of minor units into another currency through the euro (cross rate = to ÷ from), each currency
 * with its own minor-unit exponent (JPY 0), rounded half away from zero once, at the end. Null when a currency has no
 * rate on or before the date (or the result would not be an exact integer).
 */
export const convertMinorUnits = (
  amount: number,
  from: string,
  to: string,
  date: string,
  tenantRates: readonly ReferenceRateDay[] = [],
): Converted | null => {
  if (from === to) return { amount, currency: to, rateDate: date };
  const tables = [tenantRates, ECB_EURO_REFERENCE_RATES];
  const fromRate = euroRateOn(from, date, tables);
  const toRate = euroRateOn(to, date, tables);
  if (!fromRate || !toRate) return null;
  const f = exact(fromRate.rate);
  const t = exact(toRate.rate);
  // amount / 10^dFrom / (f.digits / 10^f.scale) * (t.digits / 10^t.scale) * 10^dTo, as one fraction.
  const ten = (power: number) => 10n ** BigInt(power);
  const numerator = BigInt(Math.abs(amount)) * t.digits * ten(f.scale) * ten(minorUnitDigits(to));
  const denominator = f.digits * ten(t.scale) * ten(minorUnitDigits(from));
  const rounded = (2n * numerator + denominator) / (2n * denominator);
  if (rounded > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  const rateDate = [fromRate.date, toRate.date].filter((day): day is string => day !== null).sort()[0] ?? date;
  return { amount: (amount < 0 ? -1 : 1) * Number(rounded), currency: to, rateDate };
};

/** What an amount is worth in a tenant's base currency on a date, with the tenant's own rates first. */
export const inBaseCurrency = (
  tenant: { baseCurrency?: string | undefined; exchangeRates?: readonly ReferenceRateDay[] | undefined } | null,
  amount: number,
  currency: string,
  date: string,
): Converted | null =>
  convertMinorUnits(amount, currency, tenant?.baseCurrency ?? DEFAULT_BASE_CURRENCY, date, tenant?.exchangeRates ?? []);
