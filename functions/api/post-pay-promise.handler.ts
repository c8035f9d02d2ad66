// POST /v1/pay/{token}/promise: the promise form of an old pay page still open in a browser; 303 to the portal, where the
// customer acts again (nothing is changed here).
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import { portalResponse } from '../../shared/middleware/portal-page';
import { refuseForeignForm } from '../../shared/middleware/public-page';
import { payPageRedirect } from '../../shared/use-cases/pay-page';
import { postPayPromiseRoute } from './routes/post-pay-promise.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, postPayPromiseRoute, async ({ params, event }) => {
    refuseForeignForm(event);
    return portalResponse(deps, await payPageRedirect(deps, params.token));
  });

export const handler = deployedHandler(createHandler);
