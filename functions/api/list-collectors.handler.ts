// GET /v1/collectors: the tenant's collectors with their capacity, open load and monthly results.
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { routeById } from './routes';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, routeById('ListCollectors'), async ({ grant }) => ({ status: 200, body: { items: await deps.collectors.list(grant.tenantId) } }));

export const handler = deployedHandler(createHandler);
