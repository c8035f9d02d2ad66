// When a person may be contacted: inside a daily window of local time (the law's 08:00 inclusive to 21:00 exclusive, or
// a tenant's narrower one), in every zone the person may be in.
import { addDays, localDate, localParts, zonedInstant } from './calendar';

export interface ContactHours {
  /** First allowed minute of the local day, inclusive (Regulation F: 8 × 60). */
  startMinute: number;
  /** First forbidden minute of the local day, the window's exclusive end (Regulation F: 21 × 60). */
  endMinute: number;
}

export const REGULATION_F_HOURS: ContactHours = { startMinute: 8 * 60, endMinute: 21 * 60 };

/** "HH:MM" as minutes after local midnight. */
export const minuteOfDay = (time: string): number => {
  const [hour = 0, minute = 0] = time.split(':').map(Number);
  return hour * 60 + minute;
};

const asTime = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The window as people read it, e.g. "08:00-21:00". */
export const formatHours = (hours: ContactHours): string => `${asTime(hours.startMinute)}-${asTime(hours.endMinute)}`;

/** How far ahead to look for a moment allowed in all zones before concluding there is none. */
const SEARCH_DAYS = 8;

const minutesOfDay = (instant: Date, zone: string) => {
  const parts = localParts(instant, zone);
  return { date: parts.date, minutes: parts.hour * 60 + parts.minute + parts.second / 60 };
};

const atMinute = (date: string, zone: string, minutes: number) =>
  zonedInstant(date, zone, Math.floor(minutes / 60), minutes % 60);

export const isWithinHours = (instant: Date, zone: string, hours: ContactHours = REGULATION_F_HOURS): boolean => {
  const { minutes } = minutesOfDay(instant, zone);
  return minutes >= hours.startMinute && minutes < hours.endMinute;
};

/** The earliest instant at or after `from` that is inside the window in one zone. */
const nextAllowedInZone = (from: Date, zone: string, hours: ContactHours): Date => {
  const { date, minutes } = minutesOfDay(from, zone);
  if (minutes < hours.startMinute) return atMinute(date, zone, hours.startMinute);
  if (minutes >= hours.endMinute) return atMinute(addDays(date, 1), zone, hours.startMinute);
  return from;
};

/**
 * The earliest instant at or after `from` inside the window of every zone given (the intersection the rules ask for
 * when a person's location is ambiguous), or null when the zones leave no common moment.
 */
export const nextAllowedAt = (
  from: Date,
  zones: readonly string[],
  hours: ContactHours = REGULATION_F_HOURS,
): Date | null => {
  if (zones.length === 0) throw new RangeError('at least one time zone is needed to decide a contact window');
  const limit = from.getTime() + SEARCH_DAYS * 86_400_000;
  let candidate = from;
  while (candidate.getTime() <= limit) {
    const latest = zones
      .map((zone) => nextAllowedInZone(candidate, zone, hours))
      .reduce((a, b) => (a.getTime() >= b.getTime() ? a : b));
    if (latest.getTime() === candidate.getTime()) return candidate;
    candidate = latest;
  }
  return null;
};

/**
 * Where a scheduled contact held back by the window goes: `time` (minutes of the day, the tenant's send time) on the
 * local day of the first allowed moment in the first zone, when that is later and inside the window of every zone;
 * otherwise the first allowed moment itself. Null when the zones leave no common moment.
 */
export const nextAllowedAtTimeOfDay = (
  from: Date,
  zones: readonly string[],
  time: number,
  hours: ContactHours = REGULATION_F_HOURS,
): Date | null => {
  const allowed = nextAllowedAt(from, zones, hours);
  if (allowed === null) return null;
  const zone = zones[0]!;
  const atTime = atMinute(localDate(allowed, zone), zone, time);
  const inEveryWindow = zones.every((each) => isWithinHours(atTime, each, hours));
  return atTime.getTime() > allowed.getTime() && inEveryWindow ? atTime : allowed;
};
