// What an invoice write stores on the invoice for the report counters: the fact (what moved), when it counts, and the
// version it was written at, so the stream consumer can count the write after it instead of inside its transaction.
import * as z from 'zod';

const counted = {
  tenantId: z.string().min(1),
  /** The instant the fact counts at: its tenant-local date is the day of the counter cells it moves. */
  at: z.string().min(1),
  /** The invoice version this fact was written with; a later write that does not set a fact keeps an older one. */
  version: z.number().int(),
};

export const ReportFactSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('replace'), ...counted }),
  z.object({ kind: z.literal('payment'), applied: z.number().int(), adjustment: z.boolean(), ...counted }),
  z.object({ kind: z.literal('refund'), reversedApplied: z.number().int(), ...counted }),
  z.object({ kind: z.literal('charge'), amount: z.number().int(), ...counted }),
]);

export type ReportFact = z.infer<typeof ReportFactSchema>;
