// What GET /v1/customers/{id}/delinquencies answers: the customer's case, one line per debt, open and closed.
import * as z from 'zod';
import { DelinquencyStatusSchema } from './delinquency.schema';

export const CustomerCaseItemSchema = z
  .object({
    id: z.string(),
    invoiceId: z.string(),
    status: DelinquencyStatusSchema,
    currency: z.string(),
    stage: z.string().nullable(),
    /** What was owed when it was last scored, in minor units (the invoice answers today's balance). */
    balance: z.number().int(),
    band: z.string().nullable(),
    assigneeId: z.string().nullable(),
    openedAt: z.string(),
    closedAt: z.string().nullable(),
  })
  .meta({ id: 'CustomerCaseItem' });

export const CustomerCasesSchema = z.object({ items: z.array(CustomerCaseItemSchema) }).meta({ id: 'CustomerCases' });
export type CustomerCases = z.infer<typeof CustomerCasesSchema>;
