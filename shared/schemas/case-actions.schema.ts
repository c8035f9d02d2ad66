// What a person does to a case by hand: hold it (until a date or until released), release it, write it off or hand it
// to an agency with a reason; and what those routes answer.
import * as z from 'zod';
import { CalendarDateSchema } from './common.schema';
import { DelinquencyStatusSchema } from './delinquency.schema';

const ReasonSchema = z
  .string()
  .trim()
  .min(1, 'must say why, in a few words')
  .max(500, 'must be at most 500 characters')
  .meta({ description: 'Why, in words a colleague can read later (on the timeline).' });

export const HoldBodySchema = z
  .strictObject({
    reason: ReasonSchema,
    until: CalendarDateSchema.optional().meta({
      description:
        "The customer's calendar date the hold ends on by itself (at the tenant's send time); held until released when left out.",
    }),
  })
  .meta({ id: 'HoldBody' });
export type HoldBody = z.infer<typeof HoldBodySchema>;

export const ReleaseBodySchema = z
  .strictObject({
    note: z.string().trim().min(1, 'must not be blank').max(500, 'must be at most 500 characters').optional(),
  })
  .meta({ id: 'ReleaseBody' });
export type ReleaseBody = z.infer<typeof ReleaseBodySchema>;

export const WriteOffBodySchema = z.strictObject({ reason: ReasonSchema }).meta({ id: 'WriteOffBody' });
export type WriteOffBody = z.infer<typeof WriteOffBodySchema>;

export const HandOffBodySchema = z
  .strictObject({
    reason: ReasonSchema,
    agency: z
      .string()
      .trim()
      .min(1, 'must not be blank')
      .max(200, 'must be at most 200 characters')
      .optional()
      .meta({ description: 'The collection agency the case goes to.' }),
  })
  .meta({ id: 'HandOffBody' });
export type HandOffBody = z.infer<typeof HandOffBodySchema>;

export const CaseHoldSchema = z.object({
  reason: z.string(),
  /** Who put it on: `person:<username>` or `api:<keyId>`. */
  by: z.string(),
  at: z.string(),
  /** When it ends by itself; null while it lasts until released. */
  releaseAt: z.string().nullable(),
});

export const CaseStateSchema = z
  .object({
    id: z.string(),
    status: DelinquencyStatusSchema,
    hold: CaseHoldSchema.nullable(),
    closedAt: z.string().nullable(),
  })
  .meta({ id: 'CaseState' });
export type CaseState = z.infer<typeof CaseStateSchema>;
