// POST /v1/webhooks/stripe/{tenantId}: verify Stripe's signature on the raw body, then apply each event id once.
import { NotFoundError, ValidationError } from '../errors/errors';
import type { WebhookSecrets } from '../ports/webhook-secrets.port';
import { StripeChargeSchema, StripeDisputeSchema, StripeEventSchema, StripePaymentIntentSchema } from '../schemas/stripe-event.schema';
import { verifySignatureHeader } from '../webhooks/signature';
import {
  applyProviderChargeback,
  applyProviderPayment,
  applyProviderReversal,
  settledRefusal,
  type Outcome,
  type ProviderDeps,
} from './provider-payments';

export interface WebhookDeps extends ProviderDeps {
  webhookSecrets: WebhookSecrets;
  /** The real time in seconds: signatures are checked against it even when the system runs on a virtual clock. */
  wallClockSeconds: () => number;
}

export interface WebhookAnswer {
  received: true;
  eventId: string;
  /** 'processing': another delivery of the same event is being handled right now. */
  outcome: Outcome['status'] | 'processing';
  /** True when this event id had already been handled: nothing was done again. */
  replayed: boolean;
}

const refuseSignature = (reason: string) =>
  new ValidationError(`the webhook signature does not verify: ${reason}`, [{ path: 'header.stripe-signature', message: reason }], { code: 'invalid-signature' });

const PROVIDER = 'stripe';

/** Longer than any one attempt can take (the function times out first); after it a stuck event is taken over. */
const EVENT_LEASE_MS = 60_000;

/** Applies one verified event; returns what came of it. Errors that a retry could fix are thrown (the provider retries). */
const dispatch = async (deps: WebhookDeps, tenantId: string, event: { id: string; type: string; data: { object: Record<string, unknown> } }): Promise<Outcome> => {
  switch (event.type) {
    case 'payment_intent.succeeded': {
      const intent = StripePaymentIntentSchema.parse(event.data.object);
      const invoiceId = intent.metadata?.invoice_id;
      if (!invoiceId) return { status: 'unmatched', detail: 'the payment intent has no metadata.invoice_id' };
      if (intent.amount_received === 0) return { status: 'ignored', detail: 'nothing was received' };
      return applyProviderPayment(deps, tenantId, {
        provider: PROVIDER,
        providerPaymentId: intent.id,
        invoiceId,
        amount: intent.amount_received,
        currency: intent.currency.toUpperCase(),
        source: 'stripe',
      });
    }
    case 'charge.refunded': {
      const charge = StripeChargeSchema.parse(event.data.object);
      if (!charge.payment_intent) return { status: 'unmatched', detail: 'the charge names no payment intent' };
      return applyProviderReversal(deps, tenantId, {
        provider: PROVIDER,
        providerPaymentId: charge.payment_intent,
        eventId: event.id,
        kind: 'refund',
        cumulativeAmount: charge.amount_refunded,
        reference: charge.id,
        source: 'stripe',
      });
    }
    case 'charge.dispute.created': {
      const dispute = StripeDisputeSchema.parse(event.data.object);
      if (!dispute.payment_intent) return { status: 'unmatched', detail: 'the dispute names no payment intent' };
      return applyProviderChargeback(deps, tenantId, {
        provider: PROVIDER,
        providerPaymentId: dispute.payment_intent,
        eventId: event.id,
        kind: 'chargeback',
        cumulativeAmount: dispute.amount,
        reference: dispute.id,
        source: 'stripe',
        providerDisputeId: dispute.id,
        reason: dispute.reason,
      });
    }
    default:
      return { status: 'ignored', detail: `Arrears does not act on ${event.type}` };
  }
};

export const receiveStripeWebhook = async (
  deps: WebhookDeps,
  tenantId: string,
  rawBody: string,
  signature: string | undefined,
): Promise<WebhookAnswer> => {
  const secret = await deps.webhookSecrets.secretFor(tenantId, PROVIDER);
  // A tenant without a secret looks like no endpoint at all: nothing to learn by probing tenant ids.
  if (!secret) throw new NotFoundError('no such webhook endpoint');
  const check = verifySignatureHeader(rawBody, signature, secret, deps.wallClockSeconds());
  if (!check.valid) throw refuseSignature(check.reason);
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawBody);
  } catch {
    throw new ValidationError('the event is not JSON', [{ path: '(body)', message: 'not JSON' }], { code: 'malformed-json' });
  }
  const event = StripeEventSchema.safeParse(parsed);
  if (!event.success) throw new ValidationError('the event has no id, type or data.object', [{ path: '(body)', message: 'not a Stripe event' }]);
  const { id, type } = event.data;
  const now = deps.clock.now().toISOString();
  const leaseUntil = new Date(deps.clock.now().getTime() + EVENT_LEASE_MS).toISOString();
  const begun = await deps.webhookEvents.begin(tenantId, { provider: PROVIDER, eventId: id, type, status: 'received', receivedAt: now, leaseUntil });
  if (!begun.fresh) return { received: true, eventId: id, outcome: begun.record.status === 'received' ? 'processing' : begun.record.status, replayed: true };
  let outcome: Outcome;
  try {
    outcome = await dispatch(deps, tenantId, event.data);
  } catch (error) {
    const refusal = settledRefusal(error);
    if (!refusal) throw error;
    outcome = refusal;
  }
  await deps.webhookEvents.finish(tenantId, PROVIDER, id, outcome.status, outcome.detail, deps.clock.now().toISOString());
  return { received: true, eventId: id, outcome: outcome.status, replayed: false };
};
