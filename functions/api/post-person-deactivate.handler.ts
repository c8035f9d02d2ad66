// POST /v1/people/{username}/deactivate: a manager withdraws a person's access, at once.
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { withPeopleFromEnv } from '../../shared/env/people-on-first-use';
import { setPersonStatus } from '../../shared/use-cases/people';
import { postPersonDeactivateRoute } from './routes/post-person-deactivate.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, postPersonDeactivateRoute, async ({ grant, params }) => ({
    status: 200,
    body: await setPersonStatus(deps, grant, params.username, 'deactivated'),
  }));

export const handler = deployedHandler((deps) => createHandler(withPeopleFromEnv(deps)));
