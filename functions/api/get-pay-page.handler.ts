// GET /v1/pay/{token}: an old pay link; 303 to the portal of its invoice's case (changes nothing).
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import { portalResponse } from '../../shared/middleware/portal-page';
import { payPageRedirect } from '../../shared/use-cases/pay-page';
import { getPayPageRoute } from './routes/get-pay-page.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, getPayPageRoute, async ({ params }) =>
    portalResponse(deps, await payPageRedirect(deps, params.token)),
  );

export const handler = deployedHandler(createHandler);
