// Counting invoice writes into the report counters after they happen, from the table's stream (delivered at least once).
import type { InvoiceFact, InvoiceSide } from '../domain/report-ledger';

/** One invoice write the counters must follow: the invoice before (null: first counted now) and after, and its fact. */
export interface CountedWrite {
  /** The stream record it came from: a batch that fails is retried from the first record not counted. */
  recordId: string;
  tenantId: string;
  invoiceId: string;
  /** The invoice version the write produced: the write is counted once per version. */
  version: number;
  /** The instant the fact counts at (its tenant-local date is the counters' day). */
  at: string;
  before: InvoiceSide | null;
  after: InvoiceSide;
  fact: InvoiceFact;
}

export interface ReportStream {
  /**
   * Counts the writes in order; a write counted before (a record delivered again) is not counted twice. Returns the
   * record id of the first write it could not count (the rest are left too), or null when all are counted.
   */
  count(writes: readonly CountedWrite[]): Promise<{ failedFrom: string | null; error?: unknown }>;
}
