// GET /v1/pay/{token} (GetPayPage): its line of the route table, on its own so its handler bundles only this route's schemas.
import { PayTokenPathSchema } from '../../../shared/schemas/unsubscribe.schema';
import type { ApiRoute } from './api-route';

export const getPayPageRoute = {
  id: 'GetPayPage',
  method: 'GET',
  path: '/v1/pay/{token}',
  handler: 'get-pay-page.handler.ts',
  summary: "The customer's pay page behind a reminder's link: what is owed, a way to pay, a promise or a dispute",
  params: PayTokenPathSchema,
  responses: [
    { status: 200, description: 'An HTML page' },
    {
      status: 410,
      description: 'An HTML page saying there is nothing to pay: the invoice is closed or its customer erased',
    },
  ],
  public: true,
  // The invoice's balance today needs the customer and the strategy (stored on first use).
  dynamodb: { actions: ['Query', 'GetItem', 'PutItem'], indexes: [] },
} as const satisfies ApiRoute;
