// GET /v1/api-keys: a manager sees the tenant's keys (ids, roles, who issued and revoked them; never the keys).
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { listApiKeys } from '../../shared/use-cases/api-keys';
import { listApiKeysRoute } from './routes/list-api-keys.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, listApiKeysRoute, async ({ grant }) => ({
    status: 200,
    body: { items: await listApiKeys(deps, grant) },
  }));

export const handler = deployedHandler(createHandler);
