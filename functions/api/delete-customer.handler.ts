// DELETE /v1/customers/{customerId}: a manager erases a customer's personal data (GDPR); the financial records stay, anonymised.
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { eraseCustomer } from '../../shared/use-cases/personal-data';
import { deleteCustomerRoute } from './routes/delete-customer.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, deleteCustomerRoute, async ({ grant, params }) => {
    const { erasure } = await eraseCustomer(deps, grant, params.customerId);
    return { status: 200, body: erasure };
  });

export const handler = deployedHandler(createHandler);
