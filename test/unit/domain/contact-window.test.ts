// Regulation F contact hours: 08:00-21:00 local, moved forward when blocked, intersected across ambiguous zones, across DST.
import { isWithinHours, nextAllowedAt } from '../../../shared/domain/contact-window';

const at = (iso: string) => new Date(iso);

describe('contact hours in one zone', () => {
  it('blocks 07:59, allows 20:30 and blocks 21:15 in Chicago (the send time is what counts)', () => {
    expect(isWithinHours(at('2026-12-01T13:59:00Z'), 'America/Chicago')).toBe(false); // 07:59 CST
    expect(isWithinHours(at('2026-12-02T02:30:00Z'), 'America/Chicago')).toBe(true); // 20:30 CST
    expect(isWithinHours(at('2026-12-02T03:15:00Z'), 'America/Chicago')).toBe(false); // 21:15 CST
  });

  it('allows 08:00 exactly and stops at 21:00 exactly', () => {
    expect(isWithinHours(at('2026-12-01T14:00:00Z'), 'America/Chicago')).toBe(true);
    expect(isWithinHours(at('2026-12-02T03:00:00Z'), 'America/Chicago')).toBe(false);
  });

  it('moves an early send to 08:00 the same day and a late one to 08:00 the next day', () => {
    expect(nextAllowedAt(at('2026-12-01T05:00:00Z'), ['Europe/Oslo'])?.toISOString()).toBe('2026-12-01T07:00:00.000Z');
    expect(nextAllowedAt(at('2026-12-01T21:30:00Z'), ['Europe/Oslo'])?.toISOString()).toBe('2026-12-02T07:00:00.000Z');
    expect(nextAllowedAt(at('2026-12-01T12:00:00Z'), ['Europe/Oslo'])?.toISOString()).toBe('2026-12-01T12:00:00.000Z');
  });

  it('keeps 08:00 local across the spring DST change', () => {
    // New York springs forward on 2026-03-08: 08:00 EDT is 12:00Z, a day earlier 08:00 EST was 13:00Z.
    expect(nextAllowedAt(at('2026-03-08T03:00:00Z'), ['America/New_York'])?.toISOString()).toBe(
      '2026-03-08T12:00:00.000Z',
    );
    expect(nextAllowedAt(at('2026-03-07T03:00:00Z'), ['America/New_York'])?.toISOString()).toBe(
      '2026-03-07T13:00:00.000Z',
    );
  });

  it('keeps 21:00 local across the autumn DST change', () => {
    // Oslo falls back on 2026-10-25: 20:59 CET is 19:59Z; 21:00 CET is 20:00Z.
    expect(isWithinHours(at('2026-10-25T19:59:00Z'), 'Europe/Oslo')).toBe(true);
    expect(isWithinHours(at('2026-10-25T20:00:00Z'), 'Europe/Oslo')).toBe(false);
  });
});

describe('ambiguous location: only the intersection of the windows', () => {
  it('Eastern mobile and Pacific home: after 11:00 ET (08:00 PT), before 21:00 ET (18:00 PT)', () => {
    const zones = ['America/New_York', 'America/Los_Angeles'];
    expect(nextAllowedAt(at('2026-12-01T14:00:00Z'), zones)?.toISOString()).toBe('2026-12-01T16:00:00.000Z'); // 09:00 ET -> 11:00 ET
    expect(nextAllowedAt(at('2026-12-02T01:59:00Z'), zones)?.toISOString()).toBe('2026-12-02T01:59:00.000Z'); // 20:59 ET
    expect(nextAllowedAt(at('2026-12-02T02:00:00Z'), zones)?.toISOString()).toBe('2026-12-02T16:00:00.000Z'); // 21:00 ET -> next 11:00 ET
  });

  it('Eastern mobile and Mountain landline: after 10:00 ET (08:00 MT)', () => {
    expect(nextAllowedAt(at('2026-12-01T13:00:00Z'), ['America/New_York', 'America/Denver'])?.toISOString()).toBe(
      '2026-12-01T15:00:00.000Z',
    );
  });

  it('all of the US including Hawaii: 13:00-21:00 Eastern in winter, 14:00-21:00 in summer', () => {
    const zones = [
      'America/New_York',
      'America/Chicago',
      'America/Denver',
      'America/Los_Angeles',
      'America/Anchorage',
      'Pacific/Honolulu',
    ];
    expect(nextAllowedAt(at('2026-12-01T12:00:00Z'), zones)?.toISOString()).toBe('2026-12-01T18:00:00.000Z'); // 13:00 EST
    expect(nextAllowedAt(at('2026-07-01T12:00:00Z'), zones)?.toISOString()).toBe('2026-07-01T18:00:00.000Z'); // 14:00 EDT
  });

  it('finds no moment when three zones eight hours apart leave no common hour', () => {
    expect(nextAllowedAt(at('2026-12-01T12:00:00Z'), ['UTC', 'America/Los_Angeles', 'Asia/Singapore'])).toBeNull();
  });
});
