// delinquency.opened: an invoice fell overdue in the customer's zone and its collection lifecycle began.
import * as z from 'zod';
import { DelinquencyRefSchema } from './delinquency-ref';

export const DelinquencyOpenedSchema = z.object({
  detailType: z.literal('delinquency.opened'),
  detail: DelinquencyRefSchema.extend({
    strategyId: z.string(),
    balance: z.number().int(),
    currency: z.string(),
    openedAt: z.string(),
  }),
});
