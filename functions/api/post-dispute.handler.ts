// POST /v1/delinquencies/{delinquencyId}/disputes: the customer says the debt is wrong; escalation pauses.
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { openDispute } from '../../shared/use-cases/disputes';
import { postDisputeRoute } from './routes/post-dispute.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, postDisputeRoute, async ({ grant, params, body }) => {
    const { dispute } = await openDispute(deps, grant.tenantId, params.delinquencyId, {
      reason: body.reason,
      source: 'api',
      providerDisputeId: null,
      amount: null,
      actor: grant.actor,
      person: grant.person,
      refuseWhileOpen: true,
    });
    return { status: 201, body: dispute };
  });

export const handler = deployedHandler(createHandler);
