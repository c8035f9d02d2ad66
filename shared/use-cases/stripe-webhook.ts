// Stripe's events: payment_intent.succeeded pays the invoice in metadata.invoice_id, checkout.session.completed pays a
// case by card, charge.refunded reverses a payment, charge.dispute.created opens a dispute and reverses what the bank
// pulled back. Other types are acknowledged.
import {
  isInvoiceId,
  StripeChargeSchema,
  StripeCheckoutSessionSchema,
  StripeDisputeSchema,
  StripeEventSchema,
  StripePaymentIntentSchema,
} from '../schemas/stripe-event.schema';
import { applyCheckoutPayment } from './checkout-payments';
import { applyProviderChargeback, applyProviderReversal } from './provider-payments';
import {
  receiveWebhook,
  settled,
  work,
  type WebhookAnswer,
  type WebhookWork,
  type WebhookDeps,
  type WebhookScheme,
} from './webhook-receiver';

type StripeEvent = { id: string; type: string; data: { object: Record<string, unknown> } };

const PROVIDER = 'stripe';

export const stripeScheme: WebhookScheme<StripeEvent> = {
  provider: PROVIDER,
  signatureHeader: 'stripe-signature',
  parse: (json) => {
    const parsed = StripeEventSchema.safeParse(json);
    return parsed.success ? parsed.data : null;
  },
  route: (event) => {
    switch (event.type) {
      case 'payment_intent.succeeded': {
        const intent = StripePaymentIntentSchema.parse(event.data.object);
        const invoiceId = intent.metadata?.invoice_id;
        // A Checkout payment's intent carries the case, not an invoice: its session's completion applies the money.
        if (!invoiceId && intent.metadata?.delinquencyId)
          return settled('ignored', 'a Checkout payment: applied by its checkout.session.completed');
        if (!invoiceId) return settled('unmatched', 'the payment intent has no metadata.invoice_id');
        if (!isInvoiceId(invoiceId)) return settled('rejected', 'metadata.invoice_id is not an invoice id');
        if (intent.amount_received === 0) return settled('ignored', 'nothing was received');
        return {
          kind: 'payment',
          payment: {
            provider: PROVIDER,
            providerPaymentId: intent.id,
            invoiceId,
            amount: intent.amount_received,
            // Stripe writes currencies in lower case.
            currency: intent.currency.toUpperCase(),
            source: 'stripe',
          },
        };
      }
      // A card pays at once (completed, paid); a delayed method reports its money with async_payment_succeeded.
      case 'checkout.session.completed':
      case 'checkout.session.async_payment_succeeded':
        return checkoutCompleted(event);
      case 'charge.refunded': {
        const charge = StripeChargeSchema.parse(event.data.object);
        const paymentIntent = charge.payment_intent;
        if (!paymentIntent) return settled('unmatched', 'the charge names no payment intent');
        return work((deps, tenantId) =>
          applyProviderReversal(deps, tenantId, {
            provider: PROVIDER,
            providerPaymentId: paymentIntent,
            eventId: event.id,
            kind: 'refund',
            cumulativeAmount: charge.amount_refunded,
            currency: charge.currency.toUpperCase(),
            reference: charge.id,
            source: 'stripe',
          }),
        );
      }
      case 'charge.dispute.created': {
        const dispute = StripeDisputeSchema.parse(event.data.object);
        const paymentIntent = dispute.payment_intent;
        if (!paymentIntent) return settled('unmatched', 'the dispute names no payment intent');
        return work((deps, tenantId) =>
          applyProviderChargeback(deps, tenantId, {
            provider: PROVIDER,
            providerPaymentId: paymentIntent,
            eventId: event.id,
            kind: 'chargeback',
            cumulativeAmount: dispute.amount,
            currency: dispute.currency.toUpperCase(),
            reference: dispute.id,
            source: 'stripe',
            providerDisputeId: dispute.id,
            reason: dispute.reason,
          }),
        );
      }
      default:
        return settled('ignored', `Arrears does not act on ${event.type}`);
    }
  },
};

/** A finished Checkout Session for a case: its money applied once, keyed by its PaymentIntent. */
const checkoutCompleted = (event: StripeEvent): WebhookWork => {
  const session = StripeCheckoutSessionSchema.parse(event.data.object);
  if (session.mode !== 'payment') return settled('ignored', `a ${session.mode} session moves no money`);
  // An asynchronous method (a bank debit) completes unpaid and reports its money later with another event.
  if (session.payment_status !== 'paid') return settled('ignored', `the session is ${session.payment_status}`);
  const { tenantId, delinquencyId, customerId } = session.metadata ?? {};
  if (!delinquencyId || !customerId) return settled('unmatched', 'the session names no case in its metadata');
  if (!session.payment_intent || session.amount_total === null || session.currency === null)
    return settled('rejected', 'the paid session names no payment intent or amount');
  if (session.amount_total === 0) return settled('ignored', 'nothing was paid');
  const paid = {
    provider: PROVIDER,
    sessionId: session.id,
    paymentIntentId: session.payment_intent,
    delinquencyId,
    customerId,
    amount: session.amount_total,
    currency: session.currency.toUpperCase(),
  };
  return work(async (deps, endpointTenant) =>
    // One Stripe account may serve several tenants: a session made for another one is never applied here.
    tenantId !== endpointTenant
      ? { status: 'rejected', detail: `the session was made for another tenant (${tenantId ?? 'none'})` }
      : applyCheckoutPayment(deps, endpointTenant, paid),
  );
};

export const receiveStripeWebhook = (
  deps: WebhookDeps,
  tenantId: string,
  rawBody: string,
  signature: string | undefined,
): Promise<WebhookAnswer> => receiveWebhook(deps, stripeScheme, tenantId, rawBody, signature);
