// Money a provider gives back, applied through the provider payment's link: to its one invoice payment, or over the
// parts of a payment split across several invoices (a Checkout payment of a case), the last invoice paid first.
import { reversalShares } from '../domain/reversal-shares';
import type { ProviderPaymentLink, ProviderPaymentPart } from '../ports/webhook-events.port';
import type { Refund } from '../schemas/invoice.schema';
import { openDispute } from './disputes';
import { reversePayment, type ReversalDeps, type ReversalRequest } from './reversals';

/** The invoice payments a link points at, in allocation order: one for a payment to one invoice. */
export const linkedParts = (link: ProviderPaymentLink): ProviderPaymentPart[] =>
  link.parts && link.parts.length > 0 ? link.parts : [{ invoiceId: link.invoiceId, paymentId: link.paymentId }];

export type LinkedReversal = Omit<ReversalRequest, 'invoiceId' | 'paymentId'>;

/**
 * Tops each part up to its share of the reported running total, newest-allocated first. A share depends on the total
 * alone, so a replayed total reverses nothing and a larger one reverses exactly the difference. Returns the refunds
 * stored (none when everything asked for was given back already).
 */
export const reverseLinkedPayment = async (
  deps: ReversalDeps,
  tenantId: string,
  link: ProviderPaymentLink,
  request: LinkedReversal,
): Promise<Refund[]> => {
  const refunds: Refund[] = [];
  for (const share of reversalShares(linkedParts(link), request.cumulativeAmount)) {
    const refund = await reversePayment(deps, tenantId, {
      ...request,
      invoiceId: share.part.invoiceId,
      paymentId: share.part.paymentId,
      cumulativeAmount: share.cumulativeAmount,
    });
    if (refund) refunds.push(refund);
  }
  return refunds;
};

export interface LinkedChargeback {
  provider: string;
  providerDisputeId: string;
  reason: string;
  cumulativeAmount: number;
  source: Refund['source'];
}

/**
 * Opens a dispute on the case of every part the chargeback takes money from (before the money goes, so a case it
 * reopens comes back paused), for that part's share. A payment to one invoice keeps the provider's dispute id as the
 * dispute's key; the parts of a split payment each add their invoice to it. Returns the cases disputed.
 */
export const openLinkedDisputes = async (
  deps: ReversalDeps,
  tenantId: string,
  link: ProviderPaymentLink,
  reported: LinkedChargeback,
): Promise<string[]> => {
  const parts = linkedParts(link);
  const disputed: string[] = [];
  for (const share of reversalShares(parts, reported.cumulativeAmount)) {
    const delinquencyId = (await deps.invoices.get(tenantId, share.part.invoiceId))?.invoice.delinquencyId;
    if (!delinquencyId) continue;
    await openDispute(deps, tenantId, delinquencyId, {
      reason: `chargeback: ${reported.reason}`,
      source: reported.source === 'stripe' ? 'stripe' : 'webhook',
      providerDisputeId: reported.providerDisputeId,
      ...(parts.length > 1 ? { disputeKey: `${reported.providerDisputeId}:${share.part.invoiceId}` } : {}),
      amount: share.cumulativeAmount,
      actor: `provider:${reported.provider}`,
    });
    disputed.push(delinquencyId);
  }
  return disputed;
};
