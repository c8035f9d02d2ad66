// GET /v1/customers/{customerId} (GetCustomer): its line of the route table, on its own so its handler bundles only this route's schemas.
import { CustomerPathSchema, CustomerResponseSchema } from '../../../shared/schemas/customer.schema';
import { AUTHENTICATED_READ, type ApiRoute } from './api-route';

export const getCustomerRoute = {
  id: 'GetCustomer',
  method: 'GET',
  path: '/v1/customers/{customerId}',
  handler: 'get-customer.handler.ts',
  summary: 'Read a customer with its opt-outs',
  params: CustomerPathSchema,
  responses: [{ status: 200, description: 'The customer', schema: CustomerResponseSchema }],
  roles: ['partner', 'collector', 'manager'],
  dynamodb: { actions: AUTHENTICATED_READ, indexes: [] },
} as const satisfies ApiRoute;
