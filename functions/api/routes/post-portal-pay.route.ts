// POST /portal/{token}/pay (PostPortalPay): its line of the route table, on its own so its handler bundles only this route's schemas.
import type { ApiRoute } from './api-route';
import { PORTAL_PARAMETERS, PORTAL_FORM_RESPONSES } from './portal-route';

export const postPortalPayRoute = {
  id: 'PostPortalPay',
  method: 'POST',
  path: '/portal/{token}/pay',
  handler: 'post-portal-pay.handler.ts',
  summary:
    'From the portal (a form, `amount` in major units): starts a card payment and answers 303 to the hosted Checkout page',
  ...PORTAL_PARAMETERS,
  responses: [{ status: 303, description: 'To the hosted Checkout page' }, ...PORTAL_FORM_RESPONSES],
  public: true,
  // Reads as the portal page does; the started payment goes on the case's timeline.
  dynamodb: { actions: ['Query', 'GetItem', 'PutItem'], indexes: ['gsi1'] },
  // Signs and checks the portal link with the stack's signing key, and reads the tenant's Stripe key for Checkout.
  readsPortalSigningKey: true,
  cardCheckout: true,
} as const satisfies ApiRoute;
