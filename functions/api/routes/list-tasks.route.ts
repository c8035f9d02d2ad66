// GET /v1/tasks (ListTasks): its line of the route table, on its own so its handler bundles only this route's schemas.
import { TaskListQuerySchema, TaskPageSchema } from '../../../shared/schemas/task.schema';
import type { ApiRoute } from './api-route';

export const listTasksRoute = {
  id: 'ListTasks',
  method: 'GET',
  path: '/v1/tasks',
  handler: 'list-tasks.handler.ts',
  summary:
    "Open tasks (ladder calls, follow-ups), oldest due first: the team's or one person's (assignee=me); overdue, due today or upcoming in the reader's zone",
  query: TaskListQuerySchema,
  responses: [{ status: 200, description: 'A page of open tasks', schema: TaskPageSchema }],
  roles: ['collector', 'manager'],
  // The team's list through gsi3, one person's through gsi4; the tenant's zone (GetItem) when the reader gives none.
  dynamodb: { actions: ['Query', 'GetItem'], indexes: ['gsi3', 'gsi4'] },
} as const satisfies ApiRoute;
