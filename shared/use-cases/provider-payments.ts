// Payments, refunds and chargebacks reported by a payment provider, matched to invoices and applied exactly once.
import { ConflictError, NotFoundError, ValidationError } from '../errors/errors';
import type { WebhookEventStore, WebhookOutcome } from '../ports/webhook-events.port';
import type { Payment, Refund } from '../schemas/invoice.schema';
import { openDispute } from './disputes';
import { recordPayment } from './invoices';
import { reversePayment, type ReversalDeps } from './reversals';
import { CONCURRENT_MODIFICATION } from './retry-on-conflict';

export interface ProviderDeps extends ReversalDeps {
  webhookEvents: WebhookEventStore;
}

export interface Outcome {
  status: WebhookOutcome;
  detail: string;
}

/** What a provider's report can meet that retrying will never fix: recorded as the event's outcome, not retried. */
export const settledRefusal = (error: unknown): Outcome | null => {
  if (error instanceof NotFoundError) return { status: 'unmatched', detail: error.message };
  // Writers that kept colliding on one invoice are an outage of the moment, not a refusal: the provider's retry applies it.
  if (error instanceof ConflictError && error.code === CONCURRENT_MODIFICATION) return null;
  if (error instanceof ValidationError || error instanceof ConflictError)
    return { status: 'rejected', detail: error.message };
  // An event object without the fields Arrears reads will not grow them on a retry.
  if (error instanceof Error && error.name === 'ZodError')
    return { status: 'rejected', detail: 'the event object lacks fields Arrears reads' };
  return null;
};

export interface ProviderPayment {
  provider: string;
  providerPaymentId: string;
  invoiceId: string;
  amount: number;
  currency: string;
  source: Payment['source'];
}

/**
 * Applies a provider payment once (its id derives from the provider's payment id), remembers which invoice payment it
 * became, then applies any refund that arrived before it.
 */
export const applyProviderPayment = async (
  deps: ProviderDeps,
  tenantId: string,
  reported: ProviderPayment,
): Promise<Outcome> => {
  const recorded = await recordPayment(
    deps,
    tenantId,
    reported.invoiceId,
    { amount: reported.amount, currency: reported.currency, reference: reported.providerPaymentId },
    {
      idempotencyKey: `${reported.provider}:${reported.providerPaymentId}`,
      source: reported.source,
      actor: `provider:${reported.provider}`,
    },
  );
  const link = { invoiceId: reported.invoiceId, paymentId: recorded.payment.id };
  await deps.webhookEvents.linkPayment(tenantId, reported.provider, reported.providerPaymentId, link);
  for (const waiting of await deps.webhookEvents.listWaiting(tenantId, reported.provider, reported.providerPaymentId)) {
    // A refund in another currency could not be checked when it arrived first; it is not applied now either.
    if (waiting.currency !== undefined && waiting.currency !== reported.currency) continue;
    await reversePayment(deps, tenantId, {
      ...link,
      kind: waiting.kind,
      cumulativeAmount: waiting.cumulativeAmount,
      reference: waiting.reference,
      source: reported.source === 'stripe' ? 'stripe' : 'webhook',
      actor: `provider:${reported.provider}`,
    });
  }
  return {
    status: 'applied',
    detail: `${recorded.created ? 'applied' : 'already applied'}: payment ${recorded.payment.id} of ${reported.amount} ${reported.currency} to invoice ${reported.invoiceId}`,
  };
};

export interface ProviderReversal {
  provider: string;
  providerPaymentId: string;
  eventId: string;
  kind: Refund['kind'];
  cumulativeAmount: number;
  /** The currency the provider reports the reversal in, when it does: it must be the payment's. */
  currency?: string;
  reference: string;
  source: Refund['source'];
}

/**
 * Reverses a provider payment up to the reported total. A refund whose payment has not arrived yet waits for it (the
 * payment applies it); the link is read again after waiting is recorded, so a payment landing in between is not missed.
 */
export const applyProviderReversal = async (
  deps: ProviderDeps,
  tenantId: string,
  reported: ProviderReversal,
): Promise<Outcome> => {
  let link = await deps.webhookEvents.paymentLink(tenantId, reported.provider, reported.providerPaymentId);
  if (!link) {
    await deps.webhookEvents.addWaiting(tenantId, reported.provider, reported.providerPaymentId, {
      eventId: reported.eventId,
      kind: reported.kind,
      cumulativeAmount: reported.cumulativeAmount,
      ...(reported.currency ? { currency: reported.currency } : {}),
      reference: reported.reference,
    });
    link = await deps.webhookEvents.paymentLink(tenantId, reported.provider, reported.providerPaymentId);
    if (!link)
      return {
        status: 'waiting',
        detail: `the ${reported.kind} waits for payment ${reported.providerPaymentId} to arrive`,
      };
  }
  const refund = await reversePayment(deps, tenantId, {
    ...link,
    kind: reported.kind,
    cumulativeAmount: reported.cumulativeAmount,
    ...(reported.currency ? { currency: reported.currency } : {}),
    reference: reported.reference,
    source: reported.source,
    actor: `provider:${reported.provider}`,
  });
  return {
    status: 'applied',
    detail: refund
      ? `${reported.kind} of ${refund.amount} ${refund.currency} against payment ${refund.paymentId}`
      : `nothing left to reverse on payment ${link.paymentId}`,
  };
};

export interface ProviderChargeback extends ProviderReversal {
  providerDisputeId: string;
  reason: string;
}

/** A chargeback: the dispute opens first (so a reopened case comes back paused), then the money is reversed. */
export const applyProviderChargeback = async (
  deps: ProviderDeps,
  tenantId: string,
  reported: ProviderChargeback,
): Promise<Outcome> => {
  const link = await deps.webhookEvents.paymentLink(tenantId, reported.provider, reported.providerPaymentId);
  const invoice = link ? (await deps.invoices.get(tenantId, link.invoiceId))?.invoice : undefined;
  if (invoice?.delinquencyId) {
    await openDispute(deps, tenantId, invoice.delinquencyId, {
      reason: `chargeback: ${reported.reason}`,
      source: reported.source === 'stripe' ? 'stripe' : 'webhook',
      providerDisputeId: reported.providerDisputeId,
      amount: reported.cumulativeAmount,
      actor: `provider:${reported.provider}`,
    });
  }
  const reversed = await applyProviderReversal(deps, tenantId, reported);
  return { status: reversed.status, detail: `${invoice?.delinquencyId ? 'dispute opened; ' : ''}${reversed.detail}` };
};
