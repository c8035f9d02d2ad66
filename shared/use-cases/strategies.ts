// Partner use cases on strategies, and the one place that guarantees every tenant has its default ladder.
import { DEFAULT_STRATEGY, DEFAULT_STRATEGY_ID } from '../domain/strategy';
import { NotFoundError } from '../errors/errors';
import type { Clock } from '../ports/clock.port';
import type { StrategyRepository } from '../ports/strategy-repository.port';
import type { PutStrategyBody, Strategy } from '../schemas/strategy.schema';
import { retryOnConflict } from './retry-on-conflict';

export interface StrategyDeps {
  clock: Clock;
  strategies: StrategyRepository;
}

const byId = (a: Strategy, b: Strategy) =>
  a.id === DEFAULT_STRATEGY_ID ? -1 : b.id === DEFAULT_STRATEGY_ID ? 1 : a.id.localeCompare(b.id);

/**
 * The tenant's strategies, default first. A tenant that never set a default gets the documented one, stored on first
 * use (a conditional write, so concurrent first uses store it once).
 */
export const listStrategies = async (deps: StrategyDeps, tenantId: string): Promise<Strategy[]> => {
  const stored = await deps.strategies.list(tenantId);
  if (stored.some((strategy) => strategy.id === DEFAULT_STRATEGY_ID)) return stored.sort(byId);
  const now = deps.clock.now().toISOString();
  const builtIn: Strategy = {
    id: DEFAULT_STRATEGY_ID,
    ...DEFAULT_STRATEGY,
    isDefault: true,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  if (await deps.strategies.save(tenantId, builtIn, null)) return [...stored, builtIn].sort(byId);
  return (await deps.strategies.list(tenantId)).sort(byId);
};

export const getStrategy = async (deps: StrategyDeps, tenantId: string, strategyId: string): Promise<Strategy> => {
  const found = (await listStrategies(deps, tenantId)).find((strategy) => strategy.id === strategyId);
  if (!found) throw new NotFoundError(`no strategy ${strategyId}`);
  return found;
};

export const putStrategy = (
  deps: StrategyDeps,
  tenantId: string,
  strategyId: string,
  body: PutStrategyBody,
): Promise<{ strategy: Strategy; created: boolean }> =>
  retryOnConflict('the strategy', async () => {
    const existing = (await deps.strategies.list(tenantId)).find((strategy) => strategy.id === strategyId);
    const now = deps.clock.now().toISOString();
    const strategy: Strategy = {
      id: strategyId,
      name: body.name,
      ...(body.appliesTo ? { appliesTo: body.appliesTo } : {}),
      steps: body.steps,
      ...(body.interest ? { interest: body.interest } : {}),
      isDefault: strategyId === DEFAULT_STRATEGY_ID,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
      version: (existing?.version ?? 0) + 1,
    };
    if (!(await deps.strategies.save(tenantId, strategy, existing?.version ?? null))) return undefined;
    return { strategy, created: !existing };
  });
