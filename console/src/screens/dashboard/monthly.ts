// The monthly KPI answers laid out for tables and charts: one row per month and currency, and the currencies any month
// had figures in (a month with none shows an empty bar, not a zero).
import type { KpiFigures } from '../../api-types';
import type { DashboardData } from './use-dashboard';

export interface MonthFigures {
  month: string;
  currency: string;
  figures: KpiFigures;
}

export const monthlyRows = (months: DashboardData['months']): MonthFigures[] =>
  months.flatMap(({ month, report }) =>
    Object.entries(report.currencies).map(([currency, figures]) => ({ month, currency, figures })),
  );

export const currenciesOf = (rows: MonthFigures[]): string[] => [...new Set(rows.map((row) => row.currency))].sort();

/** One series per currency over the months, a figure picked from each month's answer. */
export const seriesByCurrency = (
  months: DashboardData['months'],
  rows: MonthFigures[],
  pick: (figures: KpiFigures) => number | null,
) =>
  currenciesOf(rows).map((currency) => ({
    name: currency,
    values: months.map(({ report }) => {
      const figures = report.currencies[currency];
      return figures ? pick(figures) : null;
    }),
  }));
