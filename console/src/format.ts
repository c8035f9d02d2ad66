// How the console writes amounts and times for a person: money from integer minor units in its own currency (never
// through a float), instants in a named IANA zone, all in the reader's locale.

/** The reader's locale: the browser's first choice. */
export const readerLocale = (): string => navigator.languages?.[0] ?? navigator.language ?? 'en';

const fractionDigitsCache = new Map<string, number>();

/** How many minor units a currency has (ISO 4217 as the browser knows it: EUR 2, JPY 0, BHD 3). */
export const minorDigits = (currency: string): number => {
  let digits = fractionDigitsCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    fractionDigitsCache.set(currency, digits);
  }
  return digits;
};

/** An integer amount of minor units as an exact decimal string ("-1234.05"), for Intl to format without rounding. */
export const minorToDecimal = (amount: number, currency: string): string => {
  const digits = minorDigits(currency);
  const sign = amount < 0 ? '-' : '';
  const units = String(Math.abs(Math.trunc(amount))).padStart(digits + 1, '0');
  return digits === 0 ? `${sign}${units}` : `${sign}${units.slice(0, -digits)}.${units.slice(-digits)}`;
};

/** "€1,250.50" / "1 250,50 €": an amount of minor units in its currency, in the reader's locale. */
export const money = (amount: number, currency: string, locale = readerLocale()): string =>
  new Intl.NumberFormat(locale, { style: 'currency', currency }).format(
    minorToDecimal(amount, currency) as unknown as number,
  );

/** A major-unit amount typed by a person ("1 250,50", "1250.5") as minor units; null when it is not an amount. */
export const parseMajor = (text: string, currency: string): number | null => {
  const cleaned = text.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return null;
  const digits = minorDigits(currency);
  const [whole = '0', fraction = ''] = cleaned.split('.');
  if (fraction.length > digits) return null;
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
};

/** An instant in a zone, as a person there reads it: "7 Dec 2026, 09:00 CET". (Intl refuses `dateStyle` together
 *  with `timeZoneName`, hence the fields one by one.) */
export const dateTime = (iso: string, timeZone: string, locale = readerLocale()): string =>
  new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(new Date(iso));

/** A calendar date (YYYY-MM-DD) as a person reads it, with no zone shift. */
export const calendarDate = (date: string, locale = readerLocale()): string =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));

/** The calendar date of an instant in a zone (YYYY-MM-DD). */
export const dateIn = (iso: string, timeZone: string): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(iso),
  );

/** The reader's own zone, for instants that belong to no customer (a task's creation, a settings change). */
export const readerZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;
