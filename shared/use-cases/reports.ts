// The report use cases: aging and KPIs read off the pre-aggregated counters, and the daily snapshot the hourly run writes.
import { addDays, daysBetween, localDate } from '../domain/calendar';
import { AGING_BUCKETS, emptyAgingRow, type AgingRow } from '../domain/aging';
import { agingFigures, kpiFigures, periodMonths, type KpiFigures } from '../domain/report-figures';
import { addCells, TOTAL_VALUE, type ReportFamily, type ReportState } from '../domain/report-ledger';
import { ValidationError } from '../errors/errors';
import type { Clock } from '../ports/clock.port';
import type { ReportStore } from '../ports/report-store.port';
import type { TenantDirectory } from '../ports/tenant-directory.port';
import type { AgingQuery, AgingReport, KpiQuery, KpiReport } from '../schemas/report.schema';

export interface ReportDeps {
  clock: Clock;
  tenants: Pick<TenantDirectory, 'getTenant'>;
  reports: ReportStore;
}

/** A snapshot is written once a day has been closed this long, so no write of that day can still be on its way. */
export const SNAPSHOT_SETTLE_MS = 10 * 60_000;

/** The tenant's own today: reports count days in the tenant's zone. */
const tenantToday = async (deps: ReportDeps, tenantId: string): Promise<string> => {
  const tenant = await deps.tenants.getTenant(tenantId);
  return localDate(deps.clock.now(), tenant?.timeZone ?? 'UTC');
};

const notAfterToday = (field: string, value: string, today: string) => {
  if (value > today)
    throw new ValidationError('reports cover days up to today', [
      { path: `query.${field}`, message: `must not be after today (${today})` },
    ]);
};

/** One family's cells summed per currency: the total, exact, since every invoice is counted under one value. */
const collapse = (state: ReportState, family: ReportFamily): ReportState =>
  addCells(
    new Map(),
    [...state.values()]
      .filter((cell) => cell.family === family)
      .map((cell) => ({
        family: 'total' as const,
        value: TOTAL_VALUE,
        currency: cell.currency,
        metrics: cell.metrics,
      })),
  );

const objectOf = <T>(rows: Map<string, T> | undefined): Record<string, T> => Object.fromEntries(rows ?? []);

/** Starts a read before the dates are checked (the tenant's today is looked up meanwhile); awaited only if they pass. */
const early = <T>(read: Promise<T>): Promise<T> => {
  read.catch(() => undefined);
  return read;
};

export const agingReport = async (deps: ReportDeps, tenantId: string, query: AgingQuery): Promise<AgingReport> => {
  const family: ReportFamily = query.by ?? 'total';
  // Aging needs only the open balances by due date.
  const read = (day: string) => deps.reports.stateAt(tenantId, day, [family], ['o']);
  const reading = query.asOf === undefined ? null : early(read(query.asOf));
  const today = await tenantToday(deps, tenantId);
  const asOf = query.asOf ?? today;
  notAfterToday('asOf', asOf, today);
  const state = await (reading ?? read(asOf));
  const figures = agingFigures(state, family, asOf);
  if (!query.by) return { asOf, currencies: objectOf(figures.get(TOTAL_VALUE)) };
  // Every invoice is in exactly one group, so the currency totals are the groups' rows added up.
  const totals: Record<string, AgingRow> = {};
  const groups: Record<string, { currencies: Record<string, AgingRow> }> = {};
  for (const [value, rows] of figures) {
    groups[value] = { currencies: objectOf(rows) };
    for (const [currency, row] of rows) {
      const sum = (totals[currency] ??= emptyAgingRow());
      for (const column of [...AGING_BUCKETS, 'total'] as const) sum[column] += row[column];
    }
  }
  return {
    asOf,
    by: query.by,
    currencies: Object.fromEntries(Object.entries(totals).sort(([a], [b]) => a.localeCompare(b))),
    groups,
  };
};

export const kpiReport = async (deps: ReportDeps, tenantId: string, query: KpiQuery): Promise<KpiReport> => {
  const family: ReportFamily = query.by ?? 'total';
  // The period runs from the close of the day before it to the close of its last day.
  // Credit sales are read at the end only: the start needs balances, counts, flows and the import counters (which the
  // end's are compared with, for the invoices imported during the period but issued before it).
  const reading = early(
    Promise.all([
      deps.reports.stateAt(tenantId, addDays(query.from, -1), [family], ['o', 'n', 'p', 'f', 'i']),
      deps.reports.stateAt(tenantId, query.to, [family]),
    ]),
  );
  notAfterToday('to', query.to, await tenantToday(deps, tenantId));
  const [start, end] = await reading;
  const period = { from: query.from, to: query.to };
  const totals =
    family === 'total'
      ? kpiFigures(start, end, 'total', period)
      : kpiFigures(collapse(start, family), collapse(end, family), 'total', period);
  const answer: KpiReport = {
    from: query.from,
    to: query.to,
    days: daysBetween(query.from, query.to) + 1,
    months: periodMonths(period),
    currencies: objectOf(totals.get(TOTAL_VALUE)),
  };
  if (!query.by) return answer;
  const groups: Record<string, { currencies: Record<string, KpiFigures> }> = {};
  for (const [value, rows] of kpiFigures(start, end, family, period)) groups[value] = { currencies: objectOf(rows) };
  return { ...answer, by: query.by, groups };
};

/**
 * The hourly run's part: folds the tenant's closed days into snapshots (once per tenant-local day; later runs of the
 * same day find nothing new). Returns the days written.
 */
export const snapshotReports = async (
  deps: Pick<ReportDeps, 'clock' | 'reports'>,
  tenant: { id: string; timeZone: string },
): Promise<string[]> => {
  const settled = new Date(deps.clock.now().getTime() - SNAPSHOT_SETTLE_MS);
  return deps.reports.buildSnapshots(tenant.id, addDays(localDate(settled, tenant.timeZone), -1));
};
