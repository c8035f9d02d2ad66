// The report endpoints' query parameters and answers: aging by currency and the collection KPIs of a period.
import * as z from 'zod';
import { daysBetween, isCalendarDate } from '../domain/calendar';
import { MAX_REPORT_PERIOD_DAYS } from '../domain/report-ledger';
import { CalendarDateSchema, MinorUnitsSchema } from './common.schema';

export const ReportBySchema = z.enum(['segment', 'country', 'collector']).meta({
  description: "Also break the figures down by the customer's segment or country, or by the debt's collector.",
});

export const AgingQuerySchema = z.strictObject({
  asOf: CalendarDateSchema.optional().meta({
    description: "The day whose close the aging shows; the tenant's today when left out.",
  }),
  by: ReportBySchema.optional(),
});
export type AgingQuery = z.infer<typeof AgingQuerySchema>;

export const KpiQuerySchema = z
  .strictObject({
    from: CalendarDateSchema.meta({ description: 'First day of the period.' }),
    to: CalendarDateSchema.meta({ description: 'Last day of the period (at most today).' }),
    by: ReportBySchema.optional(),
  })
  // Compared only when both are real dates, so a malformed date is reported once, as malformed.
  .refine((query) => !isCalendarDate(query.from) || !isCalendarDate(query.to) || query.from <= query.to, {
    path: ['to'],
    message: 'must not be before from',
  })
  .refine(
    (query) =>
      !isCalendarDate(query.from) ||
      !isCalendarDate(query.to) ||
      daysBetween(query.from, query.to) < MAX_REPORT_PERIOD_DAYS,
    {
      path: ['to'],
      message: `the period must be at most ${MAX_REPORT_PERIOD_DAYS} days long`,
    },
  );
export type KpiQuery = z.infer<typeof KpiQuerySchema>;

export const AgingRowSchema = z
  .object({
    current: MinorUnitsSchema.meta({ description: 'Not yet due, or due that very day.' }),
    '1-30': MinorUnitsSchema,
    '31-60': MinorUnitsSchema,
    '61-90': MinorUnitsSchema,
    '91+': MinorUnitsSchema,
    total: MinorUnitsSchema,
  })
  .meta({ id: 'AgingRow', description: 'Open balance in integer minor units, by days past due.' });

const AgingCurrenciesSchema = z
  .record(z.string(), AgingRowSchema)
  .meta({ description: 'One row per currency (ISO 4217 code).' });

export const AgingReportSchema = z
  .object({
    asOf: z.string(),
    by: ReportBySchema.optional(),
    currencies: AgingCurrenciesSchema,
    groups: z
      .record(z.string(), z.object({ currencies: AgingCurrenciesSchema }))
      .optional()
      .meta({
        description: 'With `by`: the same rows per segment, country or collector ("(none)" and "unassigned" for none).',
      }),
  })
  .meta({ id: 'AgingReport' });
export type AgingReport = z.infer<typeof AgingReportSchema>;

const Days = z
  .number()
  .nullable()
  .meta({ description: 'Days, 2 decimals; null when there were no credit sales to divide by.' });
const Percent = z
  .number()
  .nullable()
  .meta({ description: 'Percent, 1 decimal; null when there was nothing to divide by.' });

export const KpiFiguresSchema = z
  .object({
    receivables: z.object({
      beginning: MinorUnitsSchema,
      ending: MinorUnitsSchema,
      endingCurrent: MinorUnitsSchema,
      endingPastDue: MinorUnitsSchema,
    }),
    creditSales: MinorUnitsSchema,
    collected: MinorUnitsSchema,
    recovered: MinorUnitsSchema.meta({
      description:
        "Payments applied to past-due invoices in the period, net of refunds and chargebacks (the recovery rate's numerator).",
    }),
    dso: Days.meta({
      description: 'Count-back DSO over calendar months; null when a year of sales does not cover the receivables.',
    }),
    dsoRegular: Days,
    bestPossibleDso: Days,
    averageDaysDelinquent: Days,
    cei: Percent.meta({ description: "Collection Effectiveness Index (Credit Research Foundation's formula)." }),
    promises: z.object({
      decided: z.number().int(),
      kept: z.number().int(),
      promised: MinorUnitsSchema,
      paid: MinorUnitsSchema,
      keptRate: z.object({ count: Percent, amount: Percent }),
    }),
    recoveryRate: Percent,
    cureRate: Percent,
    cured: z.number().int(),
    delinquentAtStart: z.number().int(),
    rollRates: z.record(z.string(), z.object({ to: z.string(), balance: Percent, count: Percent })),
  })
  .meta({ id: 'KpiFigures' });

const KpiCurrenciesSchema = z.record(z.string(), KpiFiguresSchema);

export const KpiReportSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    days: z.number().int(),
    months: z
      .number()
      .int()
      .meta({ description: "N in CEI: the period's months (days ÷ 30.44, rounded, at least 1)." }),
    by: ReportBySchema.optional(),
    currencies: KpiCurrenciesSchema,
    groups: z.record(z.string(), z.object({ currencies: KpiCurrenciesSchema })).optional(),
  })
  .meta({ id: 'KpiReport' });
export type KpiReport = z.infer<typeof KpiReportSchema>;
