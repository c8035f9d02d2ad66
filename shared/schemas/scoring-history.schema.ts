// What the scorecard is fitted on: closed delinquencies with the score inputs they opened with and how they ended.
import * as z from 'zod';
import { ScoreInputsSchema } from './score.schema';

export const ScoringHistoryQuerySchema = z.strictObject({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month, YYYY-MM')
    .meta({ description: 'The month the delinquencies closed in.' }),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().min(1).max(2048).optional(),
});

export const ScoringCaseSchema = z
  .object({
    delinquencyId: z.string(),
    customerId: z.string(),
    closedAt: z.string(),
    status: z.string(),
    /** Ended paid (resolved) rather than handed off or written off. */
    paid: z.boolean(),
    inputs: ScoreInputsSchema,
  })
  .meta({ id: 'ScoringCase' });

export const ScoringHistoryPageSchema = z
  .object({ items: z.array(ScoringCaseSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'ScoringHistoryPage' });
