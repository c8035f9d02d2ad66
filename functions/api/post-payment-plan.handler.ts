// POST /v1/delinquencies/{delinquencyId}/payment-plan: instalments that sum to the balance; escalation pauses while kept.
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { makePlan } from '../../shared/use-cases/plans';
import { postPaymentPlanRoute } from './routes/post-payment-plan.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, postPaymentPlanRoute, async ({ grant, params, body }) => ({
    status: 201,
    body: await makePlan(deps, grant.tenantId, params.delinquencyId, body, grant.actor),
  }));

export const handler = deployedHandler(createHandler);
