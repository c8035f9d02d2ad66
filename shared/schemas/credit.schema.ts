// Credit control as stored and answered: the partner's unbilled amount, the hold state, and the customer's position.
import * as z from 'zod';
import { CurrencySchema, MinorUnitsSchema } from './common.schema';

const HoldReasonSchema = z.enum(['over-limit', 'past-due']);

/** What Arrears keeps per customer: the last unbilled report and whether the customer is on hold. */
export const CreditStateSchema = z.object({
  customerId: z.string(),
  unbilled: z.object({ amount: z.number().int(), currency: z.string(), reportedAt: z.string() }).nullable(),
  onHold: z.boolean(),
  reasons: z.array(HoldReasonSchema),
  /** When the current hold began (or the last release happened). */
  since: z.string().nullable(),
  version: z.number().int(),
});
export type CreditState = z.infer<typeof CreditStateSchema>;

export const PutUnbilledBodySchema = z
  .strictObject({
    amount: MinorUnitsSchema.min(0, 'must not be negative').meta({
      description: 'Delivered or ordered but not yet invoiced, in minor units; replaces the last report.',
    }),
    currency: CurrencySchema,
  })
  .meta({ id: 'PutUnbilledBody' });
export type PutUnbilledBody = z.infer<typeof PutUnbilledBodySchema>;

export const CreditViewSchema = z
  .object({
    customerId: z.string(),
    currency: z
      .string()
      .nullable()
      .meta({ description: "The limit's currency: only amounts in it count towards the limit." }),
    limit: z.number().int().nullable(),
    openBalance: z.number().int(),
    unbilled: z.number().int(),
    exposure: z.number().int().meta({ description: 'Open balance plus unbilled.' }),
    available: z
      .number()
      .int()
      .nullable()
      .meta({ description: 'Limit minus exposure, never below zero; null without a limit.' }),
    pastDueBalance: z.number().int(),
    maxDaysPastDue: z.number().int(),
    hold: z.object({ onHold: z.boolean(), reasons: z.array(HoldReasonSchema), since: z.string().nullable() }),
  })
  .meta({ id: 'Credit' });
export type CreditView = z.infer<typeof CreditViewSchema>;
