// Stripe's events: payment_intent.succeeded pays the invoice in metadata.invoice_id, charge.refunded reverses it,
// charge.dispute.created opens a dispute and reverses what the bank pulled back. Other types are acknowledged.
import {
  isInvoiceId,
  StripeChargeSchema,
  StripeDisputeSchema,
  StripeEventSchema,
  StripePaymentIntentSchema,
} from '../schemas/stripe-event.schema';
import { applyProviderChargeback, applyProviderReversal } from './provider-payments';
import {
  receiveWebhook,
  settled,
  work,
  type WebhookAnswer,
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

export const receiveStripeWebhook = (
  deps: WebhookDeps,
  tenantId: string,
  rawBody: string,
  signature: string | undefined,
): Promise<WebhookAnswer> => receiveWebhook(deps, stripeScheme, tenantId, rawBody, signature);
