// POST /v1/customers/{customerId}/contacts (PostCaseContact): its line of the route table, on its own so its handler bundles only this route's schemas.
import { ContactSchema, PostContactBodySchema } from '../../../shared/schemas/contact.schema';
import { CustomerPathSchema } from '../../../shared/schemas/customer.schema';
import { IDEMPOTENT_WRITE, type ApiRoute } from './api-route';

export const postCaseContactRoute = {
  id: 'PostCaseContact',
  method: 'POST',
  path: '/v1/customers/{customerId}/contacts',
  handler: 'post-case-contact.handler.ts',
  summary:
    "Log one contact on the customer's case: a conversation counts for every open debt, an unanswered attempt against the oldest",
  params: CustomerPathSchema,
  body: PostContactBodySchema,
  responses: [
    { status: 201, description: 'Logged against the debts it counts for', schema: ContactSchema },
    { status: 409, description: 'The call would break a rule for a debt it counts against, or no debt is open' },
  ],
  idempotent: true,
  roles: ['collector', 'manager'],
  // The customer's open delinquencies come from gsi1. A logged call closes the open call tasks of the debts it counts
  // against (UpdateItem of each task).
  dynamodb: { actions: [...IDEMPOTENT_WRITE, 'GetItem', 'UpdateItem'], indexes: ['gsi1'] },
} as const satisfies ApiRoute;
