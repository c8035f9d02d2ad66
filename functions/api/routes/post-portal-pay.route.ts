// POST /portal/{token}/pay (PostPortalPay): its line of the route table, on its own so its handler bundles only this route's schemas.
import { PortalPathSchema, PortalQuerySchema } from '../../../shared/schemas/portal.schema';
import type { ApiRoute } from './api-route';

export const postPortalPayRoute = {
  id: 'PostPortalPay',
  method: 'POST',
  path: '/portal/{token}/pay',
  handler: 'post-portal-pay.handler.ts',
  summary:
    'From the portal (a form, `amount` in major units): starts a card payment and answers 303 to the hosted Checkout page',
  params: PortalPathSchema,
  query: PortalQuerySchema,
  responses: [
    { status: 303, description: 'To the hosted Checkout page' },
    { status: 400, description: "The portal page, with the refusal in the page's language: nothing was changed" },
    { status: 403, description: 'Posted from another site (Sec-Fetch-Site or Origin): nothing was changed' },
    { status: 404, description: 'An HTML page: the link is not one of ours' },
    {
      status: 409,
      description: 'The portal page, with the refusal (the case is already promised, in a plan or disputed)',
    },
    { status: 410, description: 'An HTML page: the link expired, or its customer was erased or its case handed on' },
    { status: 415, description: 'Not a form (application/x-www-form-urlencoded)' },
  ],
  public: true,
  // Reads as the portal page does; the started payment goes on the case's timeline.
  dynamodb: { actions: ['Query', 'GetItem', 'PutItem'], indexes: ['gsi1'] },
  // Signs and checks the portal link with the stack's signing key, and reads the tenant's Stripe key for Checkout.
  readsPortalSigningKey: true,
  cardCheckout: true,
} as const satisfies ApiRoute;
