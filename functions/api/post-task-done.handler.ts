// POST /v1/tasks/{taskId}/done: a collector closes a call task by hand.
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { closeTask } from '../../shared/use-cases/tasks';
import { postTaskDoneRoute } from './routes/post-task-done.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, postTaskDoneRoute, async ({ grant, params }) => ({
    status: 200,
    body: await closeTask(deps, grant.tenantId, params.taskId, grant.actor),
  }));

export const handler = deployedHandler(createHandler);
