// GET /v1/scoring/history (GetScoringHistory): its line of the route table, on its own so its handler bundles only this route's schemas.
import { ScoringHistoryPageSchema, ScoringHistoryQuerySchema } from '../../../shared/schemas/scoring-history.schema';
import type { ApiRoute } from './api-route';

export const getScoringHistoryRoute = {
  id: 'GetScoringHistory',
  method: 'GET',
  path: '/v1/scoring/history',
  handler: 'get-scoring-history.handler.ts',
  summary:
    'Closed delinquencies of a month with the score inputs they opened with and whether they ended paid: what a scorecard is fitted on',
  query: ScoringHistoryQuerySchema,
  responses: [{ status: 200, description: 'A page of the history', schema: ScoringHistoryPageSchema }],
  roles: ['manager'],
  dynamodb: { actions: ['Query', 'GetItem'], indexes: ['gsi3'] },
} as const satisfies ApiRoute;
