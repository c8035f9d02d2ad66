// GET /v1/customers/{customerId}/export: everything Arrears holds about one customer (GDPR access request).
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { exportCustomer } from '../../shared/use-cases/personal-data';
import { getCustomerExportRoute } from './routes/get-customer-export.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, getCustomerExportRoute, async ({ grant, params }) => {
    const found = await exportCustomer(deps, grant, params.customerId);
    return { status: 200, body: found, headers: { 'cache-control': 'no-store' } };
  });

export const handler = deployedHandler(createHandler);
