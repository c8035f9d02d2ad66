// Payments, refunds and chargebacks reported by a payment provider, matched to invoices and applied exactly once.
import { ConflictError, NotFoundError, ValidationError } from '../errors/errors';
import type {
  ProviderPaymentLink,
  WaitingReversal,
  WebhookEventRecord,
  WebhookEventStore,
  WebhookOutcome,
} from '../ports/webhook-events.port';
import type { Payment, Refund } from '../schemas/invoice.schema';
import { applyInvoicePayment, stablePaymentId, type RecordedPayment } from './invoices';
import { moneyMoved } from './money-moved';
import { linkedParts, openLinkedDisputes, reverseLinkedPayment } from './linked-reversals';
import type { ReversalDeps } from './reversals';
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

/** The event as received; what came of it is added when it is recorded. */
export type EventReceipt = Pick<WebhookEventRecord, 'provider' | 'eventId' | 'type' | 'receivedAt'>;

export interface ReceivedOutcome extends Outcome {
  /** True when the event id had been handled already: nothing was done again. */
  replayed: boolean;
}

/**
 * Records an event's outcome when nothing else is written with it; a known event id keeps its first outcome and
 * comes back as a replay (a record still 'received' belongs to a leased attempt of a refund: its provider retries).
 */
export const recordOutcome = async (
  deps: Pick<ProviderDeps, 'webhookEvents' | 'clock'>,
  tenantId: string,
  receipt: EventReceipt,
  outcome: Outcome,
): Promise<ReceivedOutcome | { inProgress: true }> => {
  const recorded = await deps.webhookEvents.begin(tenantId, {
    ...receipt,
    status: outcome.status,
    detail: outcome.detail,
    finishedAt: deps.clock.now().toISOString(),
  });
  if (recorded.fresh) return { ...outcome, replayed: false };
  if (recorded.record.status === 'received') return { inProgress: true };
  return { status: recorded.record.status, detail: recorded.record.detail ?? '', replayed: true };
};

/**
 * Applies a provider payment once (its id derives from the provider's payment id) in one transaction with the link
 * from the provider's payment id and, when an event brought it, the event's record; then applies any refund that
 * arrived before it (the rare case) and does what money moving owes.
 */
export const applyProviderPayment = async (
  deps: ProviderDeps,
  tenantId: string,
  reported: ProviderPayment,
  event?: WebhookEventRecord,
): Promise<RecordedPayment> => {
  const recorded = await applyInvoicePayment(
    deps,
    tenantId,
    reported.invoiceId,
    { amount: reported.amount, currency: reported.currency, reference: reported.providerPaymentId },
    {
      idempotencyKey: providerKey(reported),
      source: reported.source,
      actor: `provider:${reported.provider}`,
      receipt: {
        ...(event ? { event } : {}),
        provider: reported.provider,
        providerPaymentId: reported.providerPaymentId,
      },
    },
  );
  if (recorded.refundsWaiting) await applyWaitingRefunds(deps, tenantId, reported);
  // A repeat reviews the hold again (cheap when the customer is not concerned): an attempt that died after its
  // transaction left that undone. The wake and the metrics follow a new payment only.
  await moneyMoved(deps, tenantId, [recorded.movement], recorded.payer);
  return recorded;
};

const providerKey = (reported: ProviderPayment) => `${reported.provider}:${reported.providerPaymentId}`;

/**
 * A provider's payment event, in one read of the invoice, one of its customer and one transaction: the payment, the
 * invoice's totals and the provider payment's link carrying the event's record are written together, so a racing twin
 * is refused by the transaction itself and a replay finds its payment (and the record) without writing anything.
 */
export const receiveProviderPayment = async (
  deps: ProviderDeps,
  tenantId: string,
  reported: ProviderPayment,
  receipt: EventReceipt,
): Promise<ReceivedOutcome | { inProgress: true }> => {
  const paymentId = stablePaymentId(tenantId, reported.invoiceId, providerKey(reported));
  const detail = `applied: payment ${paymentId} of ${reported.amount} ${reported.currency} to invoice ${reported.invoiceId}`;
  let recorded: RecordedPayment;
  try {
    recorded = await applyProviderPayment(deps, tenantId, reported, {
      ...receipt,
      status: 'applied',
      detail,
      finishedAt: deps.clock.now().toISOString(),
    });
  } catch (error) {
    const refusal = settledRefusal(error);
    if (!refusal) throw error;
    return recordOutcome(deps, tenantId, receipt, refusal);
  }
  if (recorded.created) return { status: 'applied', detail, replayed: false };
  // The payment was there already: the event recorded on its link is this one (a replay, or a twin that won), or this
  // event id is new for it and gets a record of its own.
  const { eventId } = await deps.webhookEvents.providerPayment(tenantId, reported.provider, reported.providerPaymentId);
  if (eventId === receipt.eventId) return { status: 'applied', detail, replayed: true };
  return recordOutcome(deps, tenantId, receipt, { status: 'applied', detail: `already ${detail}` });
};

/** Applies the refunds kept on the provider payment's link while its payment had not arrived. */
const applyWaitingRefunds = async (deps: ProviderDeps, tenantId: string, reported: ProviderPayment) => {
  const { link, waiting } = await deps.webhookEvents.providerPayment(
    tenantId,
    reported.provider,
    reported.providerPaymentId,
  );
  if (!link) return;
  await applyWaiting(deps, tenantId, reported.provider, link, waiting, reported.currency);
};

/**
 * Applies reversals that waited for their payment, through its link (one invoice payment, or a split payment's parts).
 * Running totals make a repeat harmless: a payment applied again, or its link written again, may call this again.
 */
export const applyWaiting = async (
  deps: ReversalDeps,
  tenantId: string,
  provider: string,
  link: ProviderPaymentLink,
  waiting: readonly WaitingReversal[],
  currency: string,
) => {
  for (const refund of waiting) {
    // A refund in another currency could not be checked when it arrived first; it is not applied now either.
    if (refund.currency !== undefined && refund.currency !== currency) continue;
    await reverseLinkedPayment(deps, tenantId, link, {
      kind: refund.kind,
      cumulativeAmount: refund.cumulativeAmount,
      reference: refund.reference,
      source: provider === 'stripe' ? 'stripe' : 'webhook',
      actor: `provider:${provider}`,
    });
  }
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
 * Reverses a provider payment up to the reported total. A refund whose payment has not arrived yet waits on the
 * payment's link item (the payment applies it); if the payment lands in between, the refund is applied here.
 */
export const applyProviderReversal = async (
  deps: ProviderDeps,
  tenantId: string,
  reported: ProviderReversal,
): Promise<Outcome> => {
  let { link } = await deps.webhookEvents.providerPayment(tenantId, reported.provider, reported.providerPaymentId);
  if (!link) {
    link = await deps.webhookEvents.addWaiting(tenantId, reported.provider, reported.providerPaymentId, {
      eventId: reported.eventId,
      kind: reported.kind,
      cumulativeAmount: reported.cumulativeAmount,
      ...(reported.currency ? { currency: reported.currency } : {}),
      reference: reported.reference,
    });
    if (!link)
      return {
        status: 'waiting',
        detail: `the ${reported.kind} waits for payment ${reported.providerPaymentId} to arrive`,
      };
  }
  const refunds = await reverseLinkedPayment(deps, tenantId, link, {
    kind: reported.kind,
    cumulativeAmount: reported.cumulativeAmount,
    ...(reported.currency ? { currency: reported.currency } : {}),
    reference: reported.reference,
    source: reported.source,
    actor: `provider:${reported.provider}`,
  });
  return {
    status: 'applied',
    detail:
      refunds.length > 0
        ? refunds
            .map(
              (refund) => `${reported.kind} of ${refund.amount} ${refund.currency} against payment ${refund.paymentId}`,
            )
            .join('; ')
        : `nothing left to reverse on ${linkedParts(link)
            .map((part) => `payment ${part.paymentId}`)
            .join(', ')}`,
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
  const { link } = await deps.webhookEvents.providerPayment(tenantId, reported.provider, reported.providerPaymentId);
  const disputed = link ? await openLinkedDisputes(deps, tenantId, link, reported) : [];
  const reversed = await applyProviderReversal(deps, tenantId, reported);
  const opened =
    disputed.length === 1 ? 'dispute opened; ' : disputed.length > 1 ? `${disputed.length} disputes opened; ` : '';
  return { status: reversed.status, detail: `${opened}${reversed.detail}` };
};
