// A dispute: the customer (or their bank, as a chargeback) says the debt is wrong; escalation pauses until it is decided.
import { z } from 'zod';

export const DisputeSchema = z
  .object({
    id: z.string(),
    delinquencyId: z.string(),
    invoiceId: z.string(),
    customerId: z.string(),
    status: z.enum(['open', 'accepted', 'rejected']),
    reason: z.string(),
    /** Where it came from: the API (a collector or the customer's own page) or a provider chargeback. */
    source: z.enum(['api', 'stripe', 'webhook']),
    providerDisputeId: z.string().nullable(),
    /** For a chargeback: what the bank pulled back, in minor units. */
    amount: z.number().int().nullable(),
    openedAt: z.string(),
    openedBy: z.string(),
    resolvedAt: z.string().nullable(),
    resolvedBy: z.string().nullable(),
  })
  .meta({ id: 'Dispute' });
export type Dispute = z.infer<typeof DisputeSchema>;
