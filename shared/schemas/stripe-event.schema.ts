// The parts of Stripe's event objects Arrears reads (API version independent); everything else passes through unread.
import * as z from 'zod';

export const StripeEventSchema = z.object({
  id: z.string().min(1).max(255),
  type: z.string().min(1).max(255),
  data: z.object({ object: z.record(z.string(), z.unknown()) }),
});

const Metadata = z.record(z.string(), z.string()).nullish();

export const StripePaymentIntentSchema = z.object({
  id: z.string().min(1),
  amount_received: z.number().int().nonnegative(),
  currency: z.string().length(3),
  metadata: Metadata,
});

export const StripeChargeSchema = z.object({
  id: z.string().min(1),
  payment_intent: z.string().nullish(),
  amount_refunded: z.number().int().nonnegative(),
  currency: z.string().length(3),
});

export const StripeDisputeSchema = z.object({
  id: z.string().min(1),
  payment_intent: z.string().nullish(),
  amount: z.number().int().nonnegative(),
  currency: z.string().length(3),
  reason: z.string(),
});
