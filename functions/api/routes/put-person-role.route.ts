// PUT /v1/people/{username}/role (ChangeRoleOfPerson): its line of the route table, on its own so its handler bundles only this route's schemas.
import { PersonPathSchema, PersonSchema, PutPersonRoleBodySchema } from '../../../shared/schemas/person.schema';
import { IDEMPOTENT_WRITE, type ApiRoute } from './api-route';

export const putPersonRoleRoute = {
  id: 'ChangeRoleOfPerson',
  method: 'PUT',
  path: '/v1/people/{username}/role',
  handler: 'put-person-role.handler.ts',
  summary:
    "A manager moves a person to another role; their earlier tokens are refused from the next call, so they sign in again with it (not one's own)",
  params: PersonPathSchema,
  body: PutPersonRoleBodySchema,
  responses: [
    { status: 200, description: 'The person in their new role', schema: PersonSchema },
    { status: 404, description: 'No such person in this tenant' },
    { status: 409, description: 'A manager cannot change their own role (own-role)' },
  ],
  idempotent: true,
  roles: ['manager'],
  dynamodb: { actions: IDEMPOTENT_WRITE, indexes: [] },
  managesPeople: ['AdminGetUser', 'AdminListGroupsForUser', 'AdminAddUserToGroup', 'AdminRemoveUserFromGroup'],
} as const satisfies ApiRoute;
