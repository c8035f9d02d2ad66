// When a ladder's steps reach a customer: the nominal moment, moved by the contact rules as the engine moves it.
import { timeSteps } from '../../../shared/domain/step-timing';
import { DEFAULT_STRATEGY } from '../../../shared/domain/strategy';
import type { Step } from '../../../shared/schemas/strategy.schema';

const iso = (date: Date | null) => date?.toISOString() ?? null;

describe('timeSteps', () => {
  it('sends every step of the default ladder at the send time in the customer zone when the window allows it', () => {
    const timed = timeSteps(DEFAULT_STRATEGY.steps, '2026-12-01', 'Europe/Oslo', { sendTime: '09:00' });
    expect(timed.map((entry) => [entry.step.id, iso(entry.at), entry.movedBy])).toEqual([
      ['upcoming', '2026-11-28T08:00:00.000Z', undefined],
      ['overdue', '2026-12-02T08:00:00.000Z', undefined],
      ['overdue-sms', '2026-12-05T08:00:00.000Z', undefined],
      ['second-reminder', '2026-12-11T08:00:00.000Z', undefined],
      ['late-fee', '2026-12-16T08:00:00.000Z', undefined],
      ['collector-call', '2026-12-21T08:00:00.000Z', undefined],
      ['final-notice-letter', '2026-12-31T08:00:00.000Z', undefined],
      ['final-notice', '2026-12-31T08:00:00.000Z', undefined],
      ['hand-off', '2027-01-15T08:00:00.000Z', undefined],
    ]);
  });

  it("moves a contact the tenant's quiet hours forbid at the send time, but not a letter or a hand-off", () => {
    const timed = timeSteps(DEFAULT_STRATEGY.steps, '2026-12-01', 'Europe/Oslo', {
      sendTime: '09:00',
      quietHours: { start: '10:30', end: '18:00' },
    });
    const byId = Object.fromEntries(timed.map((entry) => [entry.step.id, entry]));
    // 10:30 in Oslo (UTC+1): the window's opening, since the send time is before it.
    expect([iso(byId.overdue!.at), byId.overdue!.movedBy]).toEqual(['2026-12-02T09:30:00.000Z', 'quiet-hours']);
    expect(iso(byId.overdue!.scheduledAt)).toBe('2026-12-02T08:00:00.000Z');
    expect([iso(byId['collector-call']!.at), byId['collector-call']!.movedBy]).toEqual([
      '2026-12-21T09:30:00.000Z',
      'quiet-hours',
    ]);
    expect([iso(byId['final-notice-letter']!.at), byId['final-notice-letter']!.movedBy]).toEqual([
      '2026-12-31T08:00:00.000Z',
      undefined,
    ]);
    expect([iso(byId['hand-off']!.at), byId['hand-off']!.movedBy]).toEqual(['2027-01-15T08:00:00.000Z', undefined]);
  });

  it("moves a send time after the window to the window's next opening", () => {
    // A send time of 22:00 is outside the law's 08:00-21:00: the step goes when the window next opens.
    const [step] = timeSteps([{ id: 'late', offsetDays: 1, channel: 'email' }], '2026-12-01', 'UTC', {
      sendTime: '22:00',
    });
    expect([iso(step!.scheduledAt), iso(step!.at), step!.movedBy]).toEqual([
      '2026-12-02T22:00:00.000Z',
      '2026-12-03T08:00:00.000Z',
      'quiet-hours',
    ]);
  });

  it('keeps the local time across a DST change, so the UTC instant moves by an hour', () => {
    const steps: Step[] = [
      { id: 'a', offsetDays: 1, channel: 'email' },
      { id: 'b', offsetDays: 10, channel: 'email' },
    ];
    const timed = timeSteps(steps, '2026-03-01', 'America/New_York', { sendTime: '09:00' });
    expect(timed.map((entry) => iso(entry.at))).toEqual(['2026-03-02T14:00:00.000Z', '2026-03-11T13:00:00.000Z']);
  });

  it('says a pre-due step on a channel the hourly run does not send never goes', () => {
    const [step] = timeSteps([{ id: 'early-call', offsetDays: -2, channel: 'call' }], '2026-12-01', 'UTC', {
      sendTime: '09:00',
    });
    expect([step!.at, step!.notSent]).toEqual([null, 'before the due date only email and SMS reminders are sent']);
  });
});
