// POST /v1/strategies/preview (PreviewStrategy): its line of the route table, on its own so its handler bundles only this route's schemas.
import { PreviewStrategyBodySchema, StrategyPreviewSchema } from '../../../shared/schemas/strategy-preview.schema';
import type { ApiRoute } from './api-route';

export const previewStrategyRoute = {
  id: 'PreviewStrategy',
  method: 'POST',
  path: '/v1/strategies/preview',
  handler: 'preview-strategy.handler.ts',
  summary:
    "Check a ladder as PUT /v1/strategies/{strategyId} would (400 naming each field under strategy.) and show when each step would reach a sample invoice's customer, with the tenant's send time and contact hours; writes nothing",
  body: PreviewStrategyBodySchema,
  responses: [{ status: 200, description: 'Each step’s moment for the sample', schema: StrategyPreviewSchema }],
  roles: ['collector', 'manager'],
  // The key's lookup (Query) and the tenant's settings (GetItem): nothing is written.
  dynamodb: { actions: ['Query', 'GetItem'], indexes: [] },
} as const satisfies ApiRoute;
