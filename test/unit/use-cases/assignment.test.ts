// Who gets a new delinquency: active collectors with room, ranked by recent results weighted by free capacity.
import { rankCollectors, recentSuccess } from '../../../shared/use-cases/assignment';
import type { Collector } from '../../../shared/schemas/collector.schema';

const now = new Date('2026-12-15T10:00:00Z');
const collector = (
  id: string,
  openCount: number,
  capacity: number,
  results: Record<string, number> = {},
  active = true,
): Collector => ({ id, name: id, capacity, active, openCount, results, createdAt: 'x', updatedAt: 'x' });

describe('assignment ranking', () => {
  it('counts results of this month and the last, smoothed towards one half', () => {
    expect(recentSuccess(collector('a', 0, 10), now)).toBe(0.5);
    expect(
      recentSuccess(
        collector('a', 0, 10, {
          '2026-12#assigned': 6,
          '2026-12#resolved': 5,
          '2026-11#assigned': 2,
          '2026-11#resolved': 1,
          '2026-09#assigned': 50,
        }),
        now,
      ),
    ).toBe(7 / 10);
  });

  it('skips inactive and full collectors, and prefers free capacity at equal results', () => {
    const ranked = rankCollectors(
      [collector('full', 5, 5), collector('off', 0, 10, {}, false), collector('busy', 8, 10), collector('free', 2, 10)],
      now,
    );
    expect(ranked.map((c) => c.id)).toEqual(['free', 'busy']);
  });

  it('prefers better recent results at equal load', () => {
    const good = collector('good', 5, 10, { '2026-12#assigned': 10, '2026-12#resolved': 9 });
    const poor = collector('poor', 5, 10, { '2026-12#assigned': 10, '2026-12#resolved': 2 });
    expect(rankCollectors([poor, good], now).map((c) => c.id)).toEqual(['good', 'poor']);
  });
});
