// customer.credit_hold / customer.credit_released: the partner's ERP stops (or resumes) new orders for the customer.
import * as z from 'zod';

const CreditChangeSchema = z.object({
  tenantId: z.string(),
  customerId: z.string(),
  /** Why the customer is on hold now (empty on release): "over-limit", "past-due". */
  reasons: z.array(z.enum(['over-limit', 'past-due'])),
  currency: z.string().nullable(),
  limit: z.number().int().nullable(),
  exposure: z.number().int(),
  maxDaysPastDue: z.number().int(),
  at: z.string(),
});

export const CreditHoldSchema = z.object({ detailType: z.literal('customer.credit_hold'), detail: CreditChangeSchema });
export const CreditReleasedSchema = z.object({
  detailType: z.literal('customer.credit_released'),
  detail: CreditChangeSchema,
});
