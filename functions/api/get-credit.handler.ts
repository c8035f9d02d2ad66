// GET /v1/customers/{customerId}/credit: limit, exposure, available credit, and the hold with its reasons.
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { getCredit } from '../../shared/use-cases/credit';
import { getCreditRoute } from './routes/get-credit.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, getCreditRoute, async ({ grant, params }) => ({
    status: 200,
    body: await getCredit(deps, grant.tenantId, params.customerId),
  }));

export const handler = deployedHandler(createHandler);
