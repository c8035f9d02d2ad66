// Field schemas every boundary shares: ids, dates, zones, money. Each refusal says in words what was expected.
import * as z from 'zod';
import { canonicalTimeZone, isCalendarDate, isTimeZone } from '../domain/calendar';
import { PARTNER_ID_PATTERN } from '../domain/ids';
import { isCurrencyCode, MAX_MINOR_UNITS } from '../domain/money';
import { canonicalLocale, isCountryCode } from '../domain/regions';

export const PartnerIdSchema = z
  .string()
  .regex(PARTNER_ID_PATTERN, 'must be 1-128 characters: letters, digits and . _ : - (starting with a letter or digit)')
  .meta({ example: 'cus_1001' });

export const CalendarDateSchema = z
  .string()
  .refine(isCalendarDate, 'must be a calendar date written YYYY-MM-DD')
  .meta({ format: 'date', example: '2026-12-01' });

/**
 * Stored in one spelling per zone: `europe/oslo` and ` Europe/Oslo ` name the same zone (IANA names ignore case), and
 * a zone stored two ways would group, compare and print as two. Surrounding blanks are a copy-paste slip, not a zone.
 */
export const TimeZoneSchema = z
  .string()
  .trim()
  .refine(isTimeZone, 'must be an IANA time zone name such as Europe/Oslo or America/New_York')
  .transform(canonicalTimeZone)
  .meta({ example: 'Europe/Oslo' });

export const CurrencySchema = z
  .string()
  .refine(isCurrencyCode, 'must be an uppercase ISO 4217 currency code such as EUR or USD')
  .meta({ example: 'EUR' });

/** A positive amount in minor units (cents, pence, øre): an integer, never a decimal. */
export const PositiveMinorUnitsSchema = z
  .number({ error: 'must be a number: an integer count of minor units (cents)' })
  .int('must be an integer count of minor units (cents), not a decimal')
  .positive('must be greater than zero')
  .max(MAX_MINOR_UNITS, `must be at most ${MAX_MINOR_UNITS}`)
  .meta({ description: 'Integer minor units of the currency (e.g. cents).', example: 12500 });

/** An amount in minor units that may be zero (balances, totals in responses). */
export const MinorUnitsSchema = z.number().int();

/** An instant with an explicit offset; stored and answered in UTC. */
export const InstantSchema = z.iso
  .datetime({ offset: true, error: 'must be an ISO 8601 date-time with an offset, such as 2026-12-01T09:00:00Z' })
  .transform((value) => new Date(value).toISOString());

export const EmailSchema = z.email('must be an email address').max(254);

export const PhoneSchema = z
  .string()
  .regex(/^\+[1-9]\d{6,14}$/, 'must be a phone number in E.164 form, such as +4791234567')
  .meta({ example: '+4791234567' });

/** Stored canonical (`nb-no` → `nb-NO`); a tag naming no real language or region is refused. */
export const LocaleSchema = z
  .string()
  .max(35)
  .refine(
    (value) => canonicalLocale(value) !== null,
    'must be a BCP 47 language tag of a real language (and country), such as en, nb-NO or ro',
  )
  .transform((value) => canonicalLocale(value)!)
  .meta({ example: 'nb-NO' });

export const CountrySchema = z
  .string()
  // One check, so a wrong code gets one message: the list holds only assigned uppercase codes.
  .refine(isCountryCode, 'must be an assigned, uppercase ISO 3166-1 alpha-2 country code such as NO or GB')
  .meta({ example: 'NO' });

/** Free text a person typed: bounded, and without control characters that would corrupt letters and logs. */
export const TextSchema = (max: number) =>
  z
    .string()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine(
      // eslint-disable-next-line no-control-regex
      (value) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value),
      'must not contain control characters',
    );
