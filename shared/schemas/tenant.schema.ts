// A tenant (creditor organisation) and the settings that shape how it collects.
import * as z from 'zod';
import {
  CalendarDateSchema,
  CountrySchema,
  CurrencySchema,
  EmailSchema,
  LocaleSchema,
  PartnerIdSchema,
  PhoneSchema,
  TextSchema,
  TimeZoneSchema,
} from './common.schema';
import { ScoreModelSchema } from './score.schema';
import { DEFAULT_BASE_CURRENCY } from '../domain/exchange-rates';
import {
  accountNumberProblem,
  bicProblem,
  digitsOnly,
  ibanProblem,
  normaliseBic,
  normaliseIban,
  routingNumberProblem,
  sortCodeProblem,
} from '../domain/bank-account';
import { MAX_MINOR_UNITS } from '../domain/money';

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

/** The creditor's postal address as a letter shows it: up to four street lines, then postal code, city and country. */
export const AddressSchema = z
  .strictObject({
    lines: z.array(TextSchema(100)).min(1, 'must have at least one line').max(4, 'must have at most four lines'),
    postalCode: TextSchema(20),
    city: TextSchema(100),
    country: CountrySchema,
  })
  .meta({ id: 'TenantAddress' });
export type Address = z.infer<typeof AddressSchema>;

/** A string checked (and stored) in one spelling: `normalise` first, then `problem` names what is wrong. */
const checked = (normalise: (value: string) => string, problem: (value: string) => string | null, max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .transform(normalise)
    .superRefine((value, ctx) => {
      const message = problem(value);
      if (message !== null) ctx.addIssue({ code: 'custom', message });
    });

/**
 * Where a transfer goes: an IBAN (with a BIC when known), or a domestic account number with a UK sort code or a US
 * routing number. One object rather than a union of two, so a refusal names the field (`bank.iban`), not the union.
 */
export const BankAccountSchema = z
  .strictObject({
    accountHolder: TextSchema(140),
    iban: checked(normaliseIban, ibanProblem, 50).optional().meta({ example: 'NO9386011117947' }),
    bic: checked(normaliseBic, bicProblem, 20).optional().meta({ example: 'DNBANOKK' }),
    accountNumber: checked(digitsOnly, () => null, 40).optional(),
    sortCode: checked(digitsOnly, sortCodeProblem, 10).optional().meta({ example: '123456' }),
    routingNumber: checked(digitsOnly, routingNumberProblem, 12).optional().meta({ example: '011000015' }),
  })
  .superRefine((bank, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (bank.iban === undefined && bank.accountNumber === undefined)
      issue('iban', 'an IBAN or an account number is required');
    if (bank.iban !== undefined && bank.accountNumber !== undefined)
      issue('accountNumber', 'give an IBAN or an account number, not both');
    if (bank.iban === undefined && bank.bic !== undefined) issue('bic', 'goes with an IBAN');
    if (bank.accountNumber === undefined) {
      if (bank.sortCode !== undefined) issue('sortCode', 'goes with an account number');
      if (bank.routingNumber !== undefined) issue('routingNumber', 'goes with an account number');
      return;
    }
    if (bank.sortCode !== undefined && bank.routingNumber !== undefined)
      issue('routingNumber', 'give a sort code or a routing number, not both');
    const problem = accountNumberProblem(bank.accountNumber, bank.sortCode !== undefined);
    if (problem !== null) issue('accountNumber', problem);
  })
  .meta({ id: 'TenantBankAccount' });
export type BankAccount = z.infer<typeof BankAccountSchema>;

/** What a customer may agree to on the portal without a collector; absent, the portal offers no plan. */
export const SelfServicePlansSchema = z
  .strictObject({
    maxInstallments: z.number().int('must be a whole number').min(2).max(24),
    maxDays: z.number().int('must be a whole number').min(7).max(365),
    /** Minor units of the case's currency. */
    minInstallment: z.number().int('must be an integer count of minor units').min(1).max(MAX_MINOR_UNITS),
  })
  .meta({ id: 'TenantSelfServicePlans' });
export type SelfServicePlans = z.infer<typeof SelfServicePlansSchema>;

export const BrandSchema = z
  .strictObject({
    color: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour written #rrggbb')
      .transform((color) => color.toLowerCase())
      .optional(),
    logoUrl: z
      .url({ protocol: /^https$/, error: 'must be an https URL' })
      .max(2_000)
      .optional(),
  })
  .meta({ id: 'TenantBrand' });

/**
 * The settings a manager may change with PATCH /v1/tenant, each checked as a whole (after a merge patch is applied):
 * the tenant's id, creation, version and its fitted scorecard (PUT /v1/scoring/model) are not among them.
 */
const settingsShape = {
  /** The creditor's display name: what every message and page calls it. */
  name: z.string().min(1).max(200),
  /** Local time of day at which ladder steps fire, HH:MM (DESIGN: default 09:00). */
  sendTime: z.string().regex(TIME_OF_DAY, 'must be a time of day, HH:MM'),
  /** Days a promise to pay holds after its date before it counts as broken. */
  promiseGraceDays: z.number().int().min(0).max(60),
  /** Zone used where a customer's own zone cannot decide (reports, the tenant's own day). */
  timeZone: TimeZoneSchema,
  /** Verified SES identity reminders are sent from; the deployment's default when absent. */
  emailFrom: EmailSchema.optional(),
  /** The tenant's own payment page, with {invoiceId} where the invoice goes; Arrears' own link when absent. */
  payUrlTemplate: z.string().url().optional(),
  /**
   * Accepting a dispute with a credit above this (minor units of the invoice's currency) needs a manager's key, and not
   * the key that opened the dispute: four eyes.
   */
  disputeApprovalAbove: z.number().int().min(0),
  /** A `statement` step sends one statement of all the customer's open invoices, or one per invoice. */
  statementMode: z.enum(['customer', 'invoice']),
  /** A customer goes on credit hold when any debt is this many days past due (or the exposure passes the limit). */
  creditHoldDaysPastDue: z.number().int().min(1).max(365),
  /** The currency the work queue ranks in and shows each debt's worth in (DESIGN §4); EUR when absent. */
  baseCurrency: CurrencySchema.optional(),
  /** Narrower contact hours than the law's (see QuietHoursSchema); the law's 08:00-21:00 when absent. */
  quietHours: QuietHoursSchema.optional(),
  /** The creditor's registered name, for letters and statements; the display name when absent. */
  legalName: TextSchema(200).optional(),
  address: AddressSchema.optional(),
  supportEmail: EmailSchema.optional(),
  supportPhone: PhoneSchema.optional(),
  /** Where a debtor's reply to a reminder goes (SES ReplyToAddresses); replies go to `emailFrom` when absent. */
  replyTo: EmailSchema.optional(),
  bank: BankAccountSchema.optional(),
  /** The language of messages and pages for a customer who has none. */
  locale: LocaleSchema.optional(),
  selfServicePlans: SelfServicePlansSchema.optional(),
  brand: BrandSchema.optional(),
};

/** Every setting a manager may set; the whole of it is checked after a merge patch is applied. */
export const TenantSettingsSchema = z.strictObject(settingsShape).meta({ id: 'TenantSettings' });
export type TenantSettings = z.infer<typeof TenantSettingsSchema>;
export const TENANT_SETTING_FIELDS = Object.keys(settingsShape) as (keyof TenantSettings)[];

/** Object settings merge with what is stored (RFC 7396): only their shape is known before the merge. */
const mergedObject = (description: string) =>
  z.record(z.string(), z.unknown()).nullable().optional().meta({ description });

/**
 * The body of PATCH /v1/tenant, a JSON merge patch (RFC 7396): a field set replaces it, `null` removes it (a required
 * one cannot go), an object merges into the stored object field by field. Unknown fields, and fields a manager may not
 * set here (id, createdAt, version, scoreModel, exchangeRates), are refused by name. The merged result is then checked
 * whole against TenantSettings, so a refusal names the failing field (`bank.iban`, `quietHours.end`).
 */
export const TenantSettingsPatchSchema = z
  .strictObject({
    name: settingsShape.name.nullable().optional(),
    sendTime: settingsShape.sendTime.nullable().optional(),
    promiseGraceDays: settingsShape.promiseGraceDays.nullable().optional(),
    timeZone: TimeZoneSchema.nullable().optional(),
    emailFrom: EmailSchema.nullable().optional(),
    payUrlTemplate: z.string().url().nullable().optional(),
    disputeApprovalAbove: settingsShape.disputeApprovalAbove.nullable().optional(),
    statementMode: settingsShape.statementMode.nullable().optional(),
    creditHoldDaysPastDue: settingsShape.creditHoldDaysPastDue.nullable().optional(),
    baseCurrency: CurrencySchema.nullable().optional(),
    quietHours: mergedObject('Merged into the stored contact hours: { start, end } as HH:MM, inside 08:00-21:00'),
    legalName: TextSchema(200).nullable().optional(),
    address: mergedObject('Merged into the stored address: { lines[1..4], postalCode, city, country }'),
    supportEmail: EmailSchema.nullable().optional(),
    supportPhone: PhoneSchema.nullable().optional(),
    replyTo: EmailSchema.nullable().optional(),
    bank: mergedObject(
      'Merged into the stored account: { accountHolder, iban, bic? } or { accountHolder, accountNumber, sortCode?, routingNumber? }',
    ),
    locale: LocaleSchema.nullable().optional(),
    selfServicePlans: mergedObject(
      'Merged into the stored rules: { maxInstallments 2-24, maxDays 7-365, minInstallment }',
    ),
    brand: mergedObject('Merged into the stored brand: { color? "#rrggbb", logoUrl? https URL }'),
  })
  .meta({ id: 'TenantSettingsPatch' });
export type TenantSettingsPatch = z.infer<typeof TenantSettingsPatchSchema>;

/** What GET and PATCH /v1/tenant answer: the settings with the tenant's id, version and last change. */
export const TenantSettingsViewSchema = z
  .object({
    id: PartnerIdSchema,
    ...settingsShape,
    createdAt: z.string(),
    version: z.number().int().min(1),
    updatedAt: z.string().optional(),
    updatedBy: z.string().optional(),
  })
  .meta({ id: 'TenantSettingsView' });

export const TenantSchema = z.object({
  id: PartnerIdSchema,
  ...settingsShape,
  disputeApprovalAbove: settingsShape.disputeApprovalAbove.default(100_000),
  statementMode: settingsShape.statementMode.default('customer'),
  creditHoldDaysPastDue: settingsShape.creditHoldDaysPastDue.default(30),
  /** The tenant's own fitted scorecard (PUT /v1/scoring/model); the documented default when absent. */
  scoreModel: ScoreModelSchema.optional(),
  /** Overrides the shipped ECB reference rates for this tenant (see ExchangeRateDaySchema). */
  exchangeRates: z.array(ExchangeRateDaySchema).max(2_000).optional(),
  createdAt: z.string(),
  /** Counts the settings' changes (PATCH /v1/tenant's If-Match); 1 when the item predates versions. */
  version: z.number().int().min(1).optional(),
  updatedAt: z.string().optional(),
  /** The actor of the last change (the person a key is issued to). */
  updatedBy: z.string().optional(),
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
