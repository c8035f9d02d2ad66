// POST /v1/customers/{customerId}/opt-outs (PostOptOut): its line of the route table, on its own so its handler bundles only this route's schemas.
import { CustomerPathSchema, OptOutSchema, PostOptOutBodySchema } from '../../../shared/schemas/customer.schema';
import { IDEMPOTENT_WRITE, type ApiRoute } from './api-route';

export const postOptOutRoute = {
  id: 'PostOptOut',
  method: 'POST',
  path: '/v1/customers/{customerId}/opt-outs',
  handler: 'post-opt-out.handler.ts',
  summary: 'Opt a customer out of a channel (honoured at once)',
  params: CustomerPathSchema,
  body: PostOptOutBodySchema,
  responses: [
    { status: 201, description: 'Opted out', schema: OptOutSchema },
    { status: 200, description: 'Already opted out', schema: OptOutSchema },
  ],
  idempotent: true,
  roles: ['partner', 'collector', 'manager'],
  dynamodb: { actions: [...IDEMPOTENT_WRITE, 'GetItem'], indexes: [] },
} as const satisfies ApiRoute;
