// What an invoice's facts add up to: the balance a customer owes and the status that follows from it.
import type { Invoice, InvoiceStatus } from '../schemas/invoice.schema';

/** What the customer owes now: amount + fees + interest − payments applied (never below zero: extra money is credit). */
export const invoiceBalance = (invoice: Pick<Invoice, 'amount' | 'feesTotal' | 'paidTotal'>, interest = 0): number =>
  Math.max(0, invoice.amount + invoice.feesTotal + interest - invoice.paidTotal);

export const invoiceStatus = (
  invoice: Pick<Invoice, 'amount' | 'feesTotal' | 'paidTotal' | 'voided' | 'writtenOff'>,
  interest = 0,
): InvoiceStatus => {
  if (invoice.voided) return 'void';
  if (invoice.writtenOff) return 'written_off';
  return invoiceBalance(invoice, interest) === 0 ? 'paid' : 'open';
};

/** Only open invoices are in collection: they alone belong in the due-date index the scheduled run reads. */
export const isCollectible = (invoice: Parameters<typeof invoiceStatus>[0]): boolean =>
  invoiceStatus(invoice) === 'open';
