// GET /v1/customers/{customerId}/statement (GetStatement): its line of the route table, on its own so its handler bundles only this route's schemas.
import { CustomerPathSchema } from '../../../shared/schemas/customer.schema';
import { StatementQuerySchema, StatementSchema } from '../../../shared/schemas/statement.schema';
import { AUTHENTICATED_READ, type ApiRoute } from './api-route';

export const getStatementRoute = {
  id: 'GetStatement',
  method: 'GET',
  path: '/v1/customers/{customerId}/statement',
  handler: 'get-statement.handler.ts',
  summary:
    "A customer's statement: open items with fees and interest, payments, credit and total due (`format=html` prints it)",
  params: CustomerPathSchema,
  query: StatementQuerySchema,
  responses: [{ status: 200, description: 'The statement (JSON, or HTML with format=html)', schema: StatementSchema }],
  roles: ['collector', 'manager'],
  // The customer's invoices come from gsi1; each invoice's balance needs its partition and the strategy.
  dynamodb: { actions: [...AUTHENTICATED_READ, 'GetItem', 'PutItem'], indexes: ['gsi1'] },
} as const satisfies ApiRoute;
