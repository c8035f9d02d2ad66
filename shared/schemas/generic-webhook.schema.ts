// The generic payment webhook any processor can post (documented in the README): one event per payment fact.
import * as z from 'zod';
import { CurrencySchema, PartnerIdSchema, PositiveMinorUnitsSchema } from './common.schema';

const ProviderId = z.string().min(1).max(255);

export const GenericWebhookEventSchema = z.discriminatedUnion('type', [
  z.strictObject({
    id: ProviderId,
    type: z.literal('payment.succeeded'),
    payment: z.strictObject({
      id: ProviderId,
      invoiceId: PartnerIdSchema,
      amount: PositiveMinorUnitsSchema,
      currency: CurrencySchema,
    }),
  }),
  z.strictObject({
    id: ProviderId,
    type: z.literal('payment.refunded'),
    /** `totalRefunded`: everything refunded on this payment so far (a running total, so repeats and reorders are safe). */
    payment: z.strictObject({
      id: ProviderId,
      totalRefunded: PositiveMinorUnitsSchema,
      /** Optional; when given it must be the payment's currency, or the refund is rejected. */
      currency: CurrencySchema.optional(),
    }),
  }),
  z.strictObject({
    id: ProviderId,
    type: z.literal('payment.charged_back'),
    payment: z.strictObject({
      id: ProviderId,
      amount: PositiveMinorUnitsSchema,
      /** Optional; when given it must be the payment's currency, or the chargeback is rejected. */
      currency: CurrencySchema.optional(),
      disputeId: ProviderId,
      reason: z.string().min(1).max(200),
    }),
  }),
]);
export type GenericWebhookEvent = z.infer<typeof GenericWebhookEventSchema>;
