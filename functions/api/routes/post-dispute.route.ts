// POST /v1/delinquencies/{delinquencyId}/disputes (PostDispute): its line of the route table, on its own so its handler bundles only this route's schemas.
import { DelinquencyPathSchema } from '../../../shared/schemas/delinquency-view.schema';
import { DisputeSchema, PostDisputeBodySchema } from '../../../shared/schemas/dispute.schema';
import { IDEMPOTENT_WRITE, type ApiRoute } from './api-route';

export const postDisputeRoute = {
  id: 'PostDispute',
  method: 'POST',
  path: '/v1/delinquencies/{delinquencyId}/disputes',
  handler: 'post-dispute.handler.ts',
  summary: 'Open a dispute: escalation pauses until it is decided',
  params: DelinquencyPathSchema,
  body: PostDisputeBodySchema,
  responses: [
    { status: 201, description: 'The dispute, open', schema: DisputeSchema },
    { status: 409, description: 'A dispute is already open, or the case was handed off or written off' },
  ],
  idempotent: true,
  wakesExecutions: true,
  roles: ['collector', 'manager'],
  dynamodb: { actions: [...IDEMPOTENT_WRITE, 'GetItem', 'UpdateItem'], indexes: [] },
} as const satisfies ApiRoute;
