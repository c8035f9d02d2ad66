// charge.applied: a fee or a statutory fixed sum was added to an invoice, with the rule that produced it.
import * as z from 'zod';
import { DelinquencyRefSchema } from './delinquency-ref';

export const ChargeAppliedSchema = z.object({
  detailType: z.literal('charge.applied'),
  detail: DelinquencyRefSchema.extend({
    chargeId: z.string(),
    kind: z.enum(['fee', 'compensation']),
    amount: z.number().int(),
    currency: z.string(),
    rule: z.string(),
    chargedAt: z.string(),
  }),
});
