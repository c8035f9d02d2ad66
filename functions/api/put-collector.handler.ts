// PUT /v1/collectors/{collectorId}: a manager registers or changes a collector (name, capacity, active).
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { putCollector } from '../../shared/use-cases/collectors';
import { putCollectorRoute } from './routes/put-collector.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, putCollectorRoute, async ({ grant, params, body }) => {
    const { collector, created } = await putCollector(deps, grant, params.collectorId, body);
    return { status: created ? 201 : 200, body: collector };
  });

export const handler = deployedHandler(createHandler);
