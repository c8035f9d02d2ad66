// POST /v1/api-keys (PostApiKey): its line of the route table, on its own so its handler bundles only this route's schemas.
import { IssuedApiKeySchema, PostApiKeyBodySchema } from '../../../shared/schemas/api-key.schema';
import type { ApiRoute } from './api-route';

export const postApiKeyRoute = {
  id: 'PostApiKey',
  method: 'POST',
  path: '/v1/api-keys',
  handler: 'post-api-key.handler.ts',
  summary:
    'A manager issues another API key for the tenant (rotation: issue, move over, revoke the old one); the key is shown once',
  body: PostApiKeyBodySchema,
  responses: [
    { status: 201, description: 'The new key, shown this once', schema: IssuedApiKeySchema },
    { status: 403, description: "Needs a manager's key" },
  ],
  roles: ['manager'],
  // Not idempotent on purpose: a replay record would keep the key itself for a day. A retried request issues another
  // key, which the manager revokes like any other.
  // The key's hash and its listing are written together.
  dynamodb: { actions: ['Query', 'PutItem'], indexes: [] },
} as const satisfies ApiRoute;
