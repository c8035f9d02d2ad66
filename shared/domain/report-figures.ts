// The report figures, read off the counters of the report state at a day's close: aging as of a date, and the KPIs of
// a period from the states at the close of the day before it and at its last day. Pure: no storage, no clock.
//
// Definitions pinned here (README "Reports" repeats them):
// - Receivables (A/R) are what invoices owe: amount + fees − payments and credits, for invoices neither void nor
//   written off. Interest that accrues day by day is shown on the invoice but is not booked, so it is not in A/R.
// - Beginning A/R is what was owed at the close of the day before the period, plus every invoice issued before the
//   period but first counted (imported) after that day and by the period's end, with the balance it was imported
//   with: the books say it was owed then, whenever they were imported. The ending A/R and the credit sales hold the
//   invoices counted by the period's end, so the three figures describe the same invoices.
// - Credit sales are the amounts of the invoices issued in the period (by issue date), void ones excluded.
// - DSO is the count-back figure over calendar months: the month of `to` up to `to`, then whole months before it, for
//   at most a year; `dsoRegular` is ending A/R ÷ credit sales × days. Best possible DSO uses the current A/R;
//   average days delinquent is regular DSO − best possible DSO; CEI divides credit sales by the period's months
//   (days ÷ 30.44, rounded, at least 1).
// - Promise-kept rate: promises decided in the period (kept, partly kept or broken on their last day; cancelled ones
//   do not count); by count kept ÷ decided, by amount paid towards them (each capped at its promise) ÷ promised.
// - Recovery rate: payments applied to past-due invoices in the period (net of refunds and chargebacks) ÷ the past-due
//   money there was to collect: what was collected, credited, written off or voided while past due, plus what is
//   still past due at the end.
// - Cure rate: of the invoices past due at the close of the day before the period, the share settled (paid or
//   credited to zero) by its end, net: one a refund reopens, or a settled one voided, within the period counts back.
// - Roll rate from a past-due bucket: of that bucket's balance (and count) at the start, the share still owed at the
//   end; over a one-month period that is what rolled into the next bucket.
import { addDays, daysBetween } from './calendar';
import { AGING_BUCKETS, ageAmounts, type AgingBucket, type AgingRow } from './aging';
import {
  averageDaysDelinquent,
  bestPossibleDso,
  collectionEffectivenessIndex,
  countBackDso,
  cureRate,
  promiseKeptRate,
  recoveryRate,
  regularDso,
  rollRate,
  type SalesMonth,
} from './kpis';
import {
  IMPORTED_BEFORE_HISTORY,
  SETTLED_BEFORE_HISTORY,
  type Flow,
  type Metrics,
  type ReportFamily,
  type ReportState,
} from './report-ledger';

/** Metrics of one family, by value and currency. */
export type FamilyMetrics = Map<string, Map<string, Metrics>>;

export const familyMetrics = (state: ReportState, family: ReportFamily): FamilyMetrics => {
  const byValue: FamilyMetrics = new Map();
  for (const cell of state.values()) {
    if (cell.family !== family) continue;
    let currencies = byValue.get(cell.value);
    if (!currencies) byValue.set(cell.value, (currencies = new Map()));
    currencies.set(cell.currency, cell.metrics);
  }
  return byValue;
};

/** The dated counters of one kind ("o", "n", "p", "s") as [date, amount] pairs. */
const dated = (metrics: Metrics | undefined, kind: string): [string, number][] =>
  Object.entries(metrics ?? {})
    .filter(([name]) => name.length === 12 && name.startsWith(`${kind}:`))
    .map(([name, amount]) => [name.slice(2), amount]);

/** One kind's dated counters in date order with running sums, so any date range adds up in two binary searches. */
interface DatedSeries {
  dates: string[];
  /** running[i] is the sum of the first i amounts. */
  running: number[];
}

type DatedIndex = (kind: string, from?: string, to?: string) => number;

/** Indexes a cell's dated counters once; the answer sums one kind from `from` to `to`, both inclusive, either end open. */
const datedIndex = (metrics: Metrics | undefined): DatedIndex => {
  const series = new Map<string, DatedSeries>();
  const pairs = new Map<string, [string, number][]>();
  for (const [name, amount] of Object.entries(metrics ?? {})) {
    if (name.length !== 12 || name[1] !== ':') continue;
    const kind = name[0]!;
    const entries = pairs.get(kind);
    if (entries) entries.push([name.slice(2), amount]);
    else pairs.set(kind, [[name.slice(2), amount]]);
  }
  for (const [kind, entries] of pairs) {
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const running = [0];
    for (const [, amount] of entries) running.push(running.at(-1)! + amount);
    series.set(kind, { dates: entries.map(([date]) => date), running });
  }
  /** The first position whose date is at or after `date`. */
  const lowerBound = (dates: string[], date: string) => {
    let low = 0;
    let high = dates.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (dates[middle]! < date) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  return (kind, from, to) => {
    const found = series.get(kind);
    if (!found) return 0;
    const start = from === undefined ? 0 : lowerBound(found.dates, from);
    const end = to === undefined ? found.dates.length : lowerBound(found.dates, addDays(to, 1));
    return end > start ? found.running[end]! - found.running[start]! : 0;
  };
};

const flow = (metrics: Metrics | undefined, name: Flow) => metrics?.[name] ?? 0;

/** Aging per value and currency; currencies with nothing open are left out. */
export const agingFigures = (
  state: ReportState,
  family: ReportFamily,
  asOf: string,
): Map<string, Map<string, AgingRow>> => {
  const result = new Map<string, Map<string, AgingRow>>();
  for (const [value, currencies] of familyMetrics(state, family)) {
    const rows = new Map<string, AgingRow>();
    for (const [currency, metrics] of currencies) {
      const row = ageAmounts(dated(metrics, 'o'), asOf);
      if (row.total !== 0) rows.set(currency, row);
    }
    if (rows.size > 0) result.set(value, new Map([...rows].sort(([a], [b]) => a.localeCompare(b))));
  }
  return result;
};

export interface KpiPeriod {
  from: string;
  to: string;
}

/** Months of the period for CEI's N: its days ÷ the mean month (30.44 days), rounded, at least 1. */
export const periodMonths = (period: KpiPeriod): number =>
  Math.max(1, Math.round(((daysBetween(period.from, period.to) + 1) * 12) / 365.25));

/** Latest first: the month of `to` from its first day up to `to`, then the whole calendar months before it. */
export const countBackMonths = (to: string, months = 12): { from: string; to: string; days: number }[] => {
  const slices: { from: string; to: string; days: number }[] = [];
  let end = to;
  for (let index = 0; index < months; index += 1) {
    const start = `${end.slice(0, 8)}01`;
    slices.push({ from: start, to: end, days: daysBetween(start, end) + 1 });
    end = addDays(start, -1);
  }
  return slices;
};

const ROLLING_BUCKETS: readonly Exclude<AgingBucket, 'current' | '91+'>[] = ['1-30', '31-60', '61-90'];
const nextBucket = (bucket: AgingBucket): AgingBucket => AGING_BUCKETS[AGING_BUCKETS.indexOf(bucket) + 1] ?? '91+';

export interface RollRate {
  to: AgingBucket;
  balance: number | null;
  count: number | null;
}

export interface KpiFigures {
  receivables: { beginning: number; ending: number; endingCurrent: number; endingPastDue: number };
  creditSales: number;
  collected: number;
  /** Payments applied to past-due invoices in the period, net of refunds and chargebacks: the recovery rate's top. */
  recovered: number;
  dso: number | null;
  dsoRegular: number | null;
  bestPossibleDso: number | null;
  averageDaysDelinquent: number | null;
  cei: number | null;
  promises: {
    decided: number;
    kept: number;
    promised: number;
    paid: number;
    keptRate: { count: number | null; amount: number | null };
  };
  recoveryRate: number | null;
  cureRate: number | null;
  cured: number;
  delinquentAtStart: number;
  rollRates: Record<string, RollRate>;
}

/** Days past due that each past-due bucket spans (91+ has no upper end). */
const BUCKET_DAYS: Record<(typeof ROLLING_BUCKETS)[number], [number, number]> = {
  '1-30': [1, 30],
  '31-60': [31, 60],
  '61-90': [61, 90],
};

/** The KPIs of one value and currency, from its counters at the close of the day before the period and of its end. */
export const kpiFiguresOf = (start: Metrics | undefined, end: Metrics | undefined, period: KpiPeriod): KpiFigures => {
  const days = daysBetween(period.from, period.to) + 1;
  const startDay = addDays(period.from, -1);
  const atStart = datedIndex(start);
  const atEnd = datedIndex(end);
  // Invoices issued by the start day and first counted after it (the import counters added in between).
  const importedLate =
    atEnd('i', undefined, startDay) +
    (end?.[IMPORTED_BEFORE_HISTORY] ?? 0) -
    atStart('i', undefined, startDay) -
    (start?.[IMPORTED_BEFORE_HISTORY] ?? 0);
  const beginning = atStart('o') + importedLate;
  const ending = atEnd('o');
  // Current on the last day: due that day or later (0 days past due or fewer).
  const endingCurrent = atEnd('o', period.to);
  const creditSales = atEnd('s', period.from, period.to);
  const delta = (name: Flow) => flow(end, name) - flow(start, name);
  const months: SalesMonth[] = countBackMonths(period.to).map((slice) => ({
    creditSales: atEnd('s', slice.from, slice.to),
    days: slice.days,
  }));
  const pdCollected = delta('pdCollected');
  const endingPastDue = ending - endingCurrent;
  // The cure cohort: due dates already past due at the close of the day before the period (due before that day).
  const lastCohortDueDate = addDays(startDay, -1);
  const delinquentAtStart = atStart('n', undefined, lastCohortDueDate);
  const cured =
    atEnd('p', undefined, lastCohortDueDate) +
    (end?.[SETTLED_BEFORE_HISTORY] ?? 0) -
    atStart('p', undefined, lastCohortDueDate) -
    (start?.[SETTLED_BEFORE_HISTORY] ?? 0);
  const rollRates: Record<string, RollRate> = {};
  for (const bucket of ROLLING_BUCKETS) {
    // Due dates that were `low`..`high` days past due at the start.
    const [low, high] = BUCKET_DAYS[bucket];
    const [from, to] = [addDays(startDay, -high), addDays(startDay, -low)];
    rollRates[bucket] = {
      to: nextBucket(bucket),
      balance: rollRate(atStart('o', from, to), atEnd('o', from, to)),
      count: rollRate(atStart('n', from, to), atEnd('n', from, to)),
    };
  }
  const promises = {
    decided: delta('ptpDecided'),
    kept: delta('ptpKept'),
    promised: delta('ptpPromised'),
    paid: delta('ptpPaid'),
  };
  return {
    receivables: { beginning, ending, endingCurrent, endingPastDue },
    creditSales,
    collected: delta('collected'),
    recovered: pdCollected,
    dso: countBackDso(ending, months),
    dsoRegular: regularDso({ receivables: ending, creditSales, days }),
    bestPossibleDso: bestPossibleDso({ currentReceivables: endingCurrent, creditSales, days }),
    averageDaysDelinquent: averageDaysDelinquent({
      receivables: ending,
      currentReceivables: endingCurrent,
      creditSales,
      days,
    }),
    cei: collectionEffectivenessIndex({
      beginningReceivables: beginning,
      creditSales,
      months: periodMonths(period),
      endingReceivables: ending,
      endingCurrentReceivables: endingCurrent,
    }),
    promises: {
      ...promises,
      keptRate: promiseKeptRate({
        decided: promises.decided,
        kept: promises.kept,
        promisedAmount: promises.promised,
        paidAmount: promises.paid,
      }),
    },
    recoveryRate: recoveryRate(pdCollected, endingPastDue + pdCollected + delta('pdRemoved')),
    cureRate: cureRate(delinquentAtStart, cured),
    cured: Math.max(0, Math.min(cured, delinquentAtStart)),
    delinquentAtStart,
    rollRates,
  };
};

const hasFigures = (metrics: Metrics | undefined) => metrics !== undefined && Object.keys(metrics).length > 0;

/** KPIs per value and currency of one family; a currency with no counters at either end is left out. */
export const kpiFigures = (
  start: ReportState,
  end: ReportState,
  family: ReportFamily,
  period: KpiPeriod,
): Map<string, Map<string, KpiFigures>> => {
  const startMetrics = familyMetrics(start, family);
  const endMetrics = familyMetrics(end, family);
  const result = new Map<string, Map<string, KpiFigures>>();
  const values = [...new Set([...startMetrics.keys(), ...endMetrics.keys()])].sort();
  for (const value of values) {
    const currencies = [
      ...new Set([...(startMetrics.get(value)?.keys() ?? []), ...(endMetrics.get(value)?.keys() ?? [])]),
    ].sort();
    const rows = new Map<string, KpiFigures>();
    for (const currency of currencies) {
      const before = startMetrics.get(value)?.get(currency);
      const after = endMetrics.get(value)?.get(currency);
      if (!hasFigures(before) && !hasFigures(after)) continue;
      rows.set(currency, kpiFiguresOf(before, after, period));
    }
    if (rows.size > 0) result.set(value, rows);
  }
  return result;
};
