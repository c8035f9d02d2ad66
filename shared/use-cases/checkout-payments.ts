// A card payment made on the provider's hosted page (Stripe Checkout) for a case: applied over the customer's open
// invoices like a case payment, keyed by the PaymentIntent so no second event about the same money pays twice, and
// linked from the PaymentIntent to its parts so a later refund or chargeback of it finds the money it reverses.
import type { ProviderPaymentPart } from '../ports/webhook-events.port';
import { recordCasePayment, type CaseAllocation } from './case-payments';
import { applyWaiting, type Outcome, type ProviderDeps } from './provider-payments';

export interface CheckoutPayment {
  provider: string;
  sessionId: string;
  paymentIntentId: string;
  delinquencyId: string;
  customerId: string;
  /** Minor units, as the session's amount_total. */
  amount: number;
  /** ISO 4217, upper case. */
  currency: string;
}

export type CheckoutPaymentDeps = ProviderDeps;

/** The key a Checkout payment's parts are recorded under: the PaymentIntent is the money, whatever event reports it. */
export const checkoutPaymentKey = (provider: string, paymentIntentId: string): string =>
  `checkout:${provider}:${paymentIntentId}`;

/**
 * Applies the paid amount over the case customer's open invoices in the case's currency, oldest due first (the case
 * payment's split); the parts' keys derive from the PaymentIntent, so a replay or another event naming the same intent
 * finds the parts already applied. Money in another currency than the case's is not converted: it is refused and
 * left for the tenant to refund in Stripe, and the event's record says so.
 */
export const applyCheckoutPayment = async (
  deps: CheckoutPaymentDeps,
  tenantId: string,
  paid: CheckoutPayment,
): Promise<Outcome> => {
  const delinquency = await deps.delinquencies.get(tenantId, paid.delinquencyId);
  if (!delinquency || delinquency.customerId !== paid.customerId)
    return { status: 'unmatched', detail: `no case ${paid.delinquencyId} of customer ${paid.customerId}` };
  if (delinquency.currency !== paid.currency)
    return {
      status: 'rejected',
      detail: `session ${paid.sessionId} paid ${paid.amount} ${paid.currency} but case ${paid.delinquencyId} is in ${delinquency.currency}: not applied (refund it at the provider)`,
    };
  const applied = await recordCasePayment(
    deps,
    tenantId,
    paid.customerId,
    { amount: paid.amount, currency: paid.currency, reference: paid.paymentIntentId },
    checkoutPaymentKey(paid.provider, paid.paymentIntentId),
    `provider:${paid.provider}`,
    paid.provider === 'stripe' ? 'stripe' : 'webhook',
  );
  // After the parts, never before: a refund finding no link waits on it, and writing the link hands it over. A repeat
  // (a retried event, a twin naming the same intent) keeps the first link and applies what waits again, harmlessly.
  const state = await deps.webhookEvents.linkParts(
    tenantId,
    paid.provider,
    paid.paymentIntentId,
    await partsOf(deps, tenantId, applied.allocations),
  );
  if (state.link && state.waiting.length > 0)
    await applyWaiting(deps, tenantId, paid.provider, state.link, state.waiting, paid.currency);
  const parts = applied.allocations.map((part) => `${part.amount} to ${part.invoiceId}`).join(', ');
  return {
    status: 'applied',
    detail: `applied: ${paid.amount} ${paid.currency} from ${paid.paymentIntentId} (session ${paid.sessionId}): ${parts}${applied.credit > 0 ? `; ${applied.credit} kept as credit` : ''}${state.waiting.length > 0 ? `; ${state.waiting.length} earlier reversal(s) applied` : ''}`,
  };
};

/**
 * The parts as stored, in allocation order: each holds its payment's whole amount, the credit beyond the debt included,
 * so the parts add up to what the card paid and a full refund gives all of it back.
 */
const partsOf = async (
  deps: Pick<ProviderDeps, 'invoices'>,
  tenantId: string,
  allocations: readonly CaseAllocation[],
): Promise<ProviderPaymentPart[]> => {
  const parts: ProviderPaymentPart[] = [];
  for (const allocation of allocations) {
    const payment = await deps.invoices.getPayment(tenantId, allocation.invoiceId, allocation.paymentId);
    // Just written: missing, it is a read that lags, and the provider's retry links the parts.
    if (!payment) throw new Error(`payment ${allocation.paymentId} on invoice ${allocation.invoiceId} not found yet`);
    parts.push({ invoiceId: allocation.invoiceId, paymentId: allocation.paymentId, amount: payment.amount });
  }
  return parts;
};
