// GET /v1/tasks: open tasks (the team's or one person's, all, overdue or due today), oldest due first, a page at a time.
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { listTasks } from '../../shared/use-cases/tasks';
import { listTasksRoute } from './routes/list-tasks.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, listTasksRoute, async ({ grant, query }) => ({
    status: 200,
    body: await listTasks(deps, grant, query),
  }));

export const handler = deployedHandler(createHandler);
