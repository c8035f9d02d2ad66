// GET /v1/people (ListPeople): its line of the route table, on its own so its handler bundles only this route's schemas.
import { PeopleListSchema } from '../../../shared/schemas/person.schema';
import { AUTHENTICATED_READ, type ApiRoute } from './api-route';

export const listPeopleRoute = {
  id: 'ListPeople',
  method: 'GET',
  path: '/v1/people',
  handler: 'list-people.handler.ts',
  summary: "A manager lists the tenant's people: username, name, e-mail, role, active or deactivated, since when",
  responses: [{ status: 200, description: "The tenant's people", schema: PeopleListSchema }],
  roles: ['manager'],
  dynamodb: { actions: AUTHENTICATED_READ, indexes: [] },
  managesPeople: ['ListUsersInGroup'],
} as const satisfies ApiRoute;
