// POST /portal/{token}/dispute: the portal's form that the dispute form; 303 back to the portal, or the page with the refusal.
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import { portalResponse, requestOrigin } from '../../shared/middleware/portal-page';
import { refuseForeignForm } from '../../shared/middleware/public-page';
import { portalAction } from '../../shared/use-cases/portal-actions';
import { postPortalDisputeRoute } from './routes/post-portal-dispute.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, postPortalDisputeRoute, async ({ params, query, rawBody, event }) => {
    refuseForeignForm(event);
    const form = new URLSearchParams(rawBody);
    return portalResponse(deps, await portalAction(deps, params.token, 'dispute', form, query, requestOrigin(event)));
  });

export const handler = deployedHandler(createHandler);
