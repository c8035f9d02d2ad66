// POST /v1/delinquencies/{delinquencyId}/hold: a person puts a case on hold: no reminder or step until released or until its date.
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { holdCase } from '../../shared/use-cases/case-actions';
import { postHoldRoute } from './routes/post-hold.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, postHoldRoute, async ({ grant, params, body }) => ({
    status: 200,
    body: await holdCase(deps, grant.tenantId, params.delinquencyId, body, grant.actor),
  }));

export const handler = deployedHandler(createHandler);
