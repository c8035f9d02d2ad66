// A dispute: the customer (or their bank, as a chargeback) says the debt is wrong; escalation pauses until it is decided.
import * as z from 'zod';
import { PositiveMinorUnitsSchema, TextSchema } from './common.schema';

export const DisputeCategorySchema = z.enum(['not-received', 'wrong-amount', 'already-paid', 'quality', 'other']);
export type DisputeCategory = z.infer<typeof DisputeCategorySchema>;

export const DisputeSchema = z
  .object({
    id: z.string(),
    delinquencyId: z.string(),
    invoiceId: z.string(),
    customerId: z.string(),
    status: z.enum(['open', 'accepted', 'rejected']),
    reason: z.string(),
    /** What kind of wrong the customer named in their portal; absent for collectors' and providers' disputes. */
    category: DisputeCategorySchema.optional(),
    /** Where it came from: the API (a collector or the customer's own page) or a provider chargeback. */
    source: z.enum(['api', 'stripe', 'webhook']),
    providerDisputeId: z.string().nullable(),
    /** For a chargeback: what the bank pulled back, in minor units. */
    amount: z.number().int().nullable(),
    openedAt: z.string(),
    openedBy: z.string(),
    /** The person behind the key that opened it (four eyes compares people); null for a customer or a provider. */
    openedByPerson: z.string().nullable().default(null),
    resolvedAt: z.string().nullable(),
    resolvedBy: z.string().nullable(),
    /** The person behind the key that decided it. */
    resolvedByPerson: z.string().nullable().default(null),
    /** For an accepted dispute: the credit that reduced the balance (0 when none). */
    adjustment: z.number().int().nullable().default(null),
    note: z.string().nullable().default(null),
  })
  .meta({ id: 'Dispute' });
export type Dispute = z.infer<typeof DisputeSchema>;

export const PostDisputeBodySchema = z.strictObject({ reason: TextSchema(500) }).meta({ id: 'PostDisputeBody' });

export const ResolveDisputeBodySchema = z
  .strictObject({
    outcome: z.enum(['accepted', 'rejected']),
    adjustment: PositiveMinorUnitsSchema.optional().meta({
      description: 'Accepted only: a credit that reduces the balance, possibly to zero.',
    }),
    note: TextSchema(500).optional(),
  })
  .refine((body) => body.outcome === 'accepted' || body.adjustment === undefined, {
    path: ['adjustment'],
    message: 'only an accepted dispute carries an adjustment',
  })
  .meta({ id: 'ResolveDisputeBody' });
export type ResolveDisputeBody = z.infer<typeof ResolveDisputeBodySchema>;

export const DisputePathSchema = z.strictObject({
  disputeId: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'a dispute id'),
});

export const DisputeListQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().min(1).max(2048).optional(),
});

export const DisputePageSchema = z
  .object({ items: z.array(DisputeSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'DisputePage' });
