// How report counters are stored: compact snapshot JSON that reads back exactly, cut into parts when a cell is large.
import {
  cellOfItem,
  cellsOfSnapshotItems,
  decodeMetrics,
  encodeMetrics,
  snapshotItems,
} from '../../../shared/adapters/dynamodb/report-items';
import { addDays } from '../../../shared/domain/calendar';
import type { Metrics } from '../../../shared/domain/report-ledger';

describe('snapshot encoding', () => {
  it('reads back every counter exactly, dated or not, sparse dates included, zeros left out', () => {
    const metrics: Metrics = {
      'o:2026-01-31': 12_345,
      'o:2026-03-01': -7,
      'n:2026-02-28': 2,
      's:2024-02-29': 99,
      'p:old': 3,
      collected: 1_000_000_000_000,
    };
    expect(decodeMetrics(encodeMetrics({ ...metrics, pdRemoved: 0 }))).toEqual(metrics);
  });

  it('keeps a year of daily counters in a fraction of the plain JSON', () => {
    const metrics: Metrics = {};
    for (let day = 0; day < 365; day += 1) {
      metrics[`o:${addDays('2025-06-01', day)}`] = 100_000 + day;
      metrics[`n:${addDays('2025-06-01', day)}`] = 3;
    }
    const compact = encodeMetrics(metrics);
    expect(compact.length * 3).toBeLessThan(JSON.stringify(metrics).length);
    expect(decodeMetrics(compact)).toEqual(metrics);
  });

  it('cuts a large cell into parts and puts them back together in any order', () => {
    const metrics: Metrics = {};
    // Far-apart dates make the dense form long: over 300,000 characters.
    for (let day = 0; day < 60_000; day += 1) metrics[`o:${addDays('1900-01-01', day)}`] = 1_000_000 + day;
    const cell = { family: 'collector' as const, value: 'kari#1', currency: 'EUR', metrics };
    const items = snapshotItems('t1', '2026-06-30', cell);
    expect(items.length).toBeGreaterThan(1);
    const [back] = cellsOfSnapshotItems([...items].reverse());
    expect(back).toEqual(cell);
    expect(() => cellsOfSnapshotItems(items.slice(1))).toThrow(/parts/);
  });

  it('reads a day cell back from its counter attributes only', () => {
    expect(
      cellOfItem({
        pk: 'p',
        sk: 's',
        type: 'ReportCell',
        family: 'total',
        value: '*',
        currency: 'EUR',
        day: '2026-06-30',
        expiresAt: 1,
        'm_o:2026-06-01': 5,
        m_collected: 0,
      }),
    ).toEqual({
      family: 'total',
      value: '*',
      currency: 'EUR',
      day: '2026-06-30',
      metrics: { 'o:2026-06-01': 5 },
    });
  });
});
