// A tenant (creditor organisation) and the settings that shape how it collects.
import * as z from 'zod';
import { CalendarDateSchema, CurrencySchema, PartnerIdSchema, TimeZoneSchema } from './common.schema';
import { ScoreModelSchema } from './score.schema';
import { DEFAULT_BASE_CURRENCY } from '../domain/exchange-rates';

export const ApiKeyRoleSchema = z.enum(['partner', 'collector', 'manager']);
export type ApiKeyRole = z.infer<typeof ApiKeyRoleSchema>;

/**
 * A tenant's own euro reference rates (units of each currency one euro bought on a day); consulted before the shipped
 * ECB table, currency by currency, the latest day on or before the date converted at.
 */
export const ExchangeRateDaySchema = z.strictObject({
  date: CalendarDateSchema,
  rates: z.record(CurrencySchema, z.number().min(0.000001).max(1_000_000)),
});

const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;
/** The law's contact window (Regulation F, 08:00 inclusive to 21:00 exclusive): a tenant may narrow it, never widen it. */
const LAW_START = '08:00';
const LAW_END = '21:00';

/**
 * The tenant's own contact hours, local to the customer: contact from `start` (inclusive) to `end` (exclusive), quiet
 * outside them. Only inside the law's window; its issues name `start` or `end`, so a write answers 400 naming the field.
 */
export const QuietHoursSchema = z
  .strictObject({
    start: z.string().regex(TIME_OF_DAY, 'must be a time of day, HH:MM'),
    end: z.string().regex(TIME_OF_DAY, 'must be a time of day, HH:MM'),
  })
  .superRefine((hours, ctx) => {
    // Zero-padded HH:MM strings order as the times they name; a malformed one already has its own issue.
    if (!TIME_OF_DAY.test(hours.start) || !TIME_OF_DAY.test(hours.end)) return;
    if (hours.start < LAW_START)
      ctx.addIssue({ code: 'custom', path: ['start'], message: `must not be before ${LAW_START}, the law's earliest` });
    if (hours.end > LAW_END)
      ctx.addIssue({ code: 'custom', path: ['end'], message: `must not be after ${LAW_END}, the law's latest` });
    if (hours.start >= hours.end) ctx.addIssue({ code: 'custom', path: ['end'], message: 'must be after start' });
  });
export type QuietHours = z.infer<typeof QuietHoursSchema>;

export const TenantSchema = z.object({
  id: PartnerIdSchema,
  name: z.string().min(1).max(200),
  /** Local time of day at which ladder steps fire, HH:MM (DESIGN: default 09:00). */
  sendTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  /** Days a promise to pay holds after its date before it counts as broken. */
  promiseGraceDays: z.number().int().min(0).max(60),
  /** Zone used where a customer's own zone cannot decide (reports, the tenant's own day). */
  timeZone: TimeZoneSchema,
  /** Verified SES identity reminders are sent from; the deployment's default when absent. */
  emailFrom: z.email().optional(),
  /** The tenant's own payment page, with {invoiceId} where the invoice goes; Arrears' own link when absent. */
  payUrlTemplate: z.string().url().optional(),
  /**
   * Accepting a dispute with a credit above this (minor units of the invoice's currency) needs a manager's key, and not
   * the key that opened the dispute: four eyes.
   */
  disputeApprovalAbove: z.number().int().min(0).default(100_000),
  /** A `statement` step sends one statement of all the customer's open invoices, or one per invoice. */
  statementMode: z.enum(['customer', 'invoice']).default('customer'),
  /** The tenant's own fitted scorecard (PUT /v1/scoring/model); the documented default when absent. */
  scoreModel: ScoreModelSchema.optional(),
  /** A customer goes on credit hold when any debt is this many days past due (or the exposure passes the limit). */
  creditHoldDaysPastDue: z.number().int().min(1).max(365).default(30),
  /** The currency the work queue ranks in and shows each debt's worth in (DESIGN §4); EUR when absent. */
  baseCurrency: CurrencySchema.optional(),
  /** Overrides the shipped ECB reference rates for this tenant (see ExchangeRateDaySchema). */
  exchangeRates: z.array(ExchangeRateDaySchema).max(2_000).optional(),
  /** Narrower contact hours than the law's (see QuietHoursSchema); the law's 08:00-21:00 when absent. */
  quietHours: QuietHoursSchema.optional(),
  createdAt: z.string(),
});
export type Tenant = z.infer<typeof TenantSchema>;

export const defaultTenantSettings = {
  sendTime: '09:00',
  promiseGraceDays: 2,
  timeZone: 'UTC',
  disputeApprovalAbove: 100_000,
  statementMode: 'customer',
  creditHoldDaysPastDue: 30,
  baseCurrency: DEFAULT_BASE_CURRENCY,
} as const;
