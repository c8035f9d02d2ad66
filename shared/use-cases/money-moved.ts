// The one "money moved" use case: every path that moves money on an invoice (an API payment, a case payment, a
// provider's webhook, a refund or chargeback, a dispute's credit) hands it what moved, and it does what every movement
// owes: count the money, wake the case's execution so it re-derives at once, and review the customer's credit hold.
import { daysBetween, localDate } from '../domain/calendar';
import type { CreditState } from '../schemas/credit.schema';
import type { Customer } from '../schemas/customer.schema';
import { metricsOf } from '../ports/metrics.port';
import { reviewCredit, type CreditDeps } from './credit';

export type MoneyMovedDeps = CreditDeps;

export interface MoneyMovement {
  invoiceId: string;
  customerId: string;
  /** The invoice's due date: money going out can put a debt past the hold threshold again. */
  dueDate: string;
  /** 'in': a payment or credit lowered what is owed; 'out': a refund or chargeback raised it. */
  direction: 'in' | 'out';
  /** New money from the customer (not a credit, not a repeat), counted in the business metrics. */
  recovered: { amount: number; currency: string } | null;
  /** The case to wake, when the movement is new to it (null: none, or the caller started a fresh execution). */
  wake: string | null;
}

/** The customer as the movement's own write read it, so the follow-ups need not read it again. */
export interface KnownPayer {
  customer: Customer | null;
  /** The credit state read with it; undefined when it was not read. */
  state?: CreditState | null;
}

/**
 * Whether the customer's hold can change: money in can only end or narrow a hold, so a customer without a limit and
 * not on hold needs no review; money out can start one, by the limit or by the debt's age.
 */
const mayChangeHold = async (
  deps: MoneyMovedDeps,
  tenantId: string,
  customer: Customer,
  state: CreditState | null | undefined,
  moneyOut: boolean,
): Promise<boolean> => {
  if (customer.creditLimit || moneyOut) return true;
  const known = state === undefined ? await deps.credit.get(tenantId, customer.id) : state;
  return known?.onHold === true;
};

/** Does the follow-ups of money that moved; movements of several invoices of one customer review its hold once. */
export const moneyMoved = async (
  deps: MoneyMovedDeps,
  tenantId: string,
  movements: readonly MoneyMovement[],
  payer?: KnownPayer,
): Promise<void> => {
  for (const { recovered } of movements) {
    if (!recovered) continue;
    metricsOf(deps).add('PaymentsApplied', 1, recovered.currency);
    metricsOf(deps).add('AmountRecovered', recovered.amount, recovered.currency);
  }
  // Payment wins: the delinquency's execution re-derives at once instead of at its next timer.
  for (const delinquencyId of new Set(movements.map((movement) => movement.wake))) {
    if (delinquencyId !== null) await deps.factsChanged.notify(tenantId, delinquencyId);
  }
  for (const customerId of new Set(movements.map((movement) => movement.customerId))) {
    const known = payer?.customer?.id === customerId ? payer : undefined;
    const customer = known ? known.customer : await deps.customers.get(tenantId, customerId);
    if (!customer) continue;
    const own = movements.filter((movement) => movement.customerId === customerId);
    const out = own.filter((movement) => movement.direction === 'out');
    if (!(await mayChangeHold(deps, tenantId, customer, known?.state, out.length > 0))) continue;
    const today = localDate(deps.clock.now(), customer.timeZone);
    const hint = Math.max(0, ...out.map((movement) => daysBetween(movement.dueDate, today)));
    await reviewCredit(deps, tenantId, customer, { daysPastDueHint: hint });
  }
};
