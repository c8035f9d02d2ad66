// GET /v1/customers/{customerId}/delinquencies (ListCustomerCases): its line of the route table, on its own so its handler bundles only this route's schemas.
import { CustomerCasesSchema } from '../../../shared/schemas/customer-cases.schema';
import { CustomerPathSchema } from '../../../shared/schemas/customer.schema';
import { AUTHENTICATED_READ, type ApiRoute } from './api-route';

export const listCustomerCasesRoute = {
  id: 'ListCustomerCases',
  method: 'GET',
  path: '/v1/customers/{customerId}/delinquencies',
  handler: 'list-customer-cases.handler.ts',
  summary: "The customer's case: every delinquency of theirs, open and closed, newest first",
  params: CustomerPathSchema,
  responses: [{ status: 200, description: "The customer's delinquencies", schema: CustomerCasesSchema }],
  roles: ['collector', 'manager'],
  // The customer by GetItem; its delinquencies from gsi1 (keys only), each read from the table by GetItem.
  dynamodb: { actions: [...AUTHENTICATED_READ, 'GetItem'], indexes: ['gsi1'] },
} as const satisfies ApiRoute;
