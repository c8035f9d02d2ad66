// A payment that names no invoice: applied across the customer's case, oldest due date first, each part exactly once,
// then what money moving owes (wakes, the credit review) done once for all the parts.
import { stableId } from '../domain/ids';
import { ConflictError, NotFoundError } from '../errors/errors';
import type { Payment, PostPaymentBody } from '../schemas/invoice.schema';
import { applyInvoicePayment, getCustomerInvoices } from './invoices';
import { moneyMoved, type MoneyMovement, type MoneyMovedDeps } from './money-moved';

export interface CaseAllocation {
  invoiceId: string;
  paymentId: string;
  amount: number;
  /** What is left on that invoice afterwards. */
  balance: number;
}

export interface CasePayment {
  customerId: string;
  amount: number;
  currency: string;
  reference: string;
  allocations: CaseAllocation[];
  /** What was beyond everything owed: kept as the customer's credit on the newest invoice paid. */
  credit: number;
}

const partKey = (key: string, invoiceId: string) => `case:${key}:${invoiceId}`;

/**
 * Splits the payment over the open invoices in that currency, oldest due first. Each part is recorded under a key
 * derived from the request's key (or the partner's reference), so a retry after a failure halfway applies only the
 * parts not yet applied, never a part twice.
 */
export const recordCasePayment = async (
  deps: MoneyMovedDeps,
  tenantId: string,
  customerId: string,
  body: PostPaymentBody,
  idempotencyKey: string | undefined,
  actor: string,
  /** Where the money came from: the partner's API by default, a provider's hosted page for a Checkout payment. */
  source: Payment['source'] = 'api',
): Promise<CasePayment> => {
  const customer = await deps.customers.get(tenantId, customerId);
  if (!customer) throw new NotFoundError(`no customer ${customerId}`);
  const key = idempotencyKey ?? `reference:${body.reference}`;
  const invoices = (await deps.invoices.listByCustomer(tenantId, customerId))
    .filter((invoice) => invoice.currency === body.currency && !invoice.voided && !invoice.writtenOff)
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id));
  const open = [];
  for (const invoice of await getCustomerInvoices(
    deps,
    tenantId,
    customer,
    invoices.map((item) => item.id),
  )) {
    // A part already applied by an earlier attempt of this same payment counts as still open, so the split comes out
    // the same and that part is found (not applied again) by its id.
    const earlier = invoice.payments.find(
      (payment) => payment.id === stableId('pay', tenantId, invoice.id, partKey(key, invoice.id)),
    );
    if (invoice.balance > 0 || earlier)
      open.push({ id: invoice.id, owed: invoice.balance + (earlier?.appliedAmount ?? 0) });
  }
  if (open.length === 0)
    throw new ConflictError(
      `the customer owes nothing in ${body.currency}; record the money against an invoice to keep it as credit`,
      'nothing-owed',
    );
  let remaining = body.amount;
  const allocations: CaseAllocation[] = [];
  const movements: MoneyMovement[] = [];
  for (const [index, invoice] of open.entries()) {
    if (remaining <= 0) break;
    const last = index === open.length - 1;
    const part = last ? remaining : Math.min(remaining, invoice.owed);
    const recorded = await applyInvoicePayment(
      deps,
      tenantId,
      invoice.id,
      { ...body, amount: part },
      { idempotencyKey: partKey(key, invoice.id), source, actor },
    );
    movements.push(recorded.movement);
    allocations.push({
      invoiceId: invoice.id,
      paymentId: recorded.payment.id,
      amount: recorded.payment.appliedAmount,
      balance: recorded.invoice.balance,
    });
    remaining -= part;
  }
  // One follow-up for the whole payment: each case woken once, the customer's hold reviewed once.
  await moneyMoved(deps, tenantId, movements, { customer });
  const credit = body.amount - allocations.reduce((sum, allocation) => sum + allocation.amount, 0);
  return { customerId, amount: body.amount, currency: body.currency, reference: body.reference, allocations, credit };
};
