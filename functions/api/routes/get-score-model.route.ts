// GET /v1/scoring/model (GetScoreModel): its line of the route table, on its own so its handler bundles only this route's schemas.
import { ScoreModelSchema } from '../../../shared/schemas/score.schema';
import type { ApiRoute } from './api-route';

export const getScoreModelRoute = {
  id: 'GetScoreModel',
  method: 'GET',
  path: '/v1/scoring/model',
  handler: 'get-score-model.handler.ts',
  summary: "The propensity-to-pay scorecard in use: the tenant's fitted weights, or the documented default",
  responses: [{ status: 200, description: 'The scorecard', schema: ScoreModelSchema }],
  roles: ['manager'],
  dynamodb: { actions: ['Query', 'GetItem'], indexes: [] },
} as const satisfies ApiRoute;
