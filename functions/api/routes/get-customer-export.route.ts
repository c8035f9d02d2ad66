// GET /v1/customers/{customerId}/export (GetCustomerExport): its line of the route table, on its own so its handler bundles only this route's schemas.
import { CustomerPathSchema } from '../../../shared/schemas/customer.schema';
import { CustomerExportSchema } from '../../../shared/schemas/personal-data.schema';
import { AUTHENTICATED_READ, type ApiRoute } from './api-route';

export const getCustomerExportRoute = {
  id: 'GetCustomerExport',
  method: 'GET',
  path: '/v1/customers/{customerId}/export',
  handler: 'get-customer-export.handler.ts',
  summary:
    'Everything held about one customer (GDPR access): the customer, opt-outs, invoices, payments, cases with timelines, promises, plans, disputes, contacts',
  params: CustomerPathSchema,
  responses: [{ status: 200, description: 'The export', schema: CustomerExportSchema }],
  roles: ['manager'],
  // The customer's partition, its invoices and cases through gsi1, then each of their partitions.
  dynamodb: { actions: AUTHENTICATED_READ, indexes: ['gsi1'] },
} as const satisfies ApiRoute;
