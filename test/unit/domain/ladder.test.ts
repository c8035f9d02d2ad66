// The ladder re-derived from facts: late, repeated and catch-up wake-ups neither skip nor repeat a step.
import { deferredSendAt, ladderPosition, scheduleSteps, type ScheduledStep } from '../../../shared/domain/ladder';
import { DEFAULT_STRATEGY } from '../../../shared/domain/strategy';

const delinquencySteps = DEFAULT_STRATEGY.steps.filter((step) => step.offsetDays > 0);
const schedule = scheduleSteps(delinquencySteps, '2026-12-01', 'Europe/Oslo', '09:00');
const ids = (entries: ScheduledStep[]) => entries.map((entry) => entry.step.id);
const at = (iso: string) => new Date(iso);

describe('scheduleSteps', () => {
  it('fires each step on the local date dueDate + offset at the send time, in the customer zone', () => {
    expect(schedule[0]!.fireAt.toISOString()).toBe('2026-12-02T08:00:00.000Z'); // 09:00 in Oslo (UTC+1)
    const tokyo = scheduleSteps(delinquencySteps, '2026-12-01', 'Asia/Tokyo', '09:00');
    expect(tokyo[0]!.fireAt.toISOString()).toBe('2026-12-02T00:00:00.000Z');
  });

  it('keeps the local send time across a DST change', () => {
    const march = scheduleSteps(
      [
        { id: 'a', offsetDays: 1, channel: 'email' },
        { id: 'b', offsetDays: 10, channel: 'email' },
      ],
      '2026-03-01',
      'America/New_York',
      '09:00',
    );
    expect(march.map((entry) => entry.fireAt.toISOString())).toEqual([
      '2026-03-02T14:00:00.000Z',
      '2026-03-11T13:00:00.000Z',
    ]);
  });
});

describe('ladderPosition', () => {
  it('acts on nothing before the first step and names it as next', () => {
    const position = ladderPosition(schedule, new Set(), at('2026-12-02T07:59:00Z'));
    expect(position.act).toEqual([]);
    expect(position.next?.step.id).toBe('overdue');
  });

  it('acts on the step that fell due and then waits for the next', () => {
    const position = ladderPosition(schedule, new Set(), at('2026-12-02T08:00:00Z'));
    expect(ids(position.act)).toEqual(['overdue']);
    expect(position.skip).toEqual([]);
    expect(position.next?.step.id).toBe('overdue-sms');
  });

  it('does nothing twice: a repeated wake-up after the step is done acts on nothing', () => {
    expect(ladderPosition(schedule, new Set(['overdue']), at('2026-12-02T09:00:00Z')).act).toEqual([]);
  });

  it('catches up by acting only on the most advanced due step and skipping the rest', () => {
    const position = ladderPosition(schedule, new Set(), at('2026-12-12T12:00:00Z'));
    expect(ids(position.act)).toEqual(['second-reminder']);
    expect(ids(position.skip)).toEqual(['overdue', 'overdue-sms']);
    expect(position.next?.step.id).toBe('late-fee');
  });

  it('acts on every step of the most advanced offset together (letter and email on one day)', () => {
    const position = ladderPosition(
      schedule,
      new Set(['overdue', 'overdue-sms', 'second-reminder', 'late-fee', 'collector-call']),
      at('2026-12-31T10:00:00Z'),
    );
    expect(ids(position.act)).toEqual(['final-notice-letter', 'final-notice']);
  });

  it('never goes backwards: a due step behind one already done is skipped', () => {
    const position = ladderPosition(schedule, new Set(['second-reminder']), at('2026-12-12T12:00:00Z'));
    expect(position.act).toEqual([]);
    expect(ids(position.skip)).toEqual(['overdue', 'overdue-sms']);
  });

  it('has nothing next once the last step is done', () => {
    const all = new Set(delinquencySteps.map((step) => step.id));
    expect(ladderPosition(schedule, all, at('2027-03-01T00:00:00Z'))).toEqual({ act: [], skip: [], next: null });
  });
});

describe('deferredSendAt', () => {
  const deferred = (iso: string, sendTime = '09:00') => deferredSendAt(at(iso), 'Europe/Oslo', sendTime)?.toISOString();

  it("item 16: holds a step back to the send time of the next allowed day, not to the window's opening", () => {
    expect(deferred('2026-12-02T22:30:00Z')).toBe('2026-12-03T08:00:00.000Z'); // 23:30 -> 09:00 next day (UTC+1)
    expect(deferred('2026-12-03T05:00:00Z')).toBe('2026-12-03T08:00:00.000Z'); // 06:00 -> 09:00 the same day
  });

  it("takes the window's opening when the send time is before it, and never a later day for a send time outside it", () => {
    expect(deferred('2026-12-02T22:30:00Z', '07:00')).toBe('2026-12-03T07:00:00.000Z'); // 08:00 Oslo
    expect(deferred('2026-12-02T20:30:00Z', '21:30')).toBe('2026-12-03T07:00:00.000Z');
  });
});
