// Invoices and the payments recorded against them, as partners send them and as Arrears answers them.
import * as z from 'zod';
import { isCalendarDate } from '../domain/calendar';
import {
  CalendarDateSchema,
  CurrencySchema,
  InstantSchema,
  MinorUnitsSchema,
  PartnerIdSchema,
  PositiveMinorUnitsSchema,
  TextSchema,
} from './common.schema';

export const InvoiceStatusSchema = z.enum(['open', 'paid', 'void', 'written_off']);
export type InvoiceStatus = z.infer<typeof InvoiceStatusSchema>;

export const PutInvoiceBodySchema = z
  .strictObject({
    customerId: PartnerIdSchema,
    amount: PositiveMinorUnitsSchema,
    currency: CurrencySchema,
    issuedAt: CalendarDateSchema,
    dueDate: CalendarDateSchema,
    description: TextSchema(500).optional(),
    strategyId: PartnerIdSchema.optional(),
    status: z
      .enum(['open', 'void'])
      .optional()
      .meta({ description: 'Send "void" to cancel an invoice; it then leaves collection.' }),
  })
  // Compared only when both are real dates, so a malformed date is reported once, as malformed.
  .refine((body) => !isCalendarDate(body.dueDate) || !isCalendarDate(body.issuedAt) || body.dueDate >= body.issuedAt, {
    path: ['dueDate'],
    message: 'must not be before issuedAt',
  })
  .meta({ id: 'PutInvoiceBody' });
export type PutInvoiceBody = z.infer<typeof PutInvoiceBodySchema>;

export const PostPaymentBodySchema = z
  .strictObject({
    amount: PositiveMinorUnitsSchema,
    currency: CurrencySchema,
    paidAt: InstantSchema.optional().meta({ description: 'When the money was received; defaults to now.' }),
    reference: TextSchema(200).meta({ description: "The partner's own reference for this payment." }),
  })
  .meta({ id: 'PostPaymentBody' });
export type PostPaymentBody = z.infer<typeof PostPaymentBodySchema>;

/** `adjustment`: a credit granted when a dispute was accepted (it reduces the balance like a payment). */
export const PaymentSourceSchema = z.enum(['api', 'stripe', 'webhook', 'adjustment']);

export const PaymentSchema = z
  .object({
    id: z.string(),
    invoiceId: PartnerIdSchema,
    customerId: PartnerIdSchema,
    amount: MinorUnitsSchema,
    currency: z.string(),
    paidAt: z.string(),
    recordedAt: z.string(),
    reference: z.string(),
    source: PaymentSourceSchema,
    /** Who recorded it: "api:<keyId>", "person:<username>", "provider:stripe", "execution" (an instalment collected by the engine). */
    recordedBy: z.string().default('unknown'),
    appliedAmount: MinorUnitsSchema.meta({ description: 'The part of the payment that reduced the balance.' }),
    unappliedAmount: MinorUnitsSchema.meta({
      description: "The part beyond the balance, kept as the customer's credit.",
    }),
  })
  .meta({ id: 'Payment' });
export type Payment = z.infer<typeof PaymentSchema>;

/** Money given back against one payment: a refund, or a chargeback the customer's bank pulled. */
export const RefundSchema = z
  .object({
    id: z.string(),
    invoiceId: PartnerIdSchema,
    paymentId: z.string(),
    kind: z.enum(['refund', 'chargeback']),
    amount: MinorUnitsSchema,
    currency: z.string(),
    /** The part that had reduced the balance and now owes again. */
    reversedApplied: MinorUnitsSchema,
    /** The part that had been the customer's credit (an overpayment) and is gone. */
    reversedCredit: MinorUnitsSchema,
    reference: z.string(),
    source: PaymentSourceSchema,
    recordedAt: z.string(),
  })
  .meta({ id: 'Refund' });
export type Refund = z.infer<typeof RefundSchema>;

/** The invoice as stored: the partner's fields plus what Arrears keeps about it. */
export const InvoiceSchema = z.object({
  id: PartnerIdSchema,
  customerId: PartnerIdSchema,
  amount: MinorUnitsSchema,
  currency: z.string(),
  issuedAt: z.string(),
  dueDate: z.string(),
  description: z.string().optional(),
  strategyId: z.string().optional(),
  voided: z.boolean(),
  writtenOff: z.boolean(),
  paidTotal: MinorUnitsSchema,
  feesTotal: MinorUnitsSchema,
  delinquencyId: z.string().nullable(),
  /**
   * In collection, but its execution not started yet: the invoice stays in the run's index until it is, so a start
   * that failed (throttled past its retries, a run cut short) is made by the next turn, never lost.
   */
  awaitingStart: z.boolean().optional(),
  /**
   * The date under which the scheduled run finds the invoice: its due date, or the day before it was imported when it
   * arrived already overdue, so a late import is picked up by the next run.
   */
  scanDate: z.string(),
  /**
   * The pre-due reminders the hourly run found settled (sent, skipped, suppressed), noted from their claims: until
   * something else can fall due, the run passes the invoice by without reading its customer or claims again.
   */
  preDueDone: z.array(z.string()).optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Who wrote it last: "api:<keyId>" (audit). */
  updatedBy: z.string().optional(),
  version: z.number().int(),
});
export type Invoice = z.infer<typeof InvoiceSchema>;

export const ChargesSchema = z.object({ fees: MinorUnitsSchema, interest: MinorUnitsSchema });

export const InvoiceResponseSchema = z
  .object({
    id: PartnerIdSchema,
    customerId: PartnerIdSchema,
    amount: MinorUnitsSchema,
    currency: z.string(),
    issuedAt: z.string(),
    dueDate: z.string(),
    description: z.string().optional(),
    strategyId: z.string().optional(),
    status: InvoiceStatusSchema,
    paid: MinorUnitsSchema,
    charges: ChargesSchema,
    balance: MinorUnitsSchema.meta({ description: 'What the customer owes now: amount + charges − payments.' }),
    asOf: z.string().meta({ description: "The customer's local date that interest and balance are computed for." }),
    delinquencyId: z.string().nullable(),
    payments: z.array(PaymentSchema),
    refunds: z.array(RefundSchema),
    createdAt: z.string(),
    updatedAt: z.string(),
    /** Who wrote it last: "api:<keyId>" (audit). */
    updatedBy: z.string().optional(),
  })
  .meta({ id: 'Invoice' });
export type InvoiceResponse = z.infer<typeof InvoiceResponseSchema>;

export const PaymentResponseSchema = PaymentSchema.extend({
  invoice: z.object({ status: InvoiceStatusSchema, balance: MinorUnitsSchema }),
}).meta({ id: 'PaymentResponse' });

export const InvoicePathSchema = z.strictObject({ invoiceId: PartnerIdSchema });
