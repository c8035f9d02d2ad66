// POST /v1/disputes/{disputeId}/resolve: accept (optionally with a credit) or reject a dispute; four eyes on large credits.
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { resolveDispute } from '../../shared/use-cases/disputes';
import { resolveDisputeRoute } from './routes/resolve-dispute.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, resolveDisputeRoute, async ({ grant, params, body }) => ({
    status: 200,
    body: await resolveDispute(deps, grant.tenantId, params.disputeId, body, grant),
  }));

export const handler = deployedHandler(createHandler);
