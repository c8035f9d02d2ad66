// GET /portal/{token}: the customer's portal: the case, and what they can do about it (HTML in the page's language); changes nothing.
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import { portalResponse } from '../../shared/middleware/portal-page';
import { portalPage } from '../../shared/use-cases/portal';
import { getPortalRoute } from './routes/get-portal.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, getPortalRoute, async ({ params, query }) =>
    portalResponse(deps, await portalPage(deps, params.token, query)),
  );

export const handler = deployedHandler(createHandler);
