// POST /v1/unsubscribe/{token} (PostUnsubscribe): its line of the route table, on its own so its handler bundles only this route's schemas.
import { UnsubscribePathSchema, UnsubscribedSchema } from '../../../shared/schemas/unsubscribe.schema';
import type { ApiRoute } from './api-route';

export const postUnsubscribeRoute = {
  id: 'PostUnsubscribe',
  method: 'POST',
  path: '/v1/unsubscribe/{token}',
  handler: 'post-unsubscribe.handler.ts',
  summary: 'The unsubscribe link of a reminder email (one click, RFC 8058): opts that address out at once',
  params: UnsubscribePathSchema,
  responses: [
    { status: 200, description: 'Opted out', schema: UnsubscribedSchema },
    { status: 403, description: 'Posted from another site (Sec-Fetch-Site or Origin): nothing was changed' },
    { status: 415, description: 'Not a form (application/x-www-form-urlencoded or multipart/form-data)' },
  ],
  public: true,
  sendsEmail: true,
  // The token lookup, the opt-out, then the tenant and customer for the confirmation's sender and language.
  dynamodb: { actions: ['Query', 'PutItem', 'GetItem'], indexes: [] },
} as const satisfies ApiRoute;
