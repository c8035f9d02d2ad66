// How the dashboard writes its figures for a person: days and percentages as the API rounded them, months by name,
// and a dash where the API had nothing to divide by (null).
import { readerLocale } from '../../format';

export const NOTHING = '—';

export const days = (value: number | null): string =>
  value === null ? NOTHING : value.toLocaleString(readerLocale(), { maximumFractionDigits: 2 });

export const percent = (value: number | null): string =>
  value === null
    ? NOTHING
    : (value / 100).toLocaleString(readerLocale(), {
        style: 'percent',
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
      });

export const count = (value: number | null): string =>
  value === null ? NOTHING : value.toLocaleString(readerLocale());

/** "Nov 2026" for 2026-11. */
export const monthName = (month: string): string =>
  new Intl.DateTimeFormat(readerLocale(), { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );

/** "Nov 26": a month under a chart's bar, where room is short. */
export const shortMonthName = (month: string): string =>
  new Intl.DateTimeFormat(readerLocale(), { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );
