// The ids every delinquency event carries, so a subscriber can find the case without reading anything else.
import * as z from 'zod';

export const DelinquencyRefSchema = z.object({
  tenantId: z.string(),
  delinquencyId: z.string(),
  invoiceId: z.string(),
  customerId: z.string(),
});
