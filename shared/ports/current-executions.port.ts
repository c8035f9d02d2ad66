// Which execution escalates each delinquency: recorded by the execution itself at its first pass, read by every pass,
// by the restart marker and by the hourly run's reconciliation.
import type { ExecutionRef } from '../schemas/execution-ref.schema';

export interface CurrentExecutions {
  get(tenantId: string, delinquencyId: string): Promise<ExecutionRef | null>;
  /** Records `execution` if the record still names `expected` (null: none yet); false if another write came first. */
  claim(tenantId: string, delinquencyId: string, execution: ExecutionRef, expected: string | null): Promise<boolean>;
}
