// GET /portal/{token}/plan (GetPortalPlan): its line of the route table, on its own so its handler bundles only this route's schemas.
import { PortalPathSchema, PortalPlanQuerySchema } from '../../../shared/schemas/portal.schema';
import type { ApiRoute } from './api-route';
import { PORTAL_LINK_RESPONSES } from './portal-route';

export const getPortalPlanRoute = {
  id: 'GetPortalPlan',
  method: 'GET',
  path: '/portal/{token}/plan',
  handler: 'get-portal-plan.handler.ts',
  summary:
    "The portal's payment plan preview: the instalments of `installments=N` within the tenant's self-service rules, before the customer agrees",
  params: PortalPathSchema,
  query: PortalPlanQuerySchema,
  responses: [
    { status: 200, description: "An HTML page in the customer's language" },
    { status: 400, description: 'The page, saying which numbers of instalments the rules allow' },
    ...PORTAL_LINK_RESPONSES,
  ],
  public: true,
  // The case's invoices come from gsi1; each balance needs its partition and the strategy (stored on first use).
  dynamodb: { actions: ['Query', 'GetItem', 'PutItem'], indexes: ['gsi1'] },
  // Signs and checks the portal link with the stack's signing key.
  readsPortalSigningKey: true,
} as const satisfies ApiRoute;
