// GET /v1/collectors (ListCollectors): its line of the route table, on its own so its handler bundles only this route's schemas.
import { CollectorListSchema } from '../../../shared/schemas/collector.schema';
import { AUTHENTICATED_READ, type ApiRoute } from './api-route';

export const listCollectorsRoute = {
  id: 'ListCollectors',
  method: 'GET',
  path: '/v1/collectors',
  handler: 'list-collectors.handler.ts',
  summary: "The tenant's collectors with capacity, open load and monthly results",
  responses: [{ status: 200, description: 'The collectors', schema: CollectorListSchema }],
  roles: ['collector', 'manager'],
  dynamodb: { actions: AUTHENTICATED_READ, indexes: [] },
} as const satisfies ApiRoute;
