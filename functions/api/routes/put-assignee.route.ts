// PUT /v1/delinquencies/{delinquencyId}/assignee (PutAssignee): its line of the route table, on its own so its handler bundles only this route's schemas.
import { PutAssigneeBodySchema } from '../../../shared/schemas/collector.schema';
import { DelinquencyPathSchema } from '../../../shared/schemas/delinquency-view.schema';
import { QueueItemSchema } from '../../../shared/schemas/queue.schema';
import { IDEMPOTENT_WRITE, type ApiRoute } from './api-route';

export const putAssigneeRoute = {
  id: 'PutAssignee',
  method: 'PUT',
  path: '/v1/delinquencies/{delinquencyId}/assignee',
  handler: 'put-assignee.handler.ts',
  summary: "A manager gives a delinquency to a collector (or to no one); the collectors' loads move with it",
  params: DelinquencyPathSchema,
  body: PutAssigneeBodySchema,
  responses: [{ status: 200, description: 'The delinquency as the queue shows it', schema: QueueItemSchema }],
  idempotent: true,
  roles: ['manager'],
  dynamodb: { actions: [...IDEMPOTENT_WRITE, 'GetItem', 'UpdateItem'], indexes: [] },
} as const satisfies ApiRoute;
