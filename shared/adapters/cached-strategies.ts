// Keeps a tenant's strategies in the function's memory for a short while: every payment reads them for the interest
// rule, and they change seldom. A save through this container forgets them at once; other containers within the TTL.
import type { StrategyRepository } from '../ports/strategy-repository.port';
import type { Strategy } from '../schemas/strategy.schema';

/** How stale another container's view of a changed strategy may be. */
export const STRATEGY_CACHE_MS = 30_000;

export class CachedStrategies implements StrategyRepository {
  private readonly cached = new Map<string, { strategies: Strategy[]; until: number }>();

  constructor(
    private readonly inner: StrategyRepository,
    /** Real milliseconds: the cache is about this process, not about business time. */
    private readonly nowMs: () => number = Date.now,
    private readonly ttlMs = STRATEGY_CACHE_MS,
  ) {}

  async list(tenantId: string): Promise<Strategy[]> {
    const hit = this.cached.get(tenantId);
    // A copy each time: callers sort what they get.
    if (hit && hit.until > this.nowMs()) return [...hit.strategies];
    const strategies = await this.inner.list(tenantId);
    this.cached.set(tenantId, { strategies, until: this.nowMs() + this.ttlMs });
    return [...strategies];
  }

  async save(tenantId: string, strategy: Strategy, expectedVersion: number | null): Promise<boolean> {
    this.cached.delete(tenantId);
    try {
      return await this.inner.save(tenantId, strategy, expectedVersion);
    } finally {
      this.cached.delete(tenantId);
    }
  }
}
