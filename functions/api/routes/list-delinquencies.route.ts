// GET /v1/delinquencies (ListDelinquencies): its line of the route table, on its own so its handler bundles only this route's schemas.
import { QueuePageSchema, QueueQuerySchema } from '../../../shared/schemas/queue.schema';
import type { ApiRoute } from './api-route';

export const listDelinquenciesRoute = {
  id: 'ListDelinquencies',
  method: 'GET',
  path: '/v1/delinquencies',
  handler: 'list-delinquencies.handler.ts',
  summary:
    'The work queue: open delinquencies with their customers\' names and days past due, highest expected recovery first, filtered by status, assignee (or "me"), score band, currency and stage',
  query: QueueQuerySchema,
  responses: [{ status: 200, description: 'A page of the queue', schema: QueuePageSchema }],
  roles: ['collector', 'manager'],
  // The tenant's scoring model (GetItem) explains each item's score; the pages come from the queue indexes; a page's
  // customers' names and invoices' due dates are read in one BatchGetItem.
  dynamodb: { actions: ['Query', 'GetItem', 'BatchGetItem'], indexes: ['gsi3', 'gsi4'] },
} as const satisfies ApiRoute;
