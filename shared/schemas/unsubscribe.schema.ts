// The public unsubscribe link: its token and what it answers.
import * as z from 'zod';

export const PayTokenPathSchema = z.strictObject({
  token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'is not a pay-link token'),
});

export const UnsubscribePathSchema = z.strictObject({
  token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'is not an unsubscribe token'),
});

export const UnsubscribedSchema = z
  .object({
    channel: z.string(),
    unsubscribed: z.literal(true),
    /** The one confirmation email went out with this request (false on every later click). */
    confirmationSent: z.boolean(),
  })
  .meta({ id: 'Unsubscribed' });
