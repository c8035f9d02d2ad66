// What the dispute credit ledger keeps per customer: each case's total for ever, and the last 30 days' credits one by one.
import * as z from 'zod';

export const AcceptedCreditSchema = z.object({
  disputeId: z.string(),
  delinquencyId: z.string(),
  /** Minor units of `currency`: totals only ever add credits of one currency. */
  amount: z.number().int().min(0),
  currency: z.string(),
  at: z.string(),
});
export type AcceptedCredit = z.infer<typeof AcceptedCreditSchema>;

export const DisputeCreditsSchema = z.object({
  customerId: z.string(),
  /** Credits accepted on each of the customer's delinquencies, added up since it opened. */
  byDelinquency: z.record(z.string(), z.number().int().min(0)),
  /** Credits accepted in the customer's recent window (older ones are dropped when the ledger is next written). */
  recent: z.array(AcceptedCreditSchema),
  version: z.number().int().min(0),
});
export type DisputeCredits = z.infer<typeof DisputeCreditsSchema>;
