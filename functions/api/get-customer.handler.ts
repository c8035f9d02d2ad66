// GET /v1/customers/{customerId}: the customer with its opt-outs.
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { getCustomer } from '../../shared/use-cases/customers';
import { getCustomerRoute } from './routes/get-customer.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, getCustomerRoute, async ({ grant, params }) => ({
    status: 200,
    body: await getCustomer(deps, grant.tenantId, params.customerId),
  }));

export const handler = deployedHandler(createHandler);
