// GET /v1/pay/{token} (GetPayPage): its line of the route table, on its own so its handler bundles only this route's schemas.
import { PayTokenPathSchema } from '../../../shared/schemas/unsubscribe.schema';
import type { ApiRoute } from './api-route';

export const getPayPageRoute = {
  id: 'GetPayPage',
  method: 'GET',
  path: '/v1/pay/{token}',
  handler: 'get-pay-page.handler.ts',
  summary: 'An old pay link (one token per invoice): 303 to the portal of its case',
  params: PayTokenPathSchema,
  responses: [
    { status: 303, description: "To the portal of the invoice's case" },
    { status: 404, description: 'An HTML page: the link is not known' },
  ],
  public: true,
  // The token's invoice (its case), read to sign the portal link.
  dynamodb: { actions: ['Query'], indexes: [] },
  // Signs and checks the portal link with the stack's signing key.
  readsPortalSigningKey: true,
} as const satisfies ApiRoute;
