// GET /v1/people/history (GetPeopleHistory): its line of the route table, on its own so its handler bundles only this route's schemas.
import { PeopleHistoryPageSchema, PeopleHistoryQuerySchema } from '../../../shared/schemas/person.schema';
import type { ApiRoute } from './api-route';

export const getPeopleHistoryRoute = {
  id: 'GetPeopleHistory',
  method: 'GET',
  path: '/v1/people/history',
  handler: 'get-people-history.handler.ts',
  summary: 'Who invited, changed the role of, deactivated or activated whom, and when; newest first',
  query: PeopleHistoryQuerySchema,
  responses: [{ status: 200, description: 'A page of the history', schema: PeopleHistoryPageSchema }],
  roles: ['manager'],
  dynamodb: { actions: ['Query'], indexes: [] },
} as const satisfies ApiRoute;
