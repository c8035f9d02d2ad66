// Interest on one invoice as of a local date: its principal over time follows the payments, so partial payments lose none.
import { accruedInterest, type InterestResult } from './charges';
import { localDate } from './calendar';
import type { Invoice, Payment, Refund } from '../schemas/invoice.schema';
import type { Strategy } from '../schemas/strategy.schema';

export interface InterestFacts {
  invoice: Pick<Invoice, 'amount' | 'dueDate' | 'issuedAt' | 'voided'>;
  payments: readonly Pick<Payment, 'paidAt' | 'appliedAmount'>[];
  customer: { kind: 'consumer' | 'business'; timeZone: string };
  interest: Strategy['interest'];
  /** The customer's local date interest is accrued up to. */
  asOf: string;
}

/**
 * What moved the principal and when: payments lower it, refunds and chargebacks raise it again by what they reversed
 * from the balance (an overpayment's credit never touched principal).
 */
export const principalMovements = (
  payments: readonly Pick<Payment, 'paidAt' | 'appliedAmount'>[],
  refunds: readonly Pick<Refund, 'recordedAt' | 'reversedApplied'>[],
): Pick<Payment, 'paidAt' | 'appliedAmount'>[] => [
  ...payments,
  ...refunds.map((refund) => ({ paidAt: refund.recordedAt, appliedAmount: -refund.reversedApplied })),
];

/** Whether a strategy's interest rule charges anything: without one, an invoice's balance needs none of its history. */
export const chargesInterest = (interest: Strategy['interest']): interest is NonNullable<Strategy['interest']> =>
  interest !== undefined && interest.rule !== 'none';

/**
 * Payments reduce principal first (then fees, then interest), from the customer's local date the money arrived, so
 * interest runs only on what is still owed.
 */
export const invoiceInterest = (facts: InterestFacts): InterestResult | null => {
  const interest = facts.interest;
  if (!chargesInterest(interest) || facts.invoice.voided) return null;
  let principal = facts.invoice.amount;
  const periods = [{ from: facts.invoice.issuedAt, principal }];
  const byDate = [...facts.payments].sort((a, b) => a.paidAt.localeCompare(b.paidAt));
  for (const payment of byDate) {
    principal = Math.max(0, principal - payment.appliedAmount);
    periods.push({ from: localDate(new Date(payment.paidAt), facts.customer.timeZone), principal });
  }
  return accruedInterest({
    rule: interest.rule,
    ...(interest.annualRatePercent === undefined ? {} : { annualRatePercent: interest.annualRatePercent }),
    ...(interest.referenceRates === undefined ? {} : { referenceRates: interest.referenceRates }),
    customerKind: facts.customer.kind,
    dueDate: facts.invoice.dueDate,
    asOf: facts.asOf,
    principal: periods,
  });
};
