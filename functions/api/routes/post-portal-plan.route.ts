// POST /portal/{token}/plan (PostPortalPlan): its line of the route table, on its own so its handler bundles only this route's schemas.
import { PortalPathSchema, PortalQuerySchema } from '../../../shared/schemas/portal.schema';
import type { ApiRoute } from './api-route';

export const postPortalPlanRoute = {
  id: 'PostPortalPlan',
  method: 'POST',
  path: '/portal/{token}/plan',
  handler: 'post-portal-plan.handler.ts',
  summary:
    "From the portal (a form, `installments`): the customer agrees to the payment plan shown, within the tenant's self-service rules",
  params: PortalPathSchema,
  query: PortalQuerySchema,
  responses: [
    { status: 303, description: 'Back to the portal, with a thank-you' },
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
  wakesExecutions: true,
  // Reads as the portal page does; writes the case with its promise, plan or dispute, or the opt-out.
  dynamodb: { actions: ['Query', 'GetItem', 'PutItem', 'UpdateItem'], indexes: ['gsi1'] },
  // Signs and checks the portal link with the stack's signing key.
  readsPortalSigningKey: true,
} as const satisfies ApiRoute;
