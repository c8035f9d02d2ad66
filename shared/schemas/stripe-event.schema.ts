// The parts of Stripe's event objects Arrears reads (API version independent); everything else passes through unread.
import * as z from 'zod';
import { MAX_MINOR_UNITS } from '../domain/money';
import { PARTNER_ID_PATTERN } from '../domain/ids';

export const StripeEventSchema = z.object({
  id: z.string().min(1).max(255),
  type: z.string().min(1).max(255),
  data: z.object({ object: z.record(z.string(), z.unknown()) }),
});

const Metadata = z.record(z.string(), z.string()).nullish();
/** Stripe's ids are short; a longer one would not fit a storage key, so it is refused here (recorded as rejected). */
const StripeId = z.string().min(1).max(255);
/** The API's bound: a larger amount is a mistake that would take credits past exact integers. */
const Amount = z.number().int().nonnegative().max(MAX_MINOR_UNITS);

export const StripePaymentIntentSchema = z.object({
  id: StripeId,
  amount_received: Amount,
  currency: z.string().length(3),
  metadata: Metadata,
});

export const StripeChargeSchema = z.object({
  id: StripeId,
  payment_intent: StripeId.nullish(),
  amount_refunded: Amount,
  currency: z.string().length(3),
});

export const StripeDisputeSchema = z.object({
  id: StripeId,
  payment_intent: StripeId.nullish(),
  amount: Amount,
  currency: z.string().length(3),
  reason: z.string().max(200),
});

/** A Checkout Session as `checkout.session.completed` carries it: what was paid, by which intent, for which case. */
export const StripeCheckoutSessionSchema = z.object({
  id: StripeId,
  mode: z.string().max(40),
  payment_status: z.string().max(40),
  payment_intent: StripeId.nullish(),
  amount_total: Amount.nullable(),
  currency: z.string().length(3).nullable(),
  metadata: Metadata,
});

/** The invoice a payment intent names in its metadata: an Arrears invoice id, or the payment matches nothing. */
export const isInvoiceId = (value: string): boolean => PARTNER_ID_PATTERN.test(value);
