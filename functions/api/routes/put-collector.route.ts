// PUT /v1/collectors/{collectorId} (PutCollector): its line of the route table, on its own so its handler bundles only this route's schemas.
import { CollectorPathSchema, CollectorSchema, PutCollectorBodySchema } from '../../../shared/schemas/collector.schema';
import { IDEMPOTENT_WRITE, type ApiRoute } from './api-route';

export const putCollectorRoute = {
  id: 'PutCollector',
  method: 'PUT',
  path: '/v1/collectors/{collectorId}',
  handler: 'put-collector.handler.ts',
  summary: 'A manager registers or changes a collector: name, capacity for automatic assignment, active',
  params: CollectorPathSchema,
  body: PutCollectorBodySchema,
  responses: [
    { status: 201, description: 'Registered', schema: CollectorSchema },
    { status: 200, description: 'Changed', schema: CollectorSchema },
  ],
  idempotent: true,
  roles: ['manager'],
  dynamodb: { actions: [...IDEMPOTENT_WRITE, 'UpdateItem'], indexes: [] },
} as const satisfies ApiRoute;
