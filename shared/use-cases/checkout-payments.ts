// A card payment made on the provider's hosted page (Stripe Checkout) for a case: applied over the customer's open
// invoices like a case payment, keyed by the PaymentIntent so no second event about the same money pays twice.
import type { DelinquencyRecords } from '../ports/delinquency-repository.port';
import { recordCasePayment } from './case-payments';
import type { MoneyMovedDeps } from './money-moved';
import type { Outcome } from './provider-payments';

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

export interface CheckoutPaymentDeps extends MoneyMovedDeps {
  delinquencies: Pick<DelinquencyRecords, 'get'>;
}

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
  const parts = applied.allocations.map((part) => `${part.amount} to ${part.invoiceId}`).join(', ');
  return {
    status: 'applied',
    detail: `applied: ${paid.amount} ${paid.currency} from ${paid.paymentIntentId} (session ${paid.sessionId}): ${parts}${applied.credit > 0 ? `; ${applied.credit} kept as credit` : ''}`,
  };
};
