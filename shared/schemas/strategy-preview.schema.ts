// The strategy preview: a ladder as PUT /v1/strategies/{id} takes it and a sample invoice, answered with the moment
// each step would reach that invoice's customer.
import * as z from 'zod';
import { CalendarDateSchema, CurrencySchema, PositiveMinorUnitsSchema, TimeZoneSchema } from './common.schema';
import { PutStrategyBodySchema, StepChannelSchema } from './strategy.schema';

export const StrategyPreviewSampleSchema = z.strictObject({
  dueDate: CalendarDateSchema,
  timeZone: TimeZoneSchema.meta({ description: "The sample customer's zone: every step's local date and time." }),
  amount: PositiveMinorUnitsSchema.optional().meta({
    description: 'The invoice amount, to show what each fee charges.',
  }),
  currency: CurrencySchema.optional(),
});

export const PreviewStrategyBodySchema = z
  .strictObject({
    strategy: PutStrategyBodySchema,
    sample: StrategyPreviewSampleSchema,
  })
  .meta({ id: 'PreviewStrategyBody' });
export type PreviewStrategyBody = z.infer<typeof PreviewStrategyBodySchema>;

export const PreviewFeeSchema = z.union([
  z.object({ amount: z.number().int(), currency: z.string(), rule: z.enum(['percent-fee', 'fixed-fee']) }),
  z.object({ skipped: z.string() }),
]);

export const PreviewStepSchema = z.object({
  id: z.string(),
  channel: StepChannelSchema,
  offsetDays: z.number().int(),
  /** Where the step would go; null when the contact rules or the channel leave it unsent. */
  at: z.string().nullable().meta({ description: 'The UTC instant the step would be acted on; null when never.' }),
  localDate: z.string().nullable(),
  localTime: z.string().nullable().meta({ description: 'HH:MM on the customer’s clock.' }),
  zone: z.string(),
  scheduledAt: z
    .string()
    .meta({ description: "The nominal moment: local dueDate + offsetDays at the tenant's send time." }),
  movedBy: z.string().optional().meta({ description: 'The contact rule that moved the step (quiet-hours, ...).' }),
  notSent: z.string().optional(),
  fee: PreviewFeeSchema.optional(),
});
export type PreviewStep = z.infer<typeof PreviewStepSchema>;

export const StrategyPreviewSchema = z
  .object({
    sendTime: z.string(),
    contactHours: z.string().meta({ description: 'The window the contact rules allow, e.g. 08:00-21:00.' }),
    steps: z.array(PreviewStepSchema),
  })
  .meta({ id: 'StrategyPreview' });
export type StrategyPreview = z.infer<typeof StrategyPreviewSchema>;
