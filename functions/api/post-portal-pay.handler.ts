// POST /portal/{token}/pay: the portal's form that starts a card payment for the amount typed and sends the browser to Checkout; 303 back to the portal, or the page with the refusal.
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import { portalResponse, requestOrigin } from '../../shared/middleware/portal-page';
import { refuseForeignForm } from '../../shared/middleware/public-page';
import { portalAction } from '../../shared/use-cases/portal-actions';
import { postPortalPayRoute } from './routes/post-portal-pay.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, postPortalPayRoute, async ({ params, query, rawBody, event }) => {
    refuseForeignForm(event);
    const form = new URLSearchParams(rawBody);
    return portalResponse(deps, await portalAction(deps, params.token, 'pay', form, query, requestOrigin(event)));
  });

export const handler = deployedHandler(createHandler);
