// GET /v1/tasks (ListTasks): its line of the route table, on its own so its handler bundles only this route's schemas.
import { TaskListQuerySchema, TaskPageSchema } from '../../../shared/schemas/task.schema';
import type { ApiRoute } from './api-route';

export const listTasksRoute = {
  id: 'ListTasks',
  method: 'GET',
  path: '/v1/tasks',
  handler: 'list-tasks.handler.ts',
  summary: "The collectors' open tasks (calls the ladder asked for), oldest due first, with cursor pagination",
  query: TaskListQuerySchema,
  responses: [{ status: 200, description: 'A page of open tasks', schema: TaskPageSchema }],
  roles: ['collector', 'manager'],
  dynamodb: { actions: ['Query', 'GetItem'], indexes: ['gsi3'] },
} as const satisfies ApiRoute;
