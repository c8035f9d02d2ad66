// POST /v1/delinquencies/{delinquencyId}/hand-off: a manager hands a case to an agency with a reason; the ladder ends.
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { closeByHand } from '../../shared/use-cases/case-actions';
import { postHandOffRoute } from './routes/post-hand-off.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, postHandOffRoute, async ({ grant, params, body }) => ({
    status: 200,
    body: await closeByHand(deps, grant.tenantId, params.delinquencyId, { status: 'handed_off', ...body }, grant.actor),
  }));

export const handler = deployedHandler(createHandler);
