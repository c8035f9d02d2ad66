// GET /v1/collectors: the tenant's collectors with their capacity, open load and monthly results.
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { listCollectorsRoute } from './routes/list-collectors.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, listCollectorsRoute, async ({ grant }) => ({
    status: 200,
    body: { items: await deps.collectors.list(grant.tenantId) },
  }));

export const handler = deployedHandler(createHandler);
