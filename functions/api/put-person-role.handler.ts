// PUT /v1/people/{username}/role: a manager moves a person to another role.
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { withPeopleFromEnv } from '../../shared/env/people-on-first-use';
import { changeRole } from '../../shared/use-cases/people';
import { putPersonRoleRoute } from './routes/put-person-role.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, putPersonRoleRoute, async ({ grant, params, body }) => ({
    status: 200,
    body: await changeRole(deps, grant, params.username, body.role),
  }));

export const handler = deployedHandler((deps) => createHandler(withPeopleFromEnv(deps)));
