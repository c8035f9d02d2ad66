// PUT /v1/customers/{customerId}: create or replace a customer.
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { putCustomer } from '../../shared/use-cases/customers';
import { reviewCredit } from '../../shared/use-cases/credit';
import { putCustomerRoute } from './routes/put-customer.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, putCustomerRoute, async ({ grant, params, body }) => {
    const { customer, created } = await putCustomer(deps, grant.tenantId, params.customerId, body, grant.actor);
    // A new or changed credit limit may start or end a hold.
    await reviewCredit(deps, grant.tenantId, customer);
    return { status: created ? 201 : 200, body: customer };
  });

export const handler = deployedHandler(createHandler);
