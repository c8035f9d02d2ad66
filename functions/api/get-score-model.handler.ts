// GET /v1/scoring/model: the scorecard in use (the tenant's fitted one, or the documented default).
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { getScoreModel } from '../../shared/use-cases/score-model';
import { getScoreModelRoute } from './routes/get-score-model.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, getScoreModelRoute, async ({ grant }) => ({
    status: 200,
    body: await getScoreModel(deps, grant.tenantId),
  }));

export const handler = deployedHandler(createHandler);
