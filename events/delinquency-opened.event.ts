// delinquency.opened: an invoice fell overdue in the customer's zone and its collection lifecycle began.
import { z } from 'zod';

export const DelinquencyOpenedSchema = z.object({
  detailType: z.literal('delinquency.opened'),
  detail: z.object({
    tenantId: z.string(),
    delinquencyId: z.string(),
    invoiceId: z.string(),
    customerId: z.string(),
    strategyId: z.string(),
    balance: z.number().int(),
    currency: z.string(),
    openedAt: z.string(),
  }),
});
