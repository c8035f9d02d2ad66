// GET /v1/unsubscribe/{token} (GetUnsubscribe): its line of the route table, on its own so its handler bundles only this route's schemas.
import { UnsubscribePathSchema } from '../../../shared/schemas/unsubscribe.schema';
import type { ApiRoute } from './api-route';

export const getUnsubscribeRoute = {
  id: 'GetUnsubscribe',
  method: 'GET',
  path: '/v1/unsubscribe/{token}',
  handler: 'get-unsubscribe.handler.ts',
  summary: 'The page behind the unsubscribe link: one button that confirms (a GET changes nothing, for mail scanners)',
  params: UnsubscribePathSchema,
  responses: [{ status: 200, description: 'An HTML page' }],
  public: true,
  dynamodb: { actions: ['Query'], indexes: [] },
} as const satisfies ApiRoute;
