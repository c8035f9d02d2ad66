// GET /v1/strategies/{strategyId}: one escalation ladder.
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { getStrategy } from '../../shared/use-cases/strategies';
import { getStrategyRoute } from './routes/get-strategy.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, getStrategyRoute, async ({ grant, params }) => ({
    status: 200,
    body: await getStrategy(deps, grant.tenantId, params.strategyId),
  }));

export const handler = deployedHandler(createHandler);
