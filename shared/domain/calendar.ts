// Calendar dates and time zones as a debtor reads them: a local date in the customer's IANA zone, and the UTC instant it starts at.

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (so 2026-02-30 is refused). */
export const isCalendarDate = (value: string): boolean => {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

/**
 * Zone names found valid so far. Building a formatter to test a name costs a fraction of a millisecond, and every read
 * of a customer or tenant checks its zone again; the runtime's zones are a finite list, so only valid names are kept.
 */
const knownZones = new Set<string>();

/** True for a zone name the runtime's time zone database knows (IANA names and their aliases, such as "UTC"). */
export const isTimeZone = (zone: string): boolean => {
  if (knownZones.has(zone)) return true;
  if (zone.length === 0 || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    return false;
  }
  knownZones.add(zone);
  return true;
};

/** The runtime's zone names by their lower case, to give a name written in any case its one spelling. */
let zonesByLowerCase: Map<string, string> | undefined;

/** Written the way IANA writes names (`Europe/Kyiv`, `US/Eastern`, `UTC`), not in one case throughout. */
const READS_LIKE_IANA = (zone: string) =>
  zone.split('/').every((part) => /^[A-Z]/.test(part) && (part.length <= 3 || /[a-z]/.test(part)));

/**
 * One spelling per valid zone: the runtime's own spelling of a name it lists (`europe/oslo` → `Europe/Oslo`); a
 * name it knows only as an alias is kept as written when written the IANA way (`Europe/Kyiv`, though Node 20 lists
 * `Europe/Kiev`), else stored under the name the runtime resolves it to.
 */
export const canonicalTimeZone = (zone: string): string => {
  zonesByLowerCase ??= new Map(Intl.supportedValuesOf('timeZone').map((name) => [name.toLowerCase(), name]));
  const listed = zonesByLowerCase.get(zone.toLowerCase());
  if (listed) return listed;
  if (READS_LIKE_IANA(zone)) return zone;
  return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
};

/** Adds whole days to a calendar date. */
export const addDays = (date: string, days: number): string => {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
};

/** Whole days from one calendar date to another (positive when `to` is later). */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

interface LocalParts {
  date: string;
  hour: number;
  minute: number;
  second: number;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

const formatterFor = (zone: string): Intl.DateTimeFormat => {
  let formatter = partsFormatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormatters.set(zone, formatter);
  }
  return formatter;
};

/** The wall-clock date and time an instant shows in a zone. */
export const localParts = (instant: Date, zone: string): LocalParts => {
  const parts = Object.fromEntries(
    formatterFor(zone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
};

/** The calendar date an instant falls on in a zone. */
export const localDate = (instant: Date, zone: string): string => localParts(instant, zone).date;

/** Offset of a zone from UTC at an instant, in minutes (east positive). */
const offsetMinutes = (instant: Date, zone: string): number => {
  const p = localParts(instant, zone);
  const asUtc = Date.parse(
    `${p.date}T${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}:${String(p.second).padStart(2, '0')}Z`,
  );
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
};

/**
 * The first UTC instant at which a zone's clock shows `date` at `hour:minute` or later.
 * A wall time skipped by a DST jump resolves to the first instant after the gap.
 */
export const zonedInstant = (date: string, zone: string, hour = 0, minute = 0): Date => {
  const wallAsUtc = Date.parse(`${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`);
  // Try the offsets in force around that wall time; the earliest candidate that shows the wanted wall time wins.
  const candidates = [-1, 0, 1]
    .map((dayShift) => offsetMinutes(new Date(wallAsUtc + dayShift * 43_200_000), zone))
    .map((offset) => new Date(wallAsUtc - offset * 60_000))
    .filter((candidate) => {
      const p = localParts(candidate, zone);
      return p.date === date && p.hour === hour && p.minute === minute;
    })
    .sort((a, b) => a.getTime() - b.getTime());
  if (candidates[0]) return candidates[0];
  // The wall time does not exist (spring-forward gap): move forward minute by minute to the first one that does.
  for (let probe = wallAsUtc - 14 * 3_600_000; probe < wallAsUtc + 14 * 3_600_000; probe += 60_000) {
    const p = localParts(new Date(probe), zone);
    if (p.date > date || (p.date === date && p.hour * 60 + p.minute >= hour * 60 + minute)) return new Date(probe);
  }
  throw new RangeError(`no instant shows ${date} ${hour}:${minute} in ${zone}`);
};

/** The UTC instant at which a local calendar date starts in a zone. */
export const startOfLocalDay = (date: string, zone: string): Date => zonedInstant(date, zone, 0, 0);
