// GET /portal/{token}/statement (GetPortalStatement): its line of the route table, on its own so its handler bundles only this route's schemas.
import type { ApiRoute } from './api-route';
import { PORTAL_PARAMETERS, PORTAL_LINK_RESPONSES } from './portal-route';

export const getPortalStatementRoute = {
  id: 'GetPortalStatement',
  method: 'GET',
  path: '/portal/{token}/statement',
  handler: 'get-portal-statement.handler.ts',
  summary: "The portal's printable statement: open invoices, the total and every payment received",
  ...PORTAL_PARAMETERS,
  responses: [{ status: 200, description: "An HTML page in the customer's language" }, ...PORTAL_LINK_RESPONSES],
  public: true,
  // The case's invoices come from gsi1; each balance needs its partition and the strategy (stored on first use).
  dynamodb: { actions: ['Query', 'GetItem', 'PutItem'], indexes: ['gsi1'] },
  // Signs and checks the portal link with the stack's signing key.
  readsPortalSigningKey: true,
} as const satisfies ApiRoute;
