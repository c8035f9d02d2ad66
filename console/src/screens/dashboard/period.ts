// The dashboard's period in calendar months (YYYY-MM): the default (the last six months up to the tenant's today), the
// months it spans, and each month as the days the reports API is asked for (never past today, which the API refuses).

/** The most months one period may span: a year of days is the most the KPI report takes. */
export const MAX_PERIOD_MONTHS = 12;
const DEFAULT_MONTHS = 6;

export interface Period {
  from: string;
  to: string;
}

export interface MonthSpan {
  month: string;
  from: string;
  to: string;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export const isMonth = (text: string | null | undefined): text is string => !!text && MONTH.test(text);

const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const monthAt = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

export const addMonths = (month: string, count: number): string => monthAt(monthIndex(month) + count);

/** Months from `from` to `to`, both included. */
export const monthsBetween = (from: string, to: string): number => monthIndex(to) - monthIndex(from) + 1;

const lastDay = (month: string): string => {
  const days = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
  return `${month}-${String(days).padStart(2, '0')}`;
};

const notAfter = (day: string, today: string) => (day > today ? today : day);

export const defaultPeriod = (today: string): Period => {
  const to = today.slice(0, 7);
  return { from: addMonths(to, -(DEFAULT_MONTHS - 1)), to };
};

/** What is wrong with a period a person picked, said for them; null when it can be shown. */
export const periodProblem = (period: Period, today: string): string | null => {
  if (!isMonth(period.from) || !isMonth(period.to)) return 'Pick a first and a last month.';
  if (period.from > period.to) return 'The first month must not be after the last.';
  if (period.to > today.slice(0, 7)) return 'The last month must not be after this month.';
  if (monthsBetween(period.from, period.to) > MAX_PERIOD_MONTHS)
    return `A period spans at most ${MAX_PERIOD_MONTHS} months.`;
  return null;
};

/** Each month of the period as the days it covers up to today. */
export const periodMonths = (period: Period, today: string): MonthSpan[] => {
  const spans: MonthSpan[] = [];
  for (let month = period.from; month <= period.to; month = addMonths(month, 1))
    spans.push({ month, from: `${month}-01`, to: notAfter(lastDay(month), today) });
  return spans;
};

/** The whole period as days: the first of its first month to the end of its last (or today). */
export const periodDays = (period: Period, today: string): { from: string; to: string } => ({
  from: `${period.from}-01`,
  to: notAfter(lastDay(period.to), today),
});
