// GET /portal/{token}/plan: the payment plan's instalments before the customer agrees (HTML in the page's language); changes nothing.
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import { portalResponse } from '../../shared/middleware/portal-page';
import { planPage } from '../../shared/use-cases/portal';
import { getPortalPlanRoute } from './routes/get-portal-plan.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, getPortalPlanRoute, async ({ params, query }) =>
    portalResponse(deps, await planPage(deps, params.token, query)),
  );

export const handler = deployedHandler(createHandler);
