// GET /v1/strategies: the tenant's escalation ladders, default first.
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { listStrategies } from '../../shared/use-cases/strategies';
import { listStrategiesRoute } from './routes/list-strategies.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, listStrategiesRoute, async ({ grant }) => ({
    status: 200,
    body: { strategies: await listStrategies(deps, grant.tenantId) },
  }));

export const handler = deployedHandler(createHandler);
