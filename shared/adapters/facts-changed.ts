// Wakes a delinquency's execution after a fact changed: bump the facts version, then hand its parked token to the waker.
import type { DelinquencyWakeups } from '../ports/delinquency-repository.port';
import type { ExecutionWaker } from '../ports/executions.port';
import type { FactsChanged } from '../ports/facts-changed.port';
import { logger } from '../observability/logger';

export class WakeOnFactsChanged implements FactsChanged {
  constructor(
    private readonly delinquencies: DelinquencyWakeups,
    private readonly waker: ExecutionWaker,
  ) {}

  async notify(tenantId: string, delinquencyId: string): Promise<void> {
    try {
      const token = await this.delinquencies.bumpFacts(tenantId, delinquencyId);
      if (token) await this.waker.wake(token);
    } catch (error) {
      // The fact is stored and the version moved: the execution sees it at its next wake-up at the latest.
      logger.warn('could not wake the execution at once', { tenantId, delinquencyId, error: error as Error });
    }
  }
}
