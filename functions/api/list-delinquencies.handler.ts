// GET /v1/delinquencies: the work queue, highest expected recovery first, filtered by status, assignee, band, currency.
import { DynamoQueueDetails } from '../../shared/adapters/dynamodb/queue-details.dynamodb';
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { workQueue } from '../../shared/use-cases/work-queue';
import { listDelinquenciesRoute } from './routes/list-delinquencies.route';

export const createHandler = (deps: ApiDependencies) => {
  // Only this route reads names and due dates beside its page: built here, it stays out of the other bundles.
  const queueDetails = new DynamoQueueDetails(deps.table.client, deps.table.name);
  return apiHandler(deps, listDelinquenciesRoute, async ({ grant, query }) => ({
    status: 200,
    body: await workQueue({ ...deps, queueDetails }, grant.tenantId, query, grant.person),
  }));
};

export const handler = deployedHandler(createHandler);
