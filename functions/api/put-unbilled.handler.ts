// PUT /v1/customers/{customerId}/unbilled: the partner reports what it delivered but has not invoiced; the hold follows.
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { putUnbilled } from '../../shared/use-cases/credit';
import { putUnbilledRoute } from './routes/put-unbilled.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, putUnbilledRoute, async ({ grant, params, body }) => ({
    status: 200,
    body: await putUnbilled(deps, grant.tenantId, params.customerId, body),
  }));

export const handler = deployedHandler(createHandler);
