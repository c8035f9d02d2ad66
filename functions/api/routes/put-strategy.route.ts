// PUT /v1/strategies/{strategyId} (PutStrategy): its line of the route table, on its own so its handler bundles only this route's schemas.
import { PutStrategyBodySchema, StrategyPathSchema, StrategySchema } from '../../../shared/schemas/strategy.schema';
import { IDEMPOTENT_WRITE, type ApiRoute } from './api-route';

export const putStrategyRoute = {
  id: 'PutStrategy',
  method: 'PUT',
  path: '/v1/strategies/{strategyId}',
  handler: 'put-strategy.handler.ts',
  summary: 'Create or replace an escalation strategy (the id "default" replaces the default ladder)',
  params: StrategyPathSchema,
  body: PutStrategyBodySchema,
  responses: [
    { status: 201, description: 'Created', schema: StrategySchema },
    { status: 200, description: 'Replaced', schema: StrategySchema },
  ],
  idempotent: true,
  roles: ['manager'],
  dynamodb: { actions: IDEMPOTENT_WRITE, indexes: [] },
} as const satisfies ApiRoute;
