// GET /v1/disputes (ListDisputes): its line of the route table, on its own so its handler bundles only this route's schemas.
import { DisputeListQuerySchema, DisputePageSchema } from '../../../shared/schemas/dispute.schema';
import type { ApiRoute } from './api-route';

export const listDisputesRoute = {
  id: 'ListDisputes',
  method: 'GET',
  path: '/v1/disputes',
  handler: 'list-disputes.handler.ts',
  summary: "The tenant's disputes, newest first, with cursor pagination",
  query: DisputeListQuerySchema,
  responses: [{ status: 200, description: 'A page of disputes', schema: DisputePageSchema }],
  roles: ['collector', 'manager'],
  dynamodb: { actions: ['Query', 'GetItem'], indexes: ['gsi1'] },
} as const satisfies ApiRoute;
