// POST /v1/people/{username}/deactivate (PostPersonDeactivate): its line of the route table, on its own so its handler bundles only this route's schemas.
import { PersonPathSchema, PersonSchema } from '../../../shared/schemas/person.schema';
import { IDEMPOTENT_WRITE, type ApiRoute } from './api-route';

export const postPersonDeactivateRoute = {
  id: 'PostPersonDeactivate',
  method: 'POST',
  path: '/v1/people/{username}/deactivate',
  handler: 'post-person-deactivate.handler.ts',
  summary:
    'A manager deactivates a person: refused from their next call, unable to sign in, signed out everywhere (not oneself)',
  params: PersonPathSchema,
  responses: [
    { status: 200, description: 'Deactivated (also when they already were)', schema: PersonSchema },
    { status: 404, description: 'No such person in this tenant' },
    { status: 409, description: 'A manager cannot deactivate themselves (own-account)' },
  ],
  idempotent: true,
  roles: ['manager'],
  dynamodb: { actions: IDEMPOTENT_WRITE, indexes: [] },
  managesPeople: ['AdminGetUser', 'AdminListGroupsForUser', 'AdminDisableUser', 'AdminUserGlobalSignOut'],
} as const satisfies ApiRoute;
