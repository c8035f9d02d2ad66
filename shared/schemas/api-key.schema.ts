// API keys as managers rotate them: the request for a new key, the key's public record, and the key itself shown once.
import * as z from 'zod';
import { TextSchema } from './common.schema';
import { ApiKeyRoleSchema } from './tenant.schema';

/**
 * A person's id: who a key is issued to and who acted. Keys name them now; a person's id token (Cognito) names them the
 * same way later.
 */
export const PersonIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9._@+:-]{1,128}$/, 'a person id: 1-128 letters, digits or . _ @ + : -')
  .meta({ description: 'Who the key is issued to: a person, e.g. an email address or a user id.' });

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
    issuedTo: z.string().meta({
      description:
        'The person the key acts for (a key issued with a key names the same person as the key that issued it). Four eyes compares people, not keys.',
    }),
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
