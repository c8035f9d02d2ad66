// Credit control: a customer's exposure (open balance plus what the partner has not billed yet) against its limit, and
// whether it should be on hold, and why. Only the limit's currency counts towards the limit.
import { daysBetween } from './calendar';

export type HoldReason = 'over-limit' | 'past-due';

export interface CreditFacts {
  limit: { amount: number; currency: string } | null;
  /** Open invoices with what each owes now (charges included) and its due date. */
  openInvoices: readonly { balance: number; currency: string; dueDate: string }[];
  unbilled: { amount: number; currency: string } | null;
  /** The customer's local date. */
  today: string;
  holdDaysPastDue: number;
}

export interface CreditPosition {
  currency: string | null;
  limit: number | null;
  openBalance: number;
  unbilled: number;
  exposure: number;
  /** What may still be sold on credit (never below zero); null without a limit. */
  available: number | null;
  pastDueBalance: number;
  maxDaysPastDue: number;
  /** The share of the limit that is past due (0 without a limit): the work queue weighs it. */
  limitShareInArrears: number;
  reasons: HoldReason[];
}

export const creditPosition = (facts: CreditFacts): CreditPosition => {
  const currency = facts.limit?.currency ?? null;
  const counted = facts.openInvoices.filter(
    (invoice) => invoice.balance > 0 && (currency === null || invoice.currency === currency),
  );
  const pastDue = counted.filter((invoice) => daysBetween(invoice.dueDate, facts.today) > 0);
  const openBalance = counted.reduce((sum, invoice) => sum + invoice.balance, 0);
  const unbilled =
    facts.unbilled && (currency === null || facts.unbilled.currency === currency) ? facts.unbilled.amount : 0;
  const exposure = openBalance + unbilled;
  const pastDueBalance = pastDue.reduce((sum, invoice) => sum + invoice.balance, 0);
  // Days past due look at every currency: a debt long overdue in any currency is a reason to stop selling.
  const maxDaysPastDue = facts.openInvoices
    .filter((invoice) => invoice.balance > 0)
    .reduce((max, invoice) => Math.max(max, daysBetween(invoice.dueDate, facts.today)), 0);
  const reasons: HoldReason[] = [];
  if (facts.limit && exposure > facts.limit.amount) reasons.push('over-limit');
  if (maxDaysPastDue >= facts.holdDaysPastDue) reasons.push('past-due');
  return {
    currency,
    limit: facts.limit?.amount ?? null,
    openBalance,
    unbilled,
    exposure,
    available: facts.limit ? Math.max(0, facts.limit.amount - exposure) : null,
    pastDueBalance,
    maxDaysPastDue,
    limitShareInArrears:
      facts.limit && facts.limit.amount > 0
        ? Math.min(1, pastDueBalance / facts.limit.amount)
        : facts.limit && pastDueBalance > 0
          ? 1
          : 0,
    reasons,
  };
};
