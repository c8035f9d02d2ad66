// PUT /v1/customers/{customerId}/unbilled (PutUnbilled): its line of the route table, on its own so its handler bundles only this route's schemas.
import { CreditViewSchema, PutUnbilledBodySchema } from '../../../shared/schemas/credit.schema';
import { CustomerPathSchema } from '../../../shared/schemas/customer.schema';
import { IDEMPOTENT_WRITE, type ApiRoute } from './api-route';

export const putUnbilledRoute = {
  id: 'PutUnbilled',
  method: 'PUT',
  path: '/v1/customers/{customerId}/unbilled',
  handler: 'put-unbilled.handler.ts',
  summary:
    'Report what the customer has been delivered but not yet invoiced (replaces the last report); the credit hold is reviewed at once',
  params: CustomerPathSchema,
  body: PutUnbilledBodySchema,
  responses: [{ status: 200, description: 'The credit position after the report', schema: CreditViewSchema }],
  idempotent: true,
  publishesEvents: true,
  roles: ['partner', 'manager'],
  dynamodb: { actions: [...IDEMPOTENT_WRITE, 'GetItem'], indexes: ['gsi1'] },
} as const satisfies ApiRoute;
