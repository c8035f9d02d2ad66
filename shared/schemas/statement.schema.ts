// A customer's statement: open items with their charges, recent payments, credit and what is due, per currency.
import * as z from 'zod';

export const StatementItemSchema = z.object({
  invoiceId: z.string(),
  /** The invoice's own description, when the partner sent one. */
  description: z.string().optional(),
  issuedAt: z.string(),
  dueDate: z.string(),
  daysPastDue: z.number().int(),
  amount: z.number().int(),
  fees: z.number().int(),
  interest: z.number().int(),
  paid: z.number().int(),
  balance: z.number().int(),
});

export const StatementSchema = z
  .object({
    customerId: z.string(),
    name: z.string(),
    /** The customer's local date the statement is computed for. */
    asOf: z.string(),
    currencies: z.record(
      z.string(),
      z.object({
        items: z.array(StatementItemSchema),
        payments: z.array(
          z.object({ invoiceId: z.string(), paidAt: z.string(), amount: z.number().int(), reference: z.string() }),
        ),
        /** Money paid beyond what was owed (overpayments), less what was refunded of it. */
        credit: z.number().int(),
        /** Open balances less credit, never below zero. */
        totalDue: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'Statement' });
export type Statement = z.infer<typeof StatementSchema>;

export const StatementQuerySchema = z.strictObject({ format: z.enum(['json', 'html']).default('json') });
