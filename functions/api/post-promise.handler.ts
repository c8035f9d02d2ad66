// POST /v1/delinquencies/{delinquencyId}/promises: the customer promises an amount by a date; the ladder pauses.
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { makePromise } from '../../shared/use-cases/promises';
import { postPromiseRoute } from './routes/post-promise.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, postPromiseRoute, async ({ grant, params, body }) => ({
    status: 201,
    body: await makePromise(deps, grant.tenantId, params.delinquencyId, body, grant.actor),
  }));

export const handler = deployedHandler(createHandler);
