// GET /v1/people/history?limit=&cursor=: the tenant's people changes, newest first, for a manager.
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { withPeopleFromEnv } from '../../shared/env/people-on-first-use';
import { peopleHistory } from '../../shared/use-cases/people';
import { getPeopleHistoryRoute } from './routes/get-people-history.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, getPeopleHistoryRoute, async ({ grant, query }) => ({
    status: 200,
    body: await peopleHistory(deps, grant, query.limit, query.cursor),
  }));

export const handler = deployedHandler((deps) => createHandler(withPeopleFromEnv(deps)));
