// GET /v1/strategies/{strategyId} (GetStrategy): its line of the route table, on its own so its handler bundles only this route's schemas.
import { StrategyPathSchema, StrategySchema } from '../../../shared/schemas/strategy.schema';
import type { ApiRoute } from './api-route';

export const getStrategyRoute = {
  id: 'GetStrategy',
  method: 'GET',
  path: '/v1/strategies/{strategyId}',
  handler: 'get-strategy.handler.ts',
  summary: 'One escalation strategy',
  params: StrategyPathSchema,
  responses: [{ status: 200, description: 'The strategy', schema: StrategySchema }],
  roles: ['collector', 'manager'],
  dynamodb: { actions: ['Query', 'PutItem'], indexes: [] },
} as const satisfies ApiRoute;
