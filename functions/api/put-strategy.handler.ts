// PUT /v1/strategies/{strategyId}: create or replace an escalation ladder.
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { putStrategy } from '../../shared/use-cases/strategies';
import { putStrategyRoute } from './routes/put-strategy.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, putStrategyRoute, async ({ grant, params, body }) => {
    const { strategy, created } = await putStrategy(deps, grant.tenantId, params.strategyId, body);
    return { status: created ? 201 : 200, body: strategy };
  });

export const handler = deployedHandler(createHandler);
