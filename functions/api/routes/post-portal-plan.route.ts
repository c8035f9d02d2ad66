// POST /portal/{token}/plan (PostPortalPlan): its line of the route table, on its own so its handler bundles only this route's schemas.
import type { ApiRoute } from './api-route';
import { PORTAL_PARAMETERS, PORTAL_FORM_RESPONSES } from './portal-route';

export const postPortalPlanRoute = {
  id: 'PostPortalPlan',
  method: 'POST',
  path: '/portal/{token}/plan',
  handler: 'post-portal-plan.handler.ts',
  summary:
    "From the portal (a form, `installments`): the customer agrees to the payment plan shown, within the tenant's self-service rules",
  ...PORTAL_PARAMETERS,
  responses: [{ status: 303, description: 'Back to the portal, with a thank-you' }, ...PORTAL_FORM_RESPONSES],
  public: true,
  wakesExecutions: true,
  // Reads as the portal page does; writes the case with its promise, plan or dispute, or the opt-out.
  dynamodb: { actions: ['Query', 'GetItem', 'PutItem', 'UpdateItem'], indexes: ['gsi1'] },
  // Signs and checks the portal link with the stack's signing key.
  readsPortalSigningKey: true,
} as const satisfies ApiRoute;
