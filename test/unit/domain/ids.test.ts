// Ids Arrears mints sort by time, and by creation order within one millisecond (timelines depend on it).
import { newId, stableId } from '../../../shared/domain/ids';

describe('ids', () => {
  it('sorts ids made in one millisecond in the order they were made', () => {
    const at = new Date('2026-12-01T00:00:00Z');
    const ids = Array.from({ length: 50 }, () => newId('tl', at));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(50);
  });

  it('sorts ids by time', () => {
    expect(newId('x', new Date('2026-12-02T00:00:00Z')) > newId('x', new Date('2026-12-01T00:00:00Z'))).toBe(true);
  });

  it('derives the same stable id from the same inputs only', () => {
    expect(stableId('dlq', 't', 'i')).toBe(stableId('dlq', 't', 'i'));
    expect(stableId('dlq', 't', 'i')).not.toBe(stableId('dlq', 't', 'j'));
    expect(stableId('dlq', 'a', 'bc')).not.toBe(stableId('dlq', 'ab', 'c'));
  });
});
