// POST /v1/delinquencies/{delinquencyId}/contacts (PostContact): its line of the route table, on its own so its handler bundles only this route's schemas.
import { ContactSchema, PostContactBodySchema } from '../../../shared/schemas/contact.schema';
import { DelinquencyPathSchema } from '../../../shared/schemas/delinquency-view.schema';
import { IDEMPOTENT_WRITE, type ApiRoute } from './api-route';

export const postContactRoute = {
  id: 'PostContact',
  method: 'POST',
  path: '/v1/delinquencies/{delinquencyId}/contacts',
  handler: 'post-contact.handler.ts',
  summary:
    'Log a call, email, SMS or letter with its outcome; an outbound call that would break a Regulation F rule is refused',
  params: DelinquencyPathSchema,
  body: PostContactBodySchema,
  responses: [
    { status: 201, description: 'Logged', schema: ContactSchema },
    { status: 409, description: 'The call would break a rule (`rule`, `nextAllowedAt`): nothing was logged' },
  ],
  idempotent: true,
  roles: ['collector', 'manager'],
  // The delinquency, the customer with opt-outs, the debt's contact log; the contact, log and timeline in one transaction.
  // A logged call closes the debt's open call tasks (Query of its partition, UpdateItem of each task).
  dynamodb: { actions: [...IDEMPOTENT_WRITE, 'GetItem', 'UpdateItem'], indexes: [] },
} as const satisfies ApiRoute;
