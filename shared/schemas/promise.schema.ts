// A promise to pay: the customer says how much and by when; the ladder pauses until then plus the tenant's grace days.
import * as z from 'zod';
import { CalendarDateSchema, PositiveMinorUnitsSchema } from './common.schema';

export const PromiseStatusSchema = z.enum(['open', 'kept', 'partially_kept', 'broken', 'cancelled']);

export const PaymentPromiseSchema = z
  .object({
    id: z.string(),
    delinquencyId: z.string(),
    invoiceId: z.string(),
    customerId: z.string(),
    amount: z.number().int(),
    currency: z.string(),
    /** The customer's local date the money is promised by. */
    date: z.string(),
    /** The last local date the promise holds: `date` plus the tenant's grace days. */
    holdsUntil: z.string(),
    status: PromiseStatusSchema,
    /** What had been paid on the invoice when the promise was made; payments beyond it count towards the promise. */
    paidBefore: z.number().int(),
    /** What of the promise was paid by the time it was decided. */
    paidTowards: z.number().int().nullable(),
    createdAt: z.string(),
    createdBy: z.string(),
    decidedAt: z.string().nullable(),
  })
  .meta({ id: 'PaymentPromise' });
export type PaymentPromise = z.infer<typeof PaymentPromiseSchema>;

export const PostPromiseBodySchema = z
  .strictObject({
    amount: PositiveMinorUnitsSchema,
    date: CalendarDateSchema.meta({ description: "The customer's local date the money is promised by." }),
  })
  .meta({ id: 'PostPromiseBody' });
export type PostPromiseBody = z.infer<typeof PostPromiseBodySchema>;
