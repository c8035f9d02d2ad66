// GET /v1/disputes: the tenant's disputes, newest first, a page at a time.
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { listDisputesRoute } from './routes/list-disputes.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, listDisputesRoute, async ({ grant, query }) => ({
    status: 200,
    body: await deps.delinquencies.listDisputes(grant.tenantId, query.limit, query.cursor),
  }));

export const handler = deployedHandler(createHandler);
