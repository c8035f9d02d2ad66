// PUT /v1/scoring/model (PutScoreModel): its line of the route table, on its own so its handler bundles only this route's schemas.
import { ScoreModelSchema } from '../../../shared/schemas/score.schema';
import { IDEMPOTENT_WRITE, type ApiRoute } from './api-route';

export const putScoreModelRoute = {
  id: 'PutScoreModel',
  method: 'PUT',
  path: '/v1/scoring/model',
  handler: 'put-score-model.handler.ts',
  summary: "A manager installs a scorecard fitted on the tenant's own history (npm run score:fit)",
  body: ScoreModelSchema,
  responses: [{ status: 200, description: 'The scorecard now in use', schema: ScoreModelSchema }],
  idempotent: true,
  roles: ['manager'],
  dynamodb: { actions: [...IDEMPOTENT_WRITE, 'UpdateItem'], indexes: [] },
} as const satisfies ApiRoute;
