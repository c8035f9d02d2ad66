// GET /v1/tasks: the collectors' open tasks (calls to make), oldest due first, a page at a time.
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { listTasksRoute } from './routes/list-tasks.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, listTasksRoute, async ({ grant, query }) => ({
    status: 200,
    body: await deps.tasks.listOpen(grant.tenantId, query.limit, query.cursor),
  }));

export const handler = deployedHandler(createHandler);
