// GET /portal/{token}/receipt (GetPortalReceipt): its line of the route table, on its own so its handler bundles only this route's schemas.
import { PortalPathSchema, PortalReceiptQuerySchema } from '../../../shared/schemas/portal.schema';
import type { ApiRoute } from './api-route';
import { PORTAL_LINK_RESPONSES } from './portal-route';

export const getPortalReceiptRoute = {
  id: 'GetPortalReceipt',
  method: 'GET',
  path: '/portal/{token}/receipt',
  handler: 'get-portal-receipt.handler.ts',
  summary: 'Where Checkout sends the customer back (`session={id}`): the payment received, or being processed',
  params: PortalPathSchema,
  query: PortalReceiptQuerySchema,
  responses: [{ status: 200, description: "An HTML page in the customer's language" }, ...PORTAL_LINK_RESPONSES],
  public: true,
  // The case's invoices come from gsi1; each balance needs its partition and the strategy (stored on first use).
  dynamodb: { actions: ['Query', 'GetItem', 'PutItem'], indexes: ['gsi1'] },
  // Signs and checks the portal link with the stack's signing key, and reads the tenant's Stripe key for Checkout.
  readsPortalSigningKey: true,
  cardCheckout: true,
} as const satisfies ApiRoute;
