// GET /v1/delinquencies: the work queue, highest expected recovery first, filtered by status, assignee, band, currency.
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { workQueue } from '../../shared/use-cases/work-queue';
import { listDelinquenciesRoute } from './routes/list-delinquencies.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, listDelinquenciesRoute, async ({ grant, query }) => ({
    status: 200,
    body: await workQueue(deps, grant.tenantId, query, grant.person),
  }));

export const handler = deployedHandler(createHandler);
