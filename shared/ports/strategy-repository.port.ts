// Storage of a tenant's escalation strategies.
import type { Strategy } from '../schemas/strategy.schema';

export interface StrategyRepository {
  list(tenantId: string): Promise<Strategy[]>;
  /** Writes the strategy if the stored version is still `expectedVersion` (null: must not exist yet); false if it moved. */
  save(tenantId: string, strategy: Strategy, expectedVersion: number | null): Promise<boolean>;
}
