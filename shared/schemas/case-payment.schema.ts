// The answer to a payment recorded against a customer's case: how it was split over the invoices, and any credit.
import * as z from 'zod';

export const CasePaymentSchema = z
  .object({
    customerId: z.string(),
    amount: z.number().int(),
    currency: z.string(),
    reference: z.string(),
    allocations: z.array(
      z.object({ invoiceId: z.string(), paymentId: z.string(), amount: z.number().int(), balance: z.number().int() }),
    ),
    credit: z.number().int(),
  })
  .meta({ id: 'CasePayment' });
