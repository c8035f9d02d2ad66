// POST /v1/people: a manager invites a person into the tenant in a role.
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { withPeopleFromEnv } from '../../shared/env/people-on-first-use';
import { invitePerson } from '../../shared/use-cases/people';
import { postPersonRoute } from './routes/post-person.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, postPersonRoute, async ({ grant, body }) => ({
    status: 201,
    body: await invitePerson(deps, grant, body),
  }));

export const handler = deployedHandler((deps) => createHandler(withPeopleFromEnv(deps)));
