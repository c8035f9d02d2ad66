// Calendar dates and zones: real dates only, and local days that start at the right UTC instant, across DST.
import {
  addDays,
  daysBetween,
  isCalendarDate,
  isTimeZone,
  localDate,
  localParts,
  startOfLocalDay,
  zonedInstant,
} from '../../../shared/domain/calendar';

describe('isCalendarDate', () => {
  it.each(['2026-12-01', '2024-02-29', '2000-01-01'])('accepts %s', (value) =>
    expect(isCalendarDate(value)).toBe(true),
  );
  it.each(['2026-02-30', '2025-02-29', '2026-13-01', '2026-1-01', '01-12-2026', '2026-12-01T00:00:00Z', ''])(
    'refuses %p',
    (value) => expect(isCalendarDate(value)).toBe(false),
  );
});

describe('isTimeZone', () => {
  it.each(['Europe/Oslo', 'America/New_York', 'Asia/Tokyo', 'Pacific/Kiritimati', 'UTC'])('accepts %s', (zone) =>
    expect(isTimeZone(zone)).toBe(true),
  );
  it.each(['Mars/Olympus', 'Europe/Osloo', '+01:00', '', 'x'.repeat(100)])('refuses %p', (zone) =>
    expect(isTimeZone(zone)).toBe(false),
  );
});

describe('date arithmetic', () => {
  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('counts days between dates', () => {
    expect(daysBetween('2026-12-01', '2026-12-31')).toBe(30);
    expect(daysBetween('2026-12-31', '2026-12-01')).toBe(-30);
  });
});

describe('local days', () => {
  it('starts a day in Tokyo nine hours before UTC midnight', () => {
    expect(startOfLocalDay('2026-12-02', 'Asia/Tokyo').toISOString()).toBe('2026-12-01T15:00:00.000Z');
  });

  it('starts a day in New York five hours after UTC midnight in winter and four in summer', () => {
    expect(startOfLocalDay('2026-12-02', 'America/New_York').toISOString()).toBe('2026-12-02T05:00:00.000Z');
    expect(startOfLocalDay('2026-07-02', 'America/New_York').toISOString()).toBe('2026-07-02T04:00:00.000Z');
  });

  it('resolves a wall time skipped by the spring DST jump to the first instant after the gap', () => {
    // Europe/Oslo jumps from 02:00 to 03:00 on 2026-03-29.
    expect(zonedInstant('2026-03-29', 'Europe/Oslo', 2, 30).toISOString()).toBe('2026-03-29T01:00:00.000Z');
  });

  it('resolves a wall time repeated by the autumn DST change to its first occurrence', () => {
    // Europe/Oslo goes from 03:00 back to 02:00 on 2026-10-25: 02:30 happens at 00:30Z and again at 01:30Z.
    expect(zonedInstant('2026-10-25', 'Europe/Oslo', 2, 30).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('tells the local date and hour of an instant', () => {
    const instant = new Date('2026-12-01T23:30:00Z');
    expect(localDate(instant, 'Europe/Oslo')).toBe('2026-12-02');
    expect(localDate(instant, 'America/Los_Angeles')).toBe('2026-12-01');
    expect(localParts(instant, 'Asia/Kolkata')).toEqual({ date: '2026-12-02', hour: 5, minute: 0, second: 0 });
  });
});
