// The one contact policy: the law's hours, a tenant's narrower ones, the intersection of zones, DST, and calls.
import { contactHoursOf, decideContact, type ContactRequest } from '../../../shared/domain/contact-policy';
import type { CallRecord } from '../../../shared/domain/call-frequency';

const at = (iso: string) => new Date(iso);
const LAW = { sendTime: '09:00' };
const NINE_TO_FIVE = { sendTime: '09:00', quietHours: { start: '09:00', end: '17:00' } };

const decide = (iso: string, overrides: Partial<ContactRequest> = {}) =>
  decideContact({ tenant: LAW, zones: ['Europe/Oslo'], channel: 'email', at: at(iso), ...overrides });
const until = (iso: string, overrides: Partial<ContactRequest> = {}) => {
  const decision = decide(iso, overrides);
  return decision.outcome === 'deferred' ? decision.until.toISOString() : decision.outcome;
};

describe("the law's window, with no tenant setting", () => {
  const chicago = { zones: ['America/Chicago'] };

  it('allows 08:00 to 21:00 in the customer zone and defers the rest to the next 08:00', () => {
    expect(decide('2026-12-01T13:59:00Z', chicago)).toEqual({
      outcome: 'deferred',
      rule: 'quiet-hours',
      until: at('2026-12-01T14:00:00Z'),
      why: 'outside 08:00-21:00 in America/Chicago',
    });
    expect(decide('2026-12-01T14:00:00Z', chicago)).toEqual({ outcome: 'allowed' }); // 08:00 CST
    expect(decide('2026-12-02T02:30:00Z', chicago)).toEqual({ outcome: 'allowed' }); // 20:30 CST
    expect(until('2026-12-02T03:00:00Z', chicago)).toBe('2026-12-02T14:00:00.000Z'); // 21:00 CST -> 08:00
  });

  it('holds a scheduled step to the send time on the day the window opens, as the ladder always did', () => {
    expect(until('2026-12-02T22:30:00Z', { holdTo: 'send-time' })).toBe('2026-12-03T08:00:00.000Z'); // 09:00 Oslo
    expect(until('2026-12-02T22:30:00Z')).toBe('2026-12-03T07:00:00.000Z'); // a receipt: 08:00 Oslo
  });

  it('lets a letter go at any hour', () => {
    expect(decide('2026-12-02T02:00:00Z', { channel: 'letter', tenant: NINE_TO_FIVE })).toEqual({ outcome: 'allowed' });
  });
});

describe("a tenant's narrower hours", () => {
  const tenant = NINE_TO_FIVE;

  it('defers an 08:30 send to 09:00 and a 20:30 send to the next morning', () => {
    // Oslo in December is UTC+1.
    expect(decide('2026-12-01T07:30:00Z', { tenant })).toEqual({
      outcome: 'deferred',
      rule: 'quiet-hours',
      until: at('2026-12-01T08:00:00Z'),
      why: "outside the tenant's contact hours 09:00-17:00 in Europe/Oslo",
    });
    expect(until('2026-12-01T19:30:00Z', { tenant })).toBe('2026-12-02T08:00:00.000Z');
    // Both are inside the law's window: without the setting they go at once.
    expect(decide('2026-12-01T07:30:00Z')).toEqual({ outcome: 'allowed' });
    expect(decide('2026-12-01T19:30:00Z')).toEqual({ outcome: 'allowed' });
  });

  it('allows from its start inclusive to its end exclusive', () => {
    expect(decide('2026-12-01T08:00:00Z', { tenant })).toEqual({ outcome: 'allowed' }); // 09:00
    expect(decide('2026-12-01T15:59:00Z', { tenant })).toEqual({ outcome: 'allowed' }); // 16:59
    expect(until('2026-12-01T16:00:00Z', { tenant })).toBe('2026-12-02T08:00:00.000Z'); // 17:00
  });

  it('holds a scheduled step to the send time inside its hours, or to their opening when the send time is outside', () => {
    const late = { ...tenant, sendTime: '10:30' };
    expect(until('2026-12-01T19:30:00Z', { tenant: late, holdTo: 'send-time' })).toBe('2026-12-02T09:30:00.000Z');
    const early = { ...tenant, sendTime: '08:00' };
    expect(until('2026-12-01T06:30:00Z', { tenant: early, holdTo: 'send-time' })).toBe('2026-12-01T08:00:00.000Z');
  });

  it('never widens the law: a setting outside 08:00-21:00 is cut back to it', () => {
    expect(contactHoursOf({ quietHours: { start: '07:00', end: '22:00' } })).toEqual({
      startMinute: 8 * 60,
      endMinute: 21 * 60,
    });
    expect(contactHoursOf({ quietHours: { start: '09:15', end: '16:45' } })).toEqual({
      startMinute: 9 * 60 + 15,
      endMinute: 16 * 60 + 45,
    });
  });
});

describe('the intersection of zones under the tenant hours', () => {
  it('Eastern and Pacific at 09:00-17:00: from 12:00 ET (09:00 PT) to 17:00 ET', () => {
    const zones = ['America/New_York', 'America/Los_Angeles'];
    expect(until('2026-12-01T14:00:00Z', { zones, tenant: NINE_TO_FIVE })).toBe('2026-12-01T17:00:00.000Z');
    expect(decide('2026-12-01T21:59:00Z', { zones, tenant: NINE_TO_FIVE })).toEqual({ outcome: 'allowed' });
    expect(until('2026-12-01T22:00:00Z', { zones, tenant: NINE_TO_FIVE })).toBe('2026-12-02T17:00:00.000Z');
  });

  it('refuses when the narrower hours leave no common moment, where the law still finds one', () => {
    const zones = ['Asia/Tokyo', 'America/New_York'];
    expect(until('2026-12-01T12:00:00Z', { zones })).toBe('2026-12-01T23:00:00.000Z'); // 08:00 Tokyo, 18:00 ET
    expect(decide('2026-12-01T12:00:00Z', { zones, tenant: NINE_TO_FIVE })).toEqual({
      outcome: 'refused',
      rule: 'quiet-hours',
      why: "outside the tenant's contact hours 09:00-17:00 in Asia/Tokyo and America/New_York",
    });
  });
});

describe('daylight saving time edges', () => {
  it('opens at 09:00 local on the morning New York springs forward', () => {
    // 22:00 EST on 7 March; 09:00 EDT on 8 March is 13:00Z (a day earlier 09:00 was 14:00Z).
    const newYork = { zones: ['America/New_York'], tenant: NINE_TO_FIVE };
    expect(until('2026-03-08T03:00:00Z', newYork)).toBe('2026-03-08T13:00:00.000Z');
    expect(until('2026-03-07T03:00:00Z', newYork)).toBe('2026-03-07T14:00:00.000Z');
  });

  it('closes at 17:00 local on both sides of the autumn change in Oslo', () => {
    // 24 October is summer time (UTC+2), 25 October winter time (UTC+1).
    expect(until('2026-10-24T15:00:00Z', { tenant: NINE_TO_FIVE })).toBe('2026-10-25T08:00:00.000Z');
    expect(decide('2026-10-25T15:59:00Z', { tenant: NINE_TO_FIVE })).toEqual({ outcome: 'allowed' });
    expect(until('2026-10-25T16:00:00Z', { tenant: NINE_TO_FIVE })).toBe('2026-10-26T08:00:00.000Z');
  });
});

describe('calls', () => {
  const call = (iso: string, outcome: CallRecord['outcome'] = 'no_answer'): CallRecord => ({
    at: at(iso),
    direction: 'outbound',
    outcome,
  });
  const asCall = (history: CallRecord[], outcome?: CallRecord['outcome']) => ({
    channel: 'call' as const,
    tenant: NINE_TO_FIVE,
    calls: { history, ...(outcome ? { outcome } : {}) },
  });

  it("holds calls to the tenant's hours, counted or not", () => {
    expect(until('2026-12-01T07:30:00Z', asCall([]))).toBe('2026-12-01T08:00:00.000Z');
    expect(decide('2026-12-01T07:30:00Z', asCall([], 'busy'))).toMatchObject({
      outcome: 'deferred',
      rule: 'quiet-hours',
    });
  });

  it('names the frequency rule first and resumes inside the tenant hours', () => {
    const week = ['11-25', '11-26', '11-27', '11-28', '11-29', '11-30', '12-01'].map((day) =>
      call(`2026-${day}T11:00:00Z`),
    );
    const decision = decide('2026-12-01T13:00:00Z', asCall(week));
    expect(decision).toMatchObject({ outcome: 'deferred', rule: 'call-frequency-7-in-7' });
    // The next local day, at 09:00 Oslo rather than the law's 08:00.
    expect(decision.outcome === 'deferred' && decision.until.toISOString()).toBe('2026-12-02T08:00:00.000Z');
  });

  it('without the call history (a task for a collector) applies the hours only', () => {
    expect(decide('2026-12-01T12:00:00Z', { channel: 'call', tenant: NINE_TO_FIVE })).toEqual({ outcome: 'allowed' });
  });
});
