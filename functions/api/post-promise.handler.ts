// POST /v1/delinquencies/{delinquencyId}/promises: the customer promises an amount by a date; the ladder pauses.
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { makePromise } from '../../shared/use-cases/promises';
import { routeById } from './routes';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, routeById('PostPromise'), async ({ grant, params, body }) => ({
    status: 201,
    body: await makePromise(deps, grant.tenantId, params.delinquencyId, body, `api:${grant.keyId}`),
  }));

export const handler = deployedHandler(createHandler);
