// Money is an integer count of a currency's minor units; this module is the only place that knows how many minor units a currency has.

/** Every ISO 4217 code the runtime's Intl data knows, uppercase. */
const knownCurrencies: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/** The largest amount accepted anywhere: well inside Number.MAX_SAFE_INTEGER so sums of many amounts stay exact. */
export const MAX_MINOR_UNITS = 1_000_000_000_000_000;

export const isCurrencyCode = (code: string): boolean => /^[A-Z]{3}$/.test(code) && knownCurrencies.has(code);

/** Number of decimal digits in one major unit (EUR 2, JPY 0, KWD 3). */
export const minorUnitDigits = (currency: string): number =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;

/** Renders minor units for a person to read, e.g. formatMoney(123456, 'EUR', 'de-DE') → "1.234,56 €". */
export const formatMoney = (minorUnits: number, currency: string, locale = 'en'): string => {
  const digits = minorUnitDigits(currency);
  return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits }).format(
    minorUnits / 10 ** digits,
  );
};

export interface Allocation {
  /** The part of the payment that reduced what was owed. */
  applied: number;
  /** The part beyond what was owed: kept as the customer's credit, never lost. */
  unapplied: number;
}

/** Splits a payment between what is owed and what is left over. Both inputs are minor units of one currency. */
export const allocatePayment = (owed: number, payment: number): Allocation => {
  const applied = Math.max(0, Math.min(owed, payment));
  return { applied, unapplied: payment - applied };
};
