// GET /portal/{token}/statement (GetPortalStatement): its line of the route table, on its own so its handler bundles only this route's schemas.
import { PortalPathSchema, PortalQuerySchema } from '../../../shared/schemas/portal.schema';
import type { ApiRoute } from './api-route';

export const getPortalStatementRoute = {
  id: 'GetPortalStatement',
  method: 'GET',
  path: '/portal/{token}/statement',
  handler: 'get-portal-statement.handler.ts',
  summary: "The portal's printable statement: open invoices, the total and every payment received",
  params: PortalPathSchema,
  query: PortalQuerySchema,
  responses: [
    { status: 200, description: "An HTML page in the customer's language" },
    { status: 404, description: 'An HTML page: the link is not one of ours' },
    { status: 410, description: 'An HTML page: the link expired, or its customer was erased or its case handed on' },
  ],
  public: true,
  // The case's invoices come from gsi1; each balance needs its partition and the strategy (stored on first use).
  dynamodb: { actions: ['Query', 'GetItem', 'PutItem'], indexes: ['gsi1'] },
  // Signs and checks the portal link with the stack's signing key.
  readsPortalSigningKey: true,
} as const satisfies ApiRoute;
