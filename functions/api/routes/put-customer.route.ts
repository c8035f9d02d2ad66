// PUT /v1/customers/{customerId} (PutCustomer): its line of the route table, on its own so its handler bundles only this route's schemas.
import {
  CustomerPathSchema,
  CustomerResponseSchema,
  PutCustomerBodySchema,
} from '../../../shared/schemas/customer.schema';
import { IDEMPOTENT_WRITE, type ApiRoute } from './api-route';

export const putCustomerRoute = {
  id: 'PutCustomer',
  method: 'PUT',
  path: '/v1/customers/{customerId}',
  handler: 'put-customer.handler.ts',
  summary: 'Create or replace a customer',
  params: CustomerPathSchema,
  body: PutCustomerBodySchema,
  responses: [
    { status: 201, description: 'Created', schema: CustomerResponseSchema },
    { status: 200, description: 'Replaced', schema: CustomerResponseSchema },
  ],
  idempotent: true,
  // A new segment or country moves the report counters of the customer's invoices (found through gsi1).
  // Reviews the customer's credit hold afterwards (reads its invoices, writes the hold, publishes a change).
  publishesEvents: true,
  roles: ['partner', 'manager'],
  dynamodb: { actions: [...IDEMPOTENT_WRITE, 'GetItem', 'UpdateItem'], indexes: ['gsi1'] },
} as const satisfies ApiRoute;
