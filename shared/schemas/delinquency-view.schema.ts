// What GET /v1/delinquencies/{id} answers: a collector's whole view of one delinquency.
import * as z from 'zod';
import { DelinquencyStatusSchema, StoredTimelineEntrySchema } from './delinquency.schema';
import { DisputeSchema } from './dispute.schema';
import { PaymentPromiseSchema } from './promise.schema';
import { PaymentPlanSchema } from './plan.schema';
import { CollectorTaskSchema } from './task.schema';

export const DelinquencyPathSchema = z.strictObject({
  delinquencyId: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'a delinquency id'),
});

export const DelinquencyViewSchema = z
  .object({
    id: z.string(),
    status: DelinquencyStatusSchema,
    stage: z.string().nullable(),
    customerId: z.string(),
    invoiceIds: z.array(z.string()),
    currency: z.string(),
    balance: z.number().int().meta({ description: 'What is owed now, charges included, in minor units.' }),
    transferReference: z.string().meta({
      description: 'The ISO 11649 creditor reference (RF) a bank transfer for this case quotes, derived from its id.',
      example: 'RF18539007547034',
    }),
    daysPastDue: z.number().int().meta({ description: "Days since the due date, on the customer's calendar." }),
    /** Propensity to pay with its band and the largest reasons; null until the first scoring. */
    score: z.object({ value: z.number(), band: z.string(), reasons: z.array(z.string()) }).nullable(),
    assigneeId: z.string().nullable().meta({ description: 'The collector working it.' }),
    hold: z
      .object({ reason: z.string(), by: z.string(), at: z.string(), releaseAt: z.string().nullable() })
      .nullable()
      .meta({ description: 'The hold a person put on it (status `paused`): why, who, and when it ends by itself.' }),
    tasks: z
      .array(CollectorTaskSchema)
      .meta({ description: 'Its open tasks: calls the ladder asked for, follow-ups.' }),
    priority: z.number().int().meta({ description: 'Its rank in the work queue (higher first).' }),
    nextActionAt: z.string().nullable(),
    nextStep: z.string().nullable(),
    openedAt: z.string(),
    closedAt: z.string().nullable(),
    promises: z.array(PaymentPromiseSchema),
    plans: z.array(PaymentPlanSchema),
    disputes: z.array(DisputeSchema),
    timeline: z.array(StoredTimelineEntrySchema),
  })
  .meta({ id: 'Delinquency' });
export type DelinquencyView = z.infer<typeof DelinquencyViewSchema>;
