// Storage of collectors: who works the queue, how much they hold, and how their assigned debts ended.
import type { Collector, PutCollectorBody } from '../schemas/collector.schema';

export interface CollectorRepository {
  /** Creates or updates a collector; load and results are kept. */
  put(
    tenantId: string,
    collectorId: string,
    body: PutCollectorBody,
    now: string,
  ): Promise<{ collector: Collector; created: boolean }>;
  get(tenantId: string, collectorId: string): Promise<Collector | null>;
  list(tenantId: string): Promise<Collector[]>;
  /** A debt of theirs ended: one fewer open, and a result for the month when it was paid. */
  release(tenantId: string, collectorId: string, month: string, paid: boolean): Promise<void>;
  /** A closed debt of theirs reopened (a refund or chargeback): one more open. */
  reclaim(tenantId: string, collectorId: string): Promise<void>;
}
