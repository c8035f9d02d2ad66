// What each fact adds to the pre-aggregated report figures: an invoice's standing (open, settled, sold) and the money
// that moved, as additive counters per dimension and currency, so reports read a few counters instead of every invoice.
//
// Two kinds of counters (metrics), both plain integers that add up:
// - levels, re-derived from the invoice itself, so a write adds (after − before) and can never drift:
//     o:{dueDate}  open balance (amount + fees − payments) of open invoices due that day
//     n:{dueDate}  how many open invoices are due that day
//     p:{dueDate}  how many invoices due that day are settled (paid or credited to zero; not void, not written off)
//     s:{issueDate} credit sales: the amount of every invoice issued that day that is not void
// - imports, booked once on the day an invoice is first counted (created or imported), never moved afterwards:
//     i:{issueDate} the open balance the invoice was first counted with. An invoice imported after a period began but
//                   issued before it was owed at the start although no counter of that day holds it: a period's
//                   opening receivables add these for issue dates before the period, booked after its start.
// - flows, summed up over time (a period's flow is the counter at its end minus the counter at its start):
//     collected, credited, charged, writtenOff, voided  money moved by payments, dispute credits, fees, write-offs, voids
//     pdCollected  payments applied to invoices already past due that day, net of refunds and chargebacks
//     pdRemoved    past-due balance that left other than by payment: credits, write-offs, voids, lowered amounts
//                  (never netted with money that arrives, so the recovery rate's denominator holds every inflow)
//     ptpDecided, ptpKept, ptpPromised, ptpPaid  promises to pay decided (kept, partly kept or broken)
import { addDays } from './calendar';
import { invoiceBalance } from './invoice';

/** The breakdowns a report can be asked for, plus `total` (everything, value "*"). */
export const REPORT_FAMILIES = ['total', 'segment', 'country', 'collector'] as const;
export type ReportFamily = (typeof REPORT_FAMILIES)[number];
export type ReportDimension = Exclude<ReportFamily, 'total'>;
export const REPORT_DIMENSIONS: readonly ReportDimension[] = ['segment', 'country', 'collector'];

export const TOTAL_VALUE = '*';
/** A customer without a segment or country is grouped under this. */
export const NO_VALUE = '(none)';
/** A debt nobody is assigned to (and an invoice not in collection) is grouped under this collector. */
export const UNASSIGNED = 'unassigned';

/** Days of history a snapshot keeps per issue or due date: a KPI period (366 days at most) plus its count-back year. */
export const REPORT_HISTORY_DAYS = 400;
/** The longest KPI period, in days. */
export const MAX_REPORT_PERIOD_DAYS = 366;

export type ReportDims = Record<ReportDimension, string>;

export const reportDims = (
  customer: { segment?: string | undefined; country?: string | undefined } | null,
  assigneeId: string | null,
): ReportDims => ({
  segment: customer?.segment ?? NO_VALUE,
  country: customer?.country ?? NO_VALUE,
  collector: assigneeId ?? UNASSIGNED,
});

export type Metrics = Record<string, number>;

export const metric = {
  open: (dueDate: string) => `o:${dueDate}`,
  openCount: (dueDate: string) => `n:${dueDate}`,
  settled: (dueDate: string) => `p:${dueDate}`,
  sales: (issueDate: string) => `s:${issueDate}`,
  imported: (issueDate: string) => `i:${issueDate}`,
} as const;

/** Settled counts of due dates older than a snapshot keeps, lumped together (always before any cure cohort's start). */
export const SETTLED_BEFORE_HISTORY = 'p:old';
/** Import counters of issue dates older than a snapshot keeps, lumped together (always before any period's start). */
export const IMPORTED_BEFORE_HISTORY = 'i:old';

export type Flow =
  | 'collected'
  | 'credited'
  | 'charged'
  | 'writtenOff'
  | 'voided'
  | 'pdCollected'
  | 'pdRemoved'
  | 'ptpDecided'
  | 'ptpKept'
  | 'ptpPromised'
  | 'ptpPaid';

export interface CellKey {
  family: ReportFamily;
  value: string;
  currency: string;
}

export interface Cell extends CellKey {
  metrics: Metrics;
}

/** The report state: every (family, value, currency) cell with its counters. */
export type ReportState = Map<string, Cell>;

export const cellId = (key: CellKey): string => `${key.family}\u0000${key.value}\u0000${key.currency}`;

/** Adds `source` × sign into `target`, dropping counters that come to zero. */
export const addMetrics = (target: Metrics, source: Metrics, sign: 1 | -1 = 1): Metrics => {
  for (const [name, amount] of Object.entries(source)) {
    const sum = (target[name] ?? 0) + sign * amount;
    if (sum === 0) delete target[name];
    else target[name] = sum;
  }
  return target;
};

/** Adds cells into a state (in place) and returns it. */
export const addCells = (state: ReportState, cells: Iterable<Cell>, sign: 1 | -1 = 1): ReportState => {
  for (const cell of cells) {
    const id = cellId(cell);
    const existing = state.get(id);
    if (existing) addMetrics(existing.metrics, cell.metrics, sign);
    else
      state.set(id, {
        family: cell.family,
        value: cell.value,
        currency: cell.currency,
        metrics: addMetrics({}, cell.metrics, sign),
      });
  }
  return state;
};

/** The invoice fields the report counters follow. */
export interface InvoiceStanding {
  amount: number;
  currency: string;
  issuedAt: string;
  dueDate: string;
  voided: boolean;
  writtenOff: boolean;
  paidTotal: number;
  feesTotal: number;
}

/** What the invoice owes and is counted as owing (void and written-off invoices owe nothing here). */
const openBalance = (invoice: InvoiceStanding): number =>
  invoice.voided || invoice.writtenOff ? 0 : invoiceBalance(invoice);

/** The level counters one invoice contributes. */
export const invoiceLevels = (invoice: InvoiceStanding): Metrics => {
  const levels: Metrics = {};
  if (invoice.voided) return levels;
  levels[metric.sales(invoice.issuedAt)] = invoice.amount;
  if (invoice.writtenOff) return levels;
  const open = openBalance(invoice);
  if (open > 0) {
    levels[metric.open(invoice.dueDate)] = open;
    levels[metric.openCount(invoice.dueDate)] = 1;
  } else {
    levels[metric.settled(invoice.dueDate)] = 1;
  }
  return levels;
};

/** What happened to the invoice in this write; `replace` covers creation, replacement, voiding and writing off. */
export type InvoiceFact =
  | { kind: 'replace' }
  | { kind: 'payment'; applied: number; adjustment: boolean }
  | { kind: 'refund'; reversedApplied: number }
  | { kind: 'charge'; amount: number };

/** Past due on `day`: the due date is before it (on the due date itself an invoice is still current). */
const pastDueOn = (dueDate: string, day: string) => dueDate < day;

const pastDueOpen = (invoice: InvoiceStanding | null, day: string) =>
  invoice && pastDueOn(invoice.dueDate, day) ? openBalance(invoice) : 0;

/** The flow counters of one write on `day` (the tenant's local date it happened on). */
export const invoiceFlows = (
  before: InvoiceStanding | null,
  after: InvoiceStanding,
  fact: InvoiceFact,
  day: string,
): Metrics => {
  const flows: Metrics = {};
  const add = (name: Flow, amount: number) => {
    if (amount !== 0) flows[name] = (flows[name] ?? 0) + amount;
  };
  const pastDue = pastDueOn(after.dueDate, day);
  switch (fact.kind) {
    case 'payment':
      if (fact.adjustment) {
        add('credited', fact.applied);
        if (pastDue) add('pdRemoved', fact.applied);
      } else {
        add('collected', fact.applied);
        if (pastDue) add('pdCollected', fact.applied);
      }
      break;
    case 'refund':
      add('collected', -fact.reversedApplied);
      if (pastDue) add('pdCollected', -fact.reversedApplied);
      break;
    case 'charge':
      add('charged', fact.amount);
      break;
    case 'replace':
      if (before && !before.voided && after.voided) add('voided', openBalance(before));
      if (before && before.voided && !after.voided) add('voided', -openBalance(after));
      if (before && !before.writtenOff && after.writtenOff && !after.voided) add('writtenOff', openBalance(before));
      // Past-due money that left without a payment: void, write-off, a lower amount or a later due date. Money that
      // arrives (an invoice imported already past due, a higher amount) is not netted here: it is in what is owed.
      add('pdRemoved', Math.max(0, pastDueOpen(before, day) - pastDueOpen(after, day)));
      break;
  }
  return flows;
};

export interface InvoiceSide {
  invoice: InvoiceStanding;
  dims: ReportDims;
}

/**
 * The counter changes of one invoice write: in every family, the invoice's levels leave the cell it was counted in
 * and (re-derived) enter the cell it is counted in now, and the write's flows are added there.
 */
export const invoiceCellChanges = (change: {
  before: InvoiceSide | null;
  after: InvoiceSide;
  fact: InvoiceFact;
  day: string;
}): Cell[] => {
  const cells: ReportState = new Map();
  const flows = invoiceFlows(change.before?.invoice ?? null, change.after.invoice, change.fact, change.day);
  const afterMetrics = { ...invoiceLevels(change.after.invoice), ...flows };
  if (!change.before) {
    const opening = afterMetrics[metric.open(change.after.invoice.dueDate)] ?? 0;
    if (opening > 0) afterMetrics[metric.imported(change.after.invoice.issuedAt)] = opening;
  }
  for (const family of REPORT_FAMILIES) {
    const valueOf = (dims: ReportDims) => (family === 'total' ? TOTAL_VALUE : dims[family]);
    if (change.before) {
      addCells(
        cells,
        [
          {
            family,
            value: valueOf(change.before.dims),
            currency: change.before.invoice.currency,
            metrics: invoiceLevels(change.before.invoice),
          },
        ],
        -1,
      );
    }
    addCells(cells, [
      { family, value: valueOf(change.after.dims), currency: change.after.invoice.currency, metrics: afterMetrics },
    ]);
  }
  return [...cells.values()].filter((cell) => Object.keys(cell.metrics).length > 0);
};

/** A reassignment or a customer's new segment or country: the invoice's levels move to the new value of that family. */
export const dimensionMoveCells = (invoice: InvoiceStanding, from: ReportDims, to: ReportDims): Cell[] => {
  const levels = invoiceLevels(invoice);
  if (Object.keys(levels).length === 0) return [];
  return REPORT_DIMENSIONS.filter((family) => from[family] !== to[family]).flatMap((family) => [
    { family, value: from[family], currency: invoice.currency, metrics: addMetrics({}, levels, -1) },
    { family, value: to[family], currency: invoice.currency, metrics: { ...levels } },
  ]);
};

/** The counters of a promise decision; only kept, partly kept and broken promises are decisions. */
export const promiseFlows = (promise: { status: string; amount: number; paidTowards: number | null }): Metrics => {
  if (!['kept', 'partially_kept', 'broken'].includes(promise.status)) return {};
  const flows: Metrics = { ptpDecided: 1, ptpPromised: promise.amount };
  if (promise.status === 'kept') flows.ptpKept = 1;
  const paid = Math.max(0, Math.min(promise.paidTowards ?? 0, promise.amount));
  if (paid > 0) flows.ptpPaid = paid;
  return flows;
};

/** The same counters in every family, for a fact whose dimensions are known (a promise decision). */
export const cellsInEveryFamily = (dims: ReportDims, currency: string, metrics: Metrics): Cell[] =>
  Object.keys(metrics).length === 0
    ? []
    : REPORT_FAMILIES.map((family) => ({
        family,
        value: family === 'total' ? TOTAL_VALUE : dims[family],
        currency,
        metrics: { ...metrics },
      }));

/**
 * Keeps a snapshot bounded: sales older than the history window are dropped (no report reads them), settled counts
 * and import counters older than it are lumped into one counter each (a cure cohort, and a period's opening, always
 * include all of them).
 */
export const pruneMetrics = (metrics: Metrics, day: string): Metrics => {
  const horizon = addDays(day, -REPORT_HISTORY_DAYS);
  const pruned: Metrics = {};
  for (const [name, amount] of Object.entries(metrics)) {
    if (amount === 0) continue;
    const date = name.length === 12 && name[1] === ':' ? name.slice(2) : null;
    if (date !== null && date < horizon && name.startsWith('s:')) continue;
    if (date !== null && date < horizon && (name.startsWith('p:') || name.startsWith('i:'))) {
      const lump = name.startsWith('p:') ? SETTLED_BEFORE_HISTORY : IMPORTED_BEFORE_HISTORY;
      pruned[lump] = (pruned[lump] ?? 0) + amount;
      continue;
    }
    pruned[name] = (pruned[name] ?? 0) + amount;
  }
  return pruned;
};
