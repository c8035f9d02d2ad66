// POST /v1/people/{username}/activate (PostPersonActivate): its line of the route table, on its own so its handler bundles only this route's schemas.
import { PersonPathSchema, PersonSchema } from '../../../shared/schemas/person.schema';
import { IDEMPOTENT_WRITE, type ApiRoute } from './api-route';

export const postPersonActivateRoute = {
  id: 'PostPersonActivate',
  method: 'POST',
  path: '/v1/people/{username}/activate',
  handler: 'post-person-activate.handler.ts',
  summary: 'A manager lets a deactivated person sign in again',
  params: PersonPathSchema,
  responses: [
    { status: 200, description: 'Active (also when they already were)', schema: PersonSchema },
    { status: 404, description: 'No such person in this tenant' },
  ],
  idempotent: true,
  roles: ['manager'],
  dynamodb: { actions: IDEMPOTENT_WRITE, indexes: [] },
  managesPeople: ['AdminGetUser', 'AdminListGroupsForUser', 'AdminEnableUser'],
} as const satisfies ApiRoute;
