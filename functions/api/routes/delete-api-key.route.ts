// DELETE /v1/api-keys/{keyId} (DeleteApiKey): its line of the route table, on its own so its handler bundles only this route's schemas.
import { ApiKeyPathSchema, ApiKeyRecordSchema } from '../../../shared/schemas/api-key.schema';
import { IDEMPOTENT_WRITE, type ApiRoute } from './api-route';

export const deleteApiKeyRoute = {
  id: 'DeleteApiKey',
  method: 'DELETE',
  path: '/v1/api-keys/{keyId}',
  handler: 'delete-api-key.handler.ts',
  summary: 'A manager revokes an API key: it stops working on the next request (a key cannot revoke itself)',
  params: ApiKeyPathSchema,
  responses: [
    { status: 200, description: 'Revoked (also when it already was)', schema: ApiKeyRecordSchema },
    { status: 409, description: 'A key cannot revoke itself' },
  ],
  idempotent: true,
  roles: ['manager'],
  dynamodb: { actions: [...IDEMPOTENT_WRITE, 'GetItem', 'UpdateItem'], indexes: [] },
} as const satisfies ApiRoute;
