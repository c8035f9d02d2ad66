// GET /v1/tenant/history?limit=&cursor=: the tenant's settings changes, newest first, for a manager.
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { tenantHistory } from '../../shared/use-cases/tenant-settings';
import { getTenantHistoryRoute } from './routes/get-tenant-history.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, getTenantHistoryRoute, async ({ grant, query }) => ({
    status: 200,
    body: await tenantHistory(deps, grant.tenantId, query.limit, query.cursor),
  }));

export const handler = deployedHandler(createHandler);
