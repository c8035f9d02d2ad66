// What the customer's portal takes in its address: a token (checked by the portal itself, so a bad one gets a page in
// the customer's language rather than a JSON problem) and a few lenient query fields.
import * as z from 'zod';

export const PortalPathSchema = z.strictObject({ token: z.string().min(1).max(800) });

/** A query value the page can do without: anything malformed is dropped, never refused. */
const optionalText = (max: number) => z.string().max(max).optional().catch(undefined);

export const PortalQuerySchema = z.object({
  /** The page's language (one of the six; anything else is ignored). */
  lang: optionalText(35),
  /** The thank-you to show after a form: promise, plan, dispute, preferences, cancelled. */
  done: optionalText(20),
});

export const PortalPlanQuerySchema = PortalQuerySchema.extend({ installments: optionalText(3) });

export const PortalReceiptQuerySchema = PortalQuerySchema.extend({ session: optionalText(255) });
