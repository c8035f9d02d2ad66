// GET /v1/strategies (ListStrategies): its line of the route table, on its own so its handler bundles only this route's schemas.
import { StrategyListSchema } from '../../../shared/schemas/strategy.schema';
import type { ApiRoute } from './api-route';

export const listStrategiesRoute = {
  id: 'ListStrategies',
  method: 'GET',
  path: '/v1/strategies',
  handler: 'list-strategies.handler.ts',
  summary: "The tenant's escalation strategies, default first",
  responses: [{ status: 200, description: 'The strategies', schema: StrategyListSchema }],
  roles: ['collector', 'manager'],
  // The default ladder is stored on first use.
  dynamodb: { actions: ['Query', 'PutItem'], indexes: [] },
} as const satisfies ApiRoute;
