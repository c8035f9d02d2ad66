// charge.applied: a fee or a statutory fixed sum was added to an invoice, with the rule that produced it.
import { z } from 'zod';

export const ChargeAppliedSchema = z.object({
  detailType: z.literal('charge.applied'),
  detail: z.object({
    tenantId: z.string(),
    delinquencyId: z.string(),
    invoiceId: z.string(),
    customerId: z.string(),
    chargeId: z.string(),
    kind: z.enum(['fee', 'compensation']),
    amount: z.number().int(),
    currency: z.string(),
    rule: z.string(),
    chargedAt: z.string(),
  }),
});
