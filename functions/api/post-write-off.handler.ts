// POST /v1/delinquencies/{delinquencyId}/write-off: a manager writes a case off with a reason; the ladder ends.
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { closeByHand } from '../../shared/use-cases/case-actions';
import { postWriteOffRoute } from './routes/post-write-off.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, postWriteOffRoute, async ({ grant, params, body }) => ({
    status: 200,
    body: await closeByHand(
      deps,
      grant.tenantId,
      params.delinquencyId,
      { status: 'written_off', ...body },
      grant.actor,
    ),
  }));

export const handler = deployedHandler(createHandler);
