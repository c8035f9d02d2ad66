// When a person may be contacted: 08:00 (inclusive) to 21:00 (exclusive) local time, in every zone the person may be in.
import { addDays, localParts, zonedInstant } from './calendar';

export interface ContactHours {
  /** First allowed hour, inclusive (Regulation F default 8). */
  startHour: number;
  /** First forbidden hour, exclusive end of the window (Regulation F default 21). */
  endHour: number;
}

export const REGULATION_F_HOURS: ContactHours = { startHour: 8, endHour: 21 };

/** How far ahead to look for a moment allowed in all zones before concluding there is none. */
const SEARCH_DAYS = 8;

const minutesOfDay = (instant: Date, zone: string) => {
  const parts = localParts(instant, zone);
  return { date: parts.date, minutes: parts.hour * 60 + parts.minute + parts.second / 60 };
};

export const isWithinHours = (instant: Date, zone: string, hours: ContactHours = REGULATION_F_HOURS): boolean => {
  const { minutes } = minutesOfDay(instant, zone);
  return minutes >= hours.startHour * 60 && minutes < hours.endHour * 60;
};

/** The earliest instant at or after `from` that is inside the window in one zone. */
const nextAllowedInZone = (from: Date, zone: string, hours: ContactHours): Date => {
  const { date, minutes } = minutesOfDay(from, zone);
  if (minutes < hours.startHour * 60) return zonedInstant(date, zone, hours.startHour);
  if (minutes >= hours.endHour * 60) return zonedInstant(addDays(date, 1), zone, hours.startHour);
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
