// Storage of invoices and the payments against them; every balance change is guarded by the invoice's version.
import type { Charge } from '../schemas/delinquency.schema';
import type { Invoice, Payment, Refund } from '../schemas/invoice.schema';
import type { PaymentReceipt } from './webhook-events.port';

/** Consecutive UTC scan dates, both ends included (YYYY-MM-DD). */
export interface DateRange {
  from: string;
  to: string;
}

export interface InvoiceWithPayments {
  invoice: Invoice;
  payments: Payment[];
  charges: Charge[];
  refunds: Refund[];
}

/** 'duplicate' means the payment or charge id was already stored: the write had happened before. */
export type ApplyPaymentOutcome = 'applied' | 'version_moved' | 'duplicate';

/** A provider payment's transaction can also be refused for its receipt: refunds wait on the provider payment's link. */
export type ApplyReceiptOutcome = ApplyPaymentOutcome | 'refunds_waiting';

export interface InvoiceRepository {
  /** How many shards the run's due-date index has per tenant and date. */
  readonly shardCount: number;
  get(tenantId: string, invoiceId: string): Promise<InvoiceWithPayments | null>;
  /**
   * The invoice, and the one payment with that id when it was stored already and the invoice takes no more payments
   * (void): what a payment needs when no interest rule asks for the invoice's history. One read of one item otherwise:
   * a payment stored already is then found by the write, which refuses it as a duplicate.
   */
  getForPayment(
    tenantId: string,
    invoiceId: string,
    paymentId: string,
  ): Promise<{ invoice: Invoice; payment: Payment | null } | null>;
  /**
   * A customer's invoices (the case), by due date, from the customer index; `consistent` reads each one as the last
   * write left it (a payment just made included).
   */
  listByCustomer(tenantId: string, customerId: string, options?: { consistent?: boolean }): Promise<Invoice[]>;
  getPayment(tenantId: string, invoiceId: string, paymentId: string): Promise<Payment | null>;
  /** Writes the invoice if the stored version is still `expectedVersion` (null: must not exist yet); false if it moved. */
  save(tenantId: string, invoice: Invoice, expectedVersion: number | null): Promise<boolean>;
  /**
   * In one transaction: stores the payment (refused if its id exists) and writes the updated invoice
   * (refused if the invoice's version moved since `expectedVersion`). A provider's payment brings its receipt: the
   * link from the provider's payment id, with the event's record, is written in the same transaction.
   */
  applyPayment(
    tenantId: string,
    updated: Invoice,
    expectedVersion: number,
    payment: Payment,
    receipt?: PaymentReceipt,
  ): Promise<ApplyReceiptOutcome>;
  /**
   * One page of the invoices the scheduled run must look at, under ranges of scan dates (sorted, apart) in one shard:
   * one query from the first range's start to the last's end, the entries between the ranges left out; never a scan.
   */
  listForRun(
    tenantId: string,
    dates: readonly DateRange[],
    shard: number,
    cursor?: Record<string, unknown>,
  ): Promise<{ invoices: Invoice[]; cursor?: Record<string, unknown> }>;
  /** The execution of the invoice's delinquency is started: the invoice leaves the run's index. */
  markStarted(tenantId: string, invoiceId: string, delinquencyId: string): Promise<void>;
  /** Notes on the invoice the pre-due reminders its claims say are settled (a run's shortcut, not a fact of its own). */
  notePreDueDone(tenantId: string, invoiceId: string, stepIds: readonly string[]): Promise<void>;
  /** In one transaction: stores the refund (refused if its id exists) and the invoice with its lowered paid total. */
  applyRefund(
    tenantId: string,
    updated: Invoice,
    expectedVersion: number,
    refund: Refund,
  ): Promise<ApplyPaymentOutcome>;
  /** In one transaction: stores the charge (refused if its id exists) and the invoice with its new fee total. */
  addCharge(tenantId: string, updated: Invoice, expectedVersion: number, charge: Charge): Promise<ApplyPaymentOutcome>;
}
