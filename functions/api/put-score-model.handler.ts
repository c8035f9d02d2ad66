// PUT /v1/scoring/model: a manager installs weights fitted on the tenant's own history (npm run score:fit).
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { putScoreModel } from '../../shared/use-cases/score-model';
import { putScoreModelRoute } from './routes/put-score-model.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, putScoreModelRoute, async ({ grant, body }) => ({
    status: 200,
    body: await putScoreModel(deps, grant, body),
  }));

export const handler = deployedHandler(createHandler);
