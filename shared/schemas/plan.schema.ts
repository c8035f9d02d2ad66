// A payment plan: the balance split into dated instalments; the ladder pauses while it is kept, and resumes if it breaks.
import * as z from 'zod';
import { CalendarDateSchema, PositiveMinorUnitsSchema } from './common.schema';

export const InstallmentSchema = z.object({
  number: z.number().int().min(1),
  dueDate: z.string(),
  amount: z.number().int(),
  status: z.enum(['pending', 'paid', 'missed']),
});

export const CollectionAttemptSchema = z.object({
  installment: z.number().int(),
  at: z.string(),
  outcome: z.enum(['succeeded', 'failed']),
  providerPaymentId: z.string().nullable(),
  reason: z.string().nullable(),
});

export const AutoCollectSchema = z.strictObject({
  provider: z.literal('stripe'),
  /** The provider's customer id (cus_...) and saved payment method (pm_...): ids only, never card data. */
  customer: z.string().regex(/^cus_[A-Za-z0-9_]{1,100}$/, 'a Stripe customer id (cus_...)'),
  paymentMethod: z.string().regex(/^pm_[A-Za-z0-9_]{1,100}$/, 'a Stripe payment method id (pm_...)'),
});

export const PaymentPlanSchema = z
  .object({
    id: z.string(),
    delinquencyId: z.string(),
    invoiceId: z.string(),
    customerId: z.string(),
    currency: z.string(),
    status: z.enum(['active', 'completed', 'broken']),
    installments: z.array(InstallmentSchema),
    /** What had been paid on the invoice when the plan was agreed; later payments count towards the instalments in order. */
    paidBefore: z.number().int(),
    graceDays: z.number().int(),
    autoCollect: AutoCollectSchema.nullable(),
    attempts: z.array(CollectionAttemptSchema),
    createdAt: z.string(),
    createdBy: z.string(),
    endedAt: z.string().nullable(),
  })
  .meta({ id: 'PaymentPlan' });
export type PaymentPlan = z.infer<typeof PaymentPlanSchema>;

export const MAX_INSTALLMENTS = 24;

export const PostPlanBodySchema = z
  .strictObject({
    installments: z
      .array(z.strictObject({ dueDate: CalendarDateSchema, amount: PositiveMinorUnitsSchema }))
      .min(1)
      .max(MAX_INSTALLMENTS),
    autoCollect: AutoCollectSchema.optional(),
  })
  .meta({ id: 'PostPaymentPlanBody' });
export type PostPlanBody = z.infer<typeof PostPlanBodySchema>;
