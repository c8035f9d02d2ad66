// DELETE /v1/api-keys/{keyId}: a manager revokes a key; it stops working on the next request.
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { revokeApiKey } from '../../shared/use-cases/api-keys';
import { deleteApiKeyRoute } from './routes/delete-api-key.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, deleteApiKeyRoute, async ({ grant, params }) => ({
    status: 200,
    body: await revokeApiKey(deps, grant, params.keyId),
  }));

export const handler = deployedHandler(createHandler);
