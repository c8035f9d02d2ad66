// POST /v1/tasks/{taskId}/done (PostTaskDone): its line of the route table, on its own so its handler bundles only this route's schemas.
import { CollectorTaskSchema, TaskPathSchema } from '../../../shared/schemas/task.schema';
import { AUTHENTICATED_READ, type ApiRoute } from './api-route';

export const postTaskDoneRoute = {
  id: 'PostTaskDone',
  method: 'POST',
  path: '/v1/tasks/{taskId}/done',
  handler: 'post-task-done.handler.ts',
  summary:
    'A collector closes a call task by hand: it leaves the open list (a task already done answers as it was closed)',
  params: TaskPathSchema,
  responses: [
    { status: 200, description: 'The task, done', schema: CollectorTaskSchema },
    { status: 404, description: 'No such task for this tenant' },
  ],
  roles: ['collector', 'manager'],
  // The task's pointer and the task (GetItem), then the task marked done (UpdateItem).
  dynamodb: { actions: [...AUTHENTICATED_READ, 'GetItem', 'UpdateItem'], indexes: [] },
} as const satisfies ApiRoute;
