// GET /v1/customers/{customerId}/credit (GetCredit): its line of the route table, on its own so its handler bundles only this route's schemas.
import { CreditViewSchema } from '../../../shared/schemas/credit.schema';
import { CustomerPathSchema } from '../../../shared/schemas/customer.schema';
import type { ApiRoute } from './api-route';

export const getCreditRoute = {
  id: 'GetCredit',
  method: 'GET',
  path: '/v1/customers/{customerId}/credit',
  handler: 'get-credit.handler.ts',
  summary:
    "The customer's credit position: limit, exposure (open balance plus unbilled), available credit, and the hold with its reasons",
  params: CustomerPathSchema,
  responses: [{ status: 200, description: 'The credit position', schema: CreditViewSchema }],
  roles: ['partner', 'collector', 'manager'],
  dynamodb: { actions: ['Query', 'GetItem'], indexes: ['gsi1'] },
} as const satisfies ApiRoute;
