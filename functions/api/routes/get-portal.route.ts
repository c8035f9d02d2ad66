// GET /portal/{token} (GetPortal): its line of the route table, on its own so its handler bundles only this route's schemas.
import type { ApiRoute } from './api-route';
import { PORTAL_PARAMETERS, PORTAL_LINK_RESPONSES } from './portal-route';

export const getPortalRoute = {
  id: 'GetPortal',
  method: 'GET',
  path: '/portal/{token}',
  handler: 'get-portal.handler.ts',
  summary:
    "The customer's portal behind every message's link: the case's open invoices and the total, with pay by card or transfer, promise, plan, dispute and channel preferences",
  ...PORTAL_PARAMETERS,
  responses: [{ status: 200, description: "An HTML page in the customer's language" }, ...PORTAL_LINK_RESPONSES],
  public: true,
  // The case's invoices come from gsi1; each balance needs its partition and the strategy (stored on first use).
  dynamodb: { actions: ['Query', 'GetItem', 'PutItem'], indexes: ['gsi1'] },
  // Signs and checks the portal link with the stack's signing key.
  readsPortalSigningKey: true,
} as const satisfies ApiRoute;
