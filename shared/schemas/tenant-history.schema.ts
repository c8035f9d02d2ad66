// The history of a tenant's settings: who changed which fields when, with their values before and after.
import * as z from 'zod';

export const TenantFieldChangeSchema = z
  .object({
    /** The field as a dotted path (`bank.iban`, `quietHours.end`); an array is one field. */
    path: z.string(),
    /** null when the field was absent. */
    before: z.unknown(),
    /** null when the change removed it. */
    after: z.unknown(),
  })
  .meta({ id: 'TenantFieldChange' });

export const TenantChangeSchema = z
  .object({
    /** The version the change made. */
    version: z.number().int().min(2),
    at: z.string(),
    /** The actor: the person the key is issued to. */
    by: z.string(),
    changes: z.array(TenantFieldChangeSchema),
  })
  .meta({ id: 'TenantChange' });
export type TenantChange = z.infer<typeof TenantChangeSchema>;

export const TenantHistoryQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(2048).optional(),
});

export const TenantHistoryPageSchema = z
  .object({ items: z.array(TenantChangeSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'TenantHistoryPage' });
