// GET /v1/delinquencies/{delinquencyId} (GetDelinquency): its line of the route table, on its own so its handler bundles only this route's schemas.
import { DelinquencyPathSchema, DelinquencyViewSchema } from '../../../shared/schemas/delinquency-view.schema';
import { AUTHENTICATED_READ, type ApiRoute } from './api-route';

export const getDelinquencyRoute = {
  id: 'GetDelinquency',
  method: 'GET',
  path: '/v1/delinquencies/{delinquencyId}',
  handler: 'get-delinquency.handler.ts',
  summary: 'One delinquency: status, stage, balance today, days past due, next action, disputes and its timeline',
  params: DelinquencyPathSchema,
  responses: [{ status: 200, description: 'The delinquency', schema: DelinquencyViewSchema }],
  roles: ['collector', 'manager'],
  // The balance is the invoice's (interest needs the customer and strategy; the default strategy is stored on first use).
  dynamodb: { actions: [...AUTHENTICATED_READ, 'GetItem', 'PutItem'], indexes: [] },
} as const satisfies ApiRoute;
