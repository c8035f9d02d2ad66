// GET /v1/customers/{customerId}/delinquencies: every debt of the customer, for the console's customer screen.
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { listCustomerCases } from '../../shared/use-cases/customer-cases';
import { listCustomerCasesRoute } from './routes/list-customer-cases.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, listCustomerCasesRoute, async ({ grant, params }) => ({
    status: 200,
    body: await listCustomerCases(deps, grant.tenantId, params.customerId),
  }));

export const handler = deployedHandler(createHandler);
