// POST /v1/people (PostPerson): its line of the route table, on its own so its handler bundles only this route's schemas.
import { InvitePersonBodySchema, PersonSchema } from '../../../shared/schemas/person.schema';
import { IDEMPOTENT_WRITE, type ApiRoute } from './api-route';

export const postPersonRoute = {
  id: 'PostPerson',
  method: 'POST',
  path: '/v1/people',
  handler: 'post-person.handler.ts',
  summary:
    'A manager invites a person (e-mail, name, role): the pool e-mails them a temporary password; recorded in the people history',
  body: InvitePersonBodySchema,
  responses: [
    { status: 201, description: 'Invited', schema: PersonSchema },
    { status: 409, description: 'The username or e-mail is already in use (person-exists)' },
  ],
  idempotent: true,
  roles: ['manager'],
  // The person's access and its history entry are written in one transaction (two Puts).
  dynamodb: { actions: IDEMPOTENT_WRITE, indexes: [] },
  managesPeople: ['AdminCreateUser', 'AdminAddUserToGroup'],
} as const satisfies ApiRoute;
