// POST /portal/{token}/preferences: the portal's form that stops the ticked channels; 303 back to the portal, or the page with the refusal.
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import { portalResponse, requestOrigin } from '../../shared/middleware/portal-page';
import { refuseForeignForm } from '../../shared/middleware/public-page';
import { portalAction } from '../../shared/use-cases/portal-actions';
import { postPortalPreferencesRoute } from './routes/post-portal-preferences.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, postPortalPreferencesRoute, async ({ params, query, rawBody, event }) => {
    refuseForeignForm(event);
    const form = new URLSearchParams(rawBody);
    return portalResponse(
      deps,
      await portalAction(deps, params.token, 'preferences', form, query, requestOrigin(event)),
    );
  });

export const handler = deployedHandler(createHandler);
