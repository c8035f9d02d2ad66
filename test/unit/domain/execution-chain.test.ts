// The execution chain's names and hand-over rule: readable names within Step Functions' limits, and a hand-over early
// enough that neither the year nor the history limit is ever reached.
import {
  HAND_OVER_AFTER_MS,
  HAND_OVER_AFTER_PASSES,
  MAX_EVENTS_PER_PASS,
  STANDARD_EXECUTION_LIMITS,
  executionName,
  generationOf,
  mustHandOver,
} from '../../../shared/domain/execution-chain';
import { stableId } from '../../../shared/domain/ids';

const id = stableId('dlq', 'tenant', 'invoice');

describe('execution chain', () => {
  it('names the chain <id>, <id>.2, <id>.3 and reads the generation back', () => {
    expect([1, 2, 3].map((generation) => executionName(id, generation))).toEqual([id, `${id}.2`, `${id}.3`]);
    expect(generationOf(id, id)).toBe(1);
    expect(generationOf(id, `${id}.12`)).toBe(12);
    expect(generationOf(id, `${id}-r1`)).toBeNull();
    expect(generationOf(id, `${id}.02`)).toBeNull();
  });

  it('keeps every name of a delinquency id within 80 characters of the allowed alphabet', () => {
    expect(id).toHaveLength(30);
    expect(executionName(id, 9_999)).toMatch(/^[A-Za-z0-9_.-]{1,80}$/);
    expect(() => executionName('x'.repeat(79), 2)).toThrow(/80 characters/);
  });

  it('hands over before the history limit even if every pass used every retry, and before a year even after a week-long wait', () => {
    // Every pass at its worst (the last one's wait replaced by the hand-over), then HandOver with all its retries (2 + 7 x 3),
    // HandedOver (2) and the execution's start and end (2).
    expect(HAND_OVER_AFTER_PASSES * MAX_EVENTS_PER_PASS + (2 + 7 * 3) + 2 + 2).toBeLessThan(
      STANDARD_EXECUTION_LIMITS.maxHistoryEvents,
    );
    expect(HAND_OVER_AFTER_MS + 7 * 24 * 3600_000 + 3600_000).toBeLessThan(STANDARD_EXECUTION_LIMITS.maxDurationMs);
    const startedAt = '2027-01-01T00:00:00Z';
    expect(mustHandOver({ startedAt, passes: HAND_OVER_AFTER_PASSES - 1 }, new Date('2027-06-01T00:00:00Z'))).toBe(
      false,
    );
    expect(mustHandOver({ startedAt, passes: HAND_OVER_AFTER_PASSES }, new Date('2027-06-01T00:00:00Z'))).toBe(true);
    expect(mustHandOver({ startedAt, passes: 10 }, new Date(Date.parse(startedAt) + HAND_OVER_AFTER_MS))).toBe(true);
  });
});
