// GET /v1/api-keys (ListApiKeys): its line of the route table, on its own so its handler bundles only this route's schemas.
import { ApiKeyListSchema } from '../../../shared/schemas/api-key.schema';
import { AUTHENTICATED_READ, type ApiRoute } from './api-route';

export const listApiKeysRoute = {
  id: 'ListApiKeys',
  method: 'GET',
  path: '/v1/api-keys',
  handler: 'list-api-keys.handler.ts',
  summary: "The tenant's API keys: ids, roles, who issued and revoked them (never the keys)",
  responses: [{ status: 200, description: 'The keys', schema: ApiKeyListSchema }],
  roles: ['manager'],
  dynamodb: { actions: AUTHENTICATED_READ, indexes: [] },
} as const satisfies ApiRoute;
