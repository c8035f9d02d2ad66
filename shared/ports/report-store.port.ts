// The pre-aggregated report counters, read as they stood at a day's close, and folded into daily snapshots.
import type { ReportFamily, ReportState } from '../domain/report-ledger';

export interface ReportStore {
  /**
   * Every counter of the given families at the close of `day` (the tenant's local date; for today, so far): the
   * latest snapshot on or before it plus what the facts added since. Reads a bounded number of items. `kinds` (the
   * first letter of dated counters: o, n, p, s; f for the undated) narrows what must be there; others may come too.
   */
  stateAt(
    tenantId: string,
    day: string,
    families: readonly ReportFamily[],
    kinds?: readonly string[],
  ): Promise<ReportState>;
  /**
   * Folds the counters of days up to `throughDay` (closed days only) into snapshots, so later reads start from them.
   * Writing again changes nothing; returns the days a snapshot was written for.
   */
  buildSnapshots(tenantId: string, throughDay: string): Promise<string[]>;
}
