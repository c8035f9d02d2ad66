// Strategies kept per container: a payment reads them from memory, a change saved through the same container is seen
// by the next read at once, and another container's change within the cache's lifetime at most.
import { CachedStrategies, STRATEGY_CACHE_MS } from '../../../shared/adapters/cached-strategies';
import type { StrategyRepository } from '../../../shared/ports/strategy-repository.port';
import type { Strategy } from '../../../shared/schemas/strategy.schema';

const strategy = (id: string, name: string) => ({ id, name }) as unknown as Strategy;

const storeWith = (stored: Strategy[]) => {
  let reads = 0;
  const store: StrategyRepository = {
    list: async () => {
      reads += 1;
      return [...stored];
    },
    save: async (_tenantId, saved) => {
      stored.splice(0, stored.length, ...stored.filter((candidate) => candidate.id !== saved.id), saved);
      return true;
    },
  };
  return { store, reads: () => reads };
};

describe('CachedStrategies', () => {
  it('answers repeated reads of a tenant from memory until the cache runs out', async () => {
    let now = 0;
    const { store, reads } = storeWith([strategy('default', 'Default ladder')]);
    const cached = new CachedStrategies(store, () => now);
    await cached.list('t1');
    await cached.list('t1');
    expect(reads()).toBe(1);
    await cached.list('t2');
    expect(reads()).toBe(2);
    now += STRATEGY_CACHE_MS + 1;
    await cached.list('t1');
    expect(reads()).toBe(3);
  });

  it('forgets a tenant at once when a strategy is saved through it', async () => {
    const { store } = storeWith([strategy('default', 'Default ladder')]);
    const cached = new CachedStrategies(store, () => 0);
    await cached.list('t1');
    await cached.save('t1', strategy('default', 'Gentler ladder'), 1);
    expect((await cached.list('t1')).map((found) => found.name)).toEqual(['Gentler ladder']);
  });

  it('hands out a copy, so a caller sorting its list does not reorder the cache', async () => {
    const { store } = storeWith([strategy('b', 'B'), strategy('a', 'A')]);
    const cached = new CachedStrategies(store, () => 0);
    (await cached.list('t1')).sort((x, y) => x.id.localeCompare(y.id));
    expect((await cached.list('t1')).map((found) => found.id)).toEqual(['b', 'a']);
  });
});
