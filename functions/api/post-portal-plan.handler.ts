// POST /portal/{token}/plan: the portal's form that agrees to the previewed plan; 303 back to the portal, or the page with the refusal.
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import { portalResponse, requestOrigin } from '../../shared/middleware/portal-page';
import { refuseForeignForm } from '../../shared/middleware/public-page';
import { portalAction } from '../../shared/use-cases/portal-actions';
import { postPortalPlanRoute } from './routes/post-portal-plan.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, postPortalPlanRoute, async ({ params, query, rawBody, event }) => {
    refuseForeignForm(event);
    const form = new URLSearchParams(rawBody);
    return portalResponse(deps, await portalAction(deps, params.token, 'plan', form, query, requestOrigin(event)));
  });

export const handler = deployedHandler(createHandler);
