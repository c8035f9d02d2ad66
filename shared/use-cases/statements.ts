// A customer's statement, computed from stored facts as of the customer's today: every open item with its charges,
// the payments on them, overpaid credit, and the total due, one block per currency.
import { daysBetween, localDate } from '../domain/calendar';
import { NotFoundError } from '../errors/errors';
import type { Statement } from '../schemas/statement.schema';
import { getCustomerInvoices } from './invoices';
import type { CoreDeps } from './ports';

export const customerStatement = async (deps: CoreDeps, tenantId: string, customerId: string): Promise<Statement> => {
  const customer = await deps.customers.get(tenantId, customerId);
  if (!customer) throw new NotFoundError(`no customer ${customerId}`);
  const asOf = localDate(deps.clock.now(), customer.timeZone);
  const stored = (await deps.invoices.listByCustomer(tenantId, customerId)).filter((invoice) => !invoice.voided);
  const currencies: Statement['currencies'] = {};
  for (const invoice of await getCustomerInvoices(
    deps,
    tenantId,
    customer,
    stored.map((item) => item.id),
  )) {
    const block = (currencies[invoice.currency] ??= { items: [], payments: [], credit: 0, totalDue: 0 });
    const credit =
      invoice.payments.reduce((sum, payment) => sum + payment.unappliedAmount, 0) -
      invoice.refunds.reduce((sum, refund) => sum + refund.reversedCredit, 0);
    block.credit += Math.max(0, credit);
    if (invoice.balance <= 0 || invoice.status === 'written_off') continue;
    block.items.push({
      invoiceId: invoice.id,
      ...(invoice.description ? { description: invoice.description } : {}),
      issuedAt: invoice.issuedAt,
      dueDate: invoice.dueDate,
      daysPastDue: Math.max(0, daysBetween(invoice.dueDate, asOf)),
      amount: invoice.amount,
      fees: invoice.charges.fees,
      interest: invoice.charges.interest,
      paid: invoice.paid,
      balance: invoice.balance,
    });
    block.payments.push(
      ...invoice.payments.map((payment) => ({
        invoiceId: invoice.id,
        paidAt: payment.paidAt,
        amount: payment.amount,
        reference: payment.reference,
      })),
    );
  }
  for (const block of Object.values(currencies)) {
    block.items.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.invoiceId.localeCompare(b.invoiceId));
    block.payments.sort((a, b) => a.paidAt.localeCompare(b.paidAt));
    block.totalDue = Math.max(0, block.items.reduce((sum, item) => sum + item.balance, 0) - block.credit);
  }
  return { customerId, name: customer.name, asOf, currencies };
};
