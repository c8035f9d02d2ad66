// POST /v1/pay/{token}/dispute (PostPayDispute): its line of the route table, on its own so its handler bundles only this route's schemas.
import { PayTokenPathSchema } from '../../../shared/schemas/unsubscribe.schema';
import type { ApiRoute } from './api-route';

export const postPayDisputeRoute = {
  id: 'PostPayDispute',
  method: 'POST',
  path: '/v1/pay/{token}/dispute',
  handler: 'post-pay-dispute.handler.ts',
  summary: 'From the pay page (a form): the customer says something is wrong with the invoice',
  params: PayTokenPathSchema,
  responses: [
    { status: 200, description: 'The pay page, showing the dispute' },
    { status: 403, description: 'Posted from another site (Sec-Fetch-Site or Origin): nothing was changed' },
    {
      status: 410,
      description: 'An HTML page saying there is nothing to pay: the invoice is closed or its customer erased',
    },
    { status: 415, description: 'Not a form (application/x-www-form-urlencoded)' },
  ],
  public: true,
  wakesExecutions: true,
  dynamodb: { actions: ['Query', 'GetItem', 'PutItem', 'UpdateItem'], indexes: [] },
} as const satisfies ApiRoute;
