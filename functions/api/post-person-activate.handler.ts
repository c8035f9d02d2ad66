// POST /v1/people/{username}/activate: a manager lets a deactivated person sign in again.
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { withPeopleFromEnv } from '../../shared/env/people-on-first-use';
import { setPersonStatus } from '../../shared/use-cases/people';
import { postPersonActivateRoute } from './routes/post-person-activate.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, postPersonActivateRoute, async ({ grant, params }) => ({
    status: 200,
    body: await setPersonStatus(deps, grant, params.username, 'active'),
  }));

export const handler = deployedHandler((deps) => createHandler(withPeopleFromEnv(deps)));
