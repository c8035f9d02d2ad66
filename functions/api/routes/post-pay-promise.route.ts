// POST /v1/pay/{token}/promise (PostPayPromise): its line of the route table, on its own so its handler bundles only this route's schemas.
import { PayTokenPathSchema } from '../../../shared/schemas/unsubscribe.schema';
import type { ApiRoute } from './api-route';

export const postPayPromiseRoute = {
  id: 'PostPayPromise',
  method: 'POST',
  path: '/v1/pay/{token}/promise',
  handler: 'post-pay-promise.handler.ts',
  summary: "An old pay page's promise form: 303 to the portal, where the customer promises again",
  params: PayTokenPathSchema,
  responses: [
    { status: 303, description: "To the portal of the invoice's case, where the customer acts again" },
    { status: 403, description: 'Posted from another site (Sec-Fetch-Site or Origin)' },
    { status: 404, description: 'An HTML page: the link is not known' },
    { status: 415, description: 'Not a form (application/x-www-form-urlencoded)' },
  ],
  public: true,
  // The token's invoice (its case), read to sign the portal link.
  dynamodb: { actions: ['Query'], indexes: [] },
} as const satisfies ApiRoute;
