// API keys as managers rotate them: the request for a new key, the key's public record, and the key itself shown once.
import * as z from 'zod';
import { TextSchema } from './common.schema';
import { ApiKeyRoleSchema } from './tenant.schema';

export const PostApiKeyBodySchema = z
  .strictObject({
    role: ApiKeyRoleSchema.meta({ description: 'What the key may do: partner (systems), collector, manager.' }),
    name: TextSchema(100).optional().meta({ description: 'What the key is for, e.g. "ERP sync, 2027".' }),
  })
  .meta({ id: 'PostApiKeyBody' });
export type PostApiKeyBody = z.infer<typeof PostApiKeyBodySchema>;

export const ApiKeyPathSchema = z.strictObject({ keyId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'an API key id') });

/** What Arrears keeps about a key: never the key, only its id, role and history. */
export const ApiKeyRecordSchema = z
  .object({
    keyId: z.string(),
    role: ApiKeyRoleSchema,
    name: z.string().optional(),
    createdAt: z.string(),
    createdBy: z.string(),
    revokedAt: z.string().nullable(),
    revokedBy: z.string().nullable(),
  })
  .meta({ id: 'ApiKey' });
export type ApiKeyRecord = z.infer<typeof ApiKeyRecordSchema>;

export const IssuedApiKeySchema = ApiKeyRecordSchema.extend({
  apiKey: z.string().meta({ description: 'The key itself: shown in this answer only, never stored or shown again.' }),
}).meta({ id: 'IssuedApiKey' });

export const ApiKeyListSchema = z.object({ items: z.array(ApiKeyRecordSchema) }).meta({ id: 'ApiKeyList' });
