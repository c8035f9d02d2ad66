// POST /v1/delinquencies/{delinquencyId}/release: the hold ends now; the case's execution wakes and re-derives.
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { releaseCase } from '../../shared/use-cases/case-actions';
import { postReleaseRoute } from './routes/post-release.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, postReleaseRoute, async ({ grant, params, body }) => ({
    status: 200,
    body: await releaseCase(deps, grant.tenantId, params.delinquencyId, body, grant.actor),
  }));

export const handler = deployedHandler(createHandler);
