// GET /v1/people: the tenant's people, for a manager.
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { withPeopleFromEnv } from '../../shared/env/people-on-first-use';
import { listPeople } from '../../shared/use-cases/people';
import { listPeopleRoute } from './routes/list-people.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, listPeopleRoute, async ({ grant }) => ({ status: 200, body: await listPeople(deps, grant) }));

export const handler = deployedHandler((deps) => createHandler(withPeopleFromEnv(deps)));
