// A collector's contact with a debtor (a call, email, SMS or letter with its outcome) and the window for the next one.
import * as z from 'zod';
import { CalendarDateSchema, InstantSchema } from './common.schema';

export const ContactChannelSchema = z.enum(['call', 'email', 'sms', 'letter']);
export type ContactMedium = z.infer<typeof ContactChannelSchema>;
export const ContactDirectionSchema = z.enum(['outbound', 'inbound']);
/** `busy` and `not_connected` never reached the person: such call attempts do not count towards the call limit. */
export const ContactOutcomeSchema = z.enum(['conversation', 'no_answer', 'voicemail', 'busy', 'not_connected']);

export const PostContactBodySchema = z
  .strictObject({
    channel: ContactChannelSchema,
    direction: ContactDirectionSchema,
    outcome: ContactOutcomeSchema,
    at: InstantSchema.optional().meta({
      description: 'When the contact happened; now when left out. At most a minute ahead of now.',
    }),
    note: z
      .string()
      .trim()
      .min(1, 'must not be blank')
      .max(2000, 'must be at most 2000 characters')
      .optional()
      .meta({ description: 'What was said or agreed, in the words of the person who logged it (on the timeline).' }),
    followUpOn: CalendarDateSchema.optional().meta({
      description:
        "A date in the customer's calendar to come back to the case: a follow-up task for the person who logged it.",
    }),
  })
  .meta({ id: 'PostContactBody' });
export type PostContactBody = z.infer<typeof PostContactBodySchema>;

export const ContactSchema = z
  .object({
    id: z.string(),
    customerId: z.string(),
    /**
     * The debts the contact counts against: the one it was logged on, or for a contact logged on the customer, every
     * open debt for a conversation and the oldest open one for any other outcome.
     */
    delinquencyIds: z.array(z.string()),
    channel: ContactChannelSchema,
    direction: ContactDirectionSchema,
    outcome: ContactOutcomeSchema,
    at: z.string(),
    createdAt: z.string(),
    /** Who logged it: "api:<keyId>" or "person:<username>". */
    createdBy: z.string(),
    note: z.string().optional(),
    /** The follow-up task it set, when a `followUpOn` date was given. */
    followUpTaskId: z.string().optional(),
  })
  .meta({ id: 'Contact' });
export type Contact = z.infer<typeof ContactSchema>;

export const ContactListQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().min(1).max(2048).optional(),
});

export const ContactPageSchema = z
  .object({ items: z.array(ContactSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'ContactPage' });

export const ContactWindowQuerySchema = z.strictObject({ channel: ContactChannelSchema });

/** Why a contact cannot happen now: a Regulation F call rule, the hours, an opt-out, or no address to use. */
export const ContactRuleSchema = z.enum([
  'call-frequency-7-in-7',
  'call-after-conversation',
  'quiet-hours',
  'opt-out',
  'no-address',
]);
export type ContactRule = z.infer<typeof ContactRuleSchema>;

export const ContactWindowSchema = z
  .object({
    channel: ContactChannelSchema,
    /** The earliest moment from now the rules allow; null when they never will (an opt-out, no address). */
    nextAllowedAt: z.string().nullable(),
    /** The rule that forbids the contact now; absent when it is allowed now. */
    rule: ContactRuleSchema.optional(),
  })
  .meta({ id: 'ContactWindow' });
export type ContactWindow = z.infer<typeof ContactWindowSchema>;
