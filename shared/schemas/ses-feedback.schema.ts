// The SES event-publishing notification (configuration set -> SNS) for the outcomes that must stop email to an address.
import * as z from 'zod';

const Recipients = z.array(z.object({ emailAddress: z.string() }));

export const SesFeedbackSchema = z.object({
  eventType: z.string(),
  mail: z.object({
    messageId: z.string(),
    /** Tags Arrears set when sending: tenant, customer, step (and delinquency). */
    tags: z.record(z.string(), z.array(z.string())).default({}),
  }),
  bounce: z.object({ bounceType: z.string(), bouncedRecipients: Recipients }).optional(),
  complaint: z.object({ complainedRecipients: Recipients }).optional(),
});
export type SesFeedback = z.infer<typeof SesFeedbackSchema>;
