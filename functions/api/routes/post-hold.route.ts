// POST /v1/delinquencies/{delinquencyId}/hold (PostHold): its line of the route table, on its own so its handler bundles only this route's schemas.
import { CaseStateSchema, HoldBodySchema } from '../../../shared/schemas/case-actions.schema';
import { DelinquencyPathSchema } from '../../../shared/schemas/delinquency-view.schema';
import { IDEMPOTENT_WRITE, type ApiRoute } from './api-route';

export const postHoldRoute = {
  id: 'PostHold',
  method: 'POST',
  path: '/v1/delinquencies/{delinquencyId}/hold',
  handler: 'post-hold.handler.ts',
  summary:
    "Put a case on hold with a reason: no reminder or step until released, or until a date in the customer's zone",
  params: DelinquencyPathSchema,
  body: HoldBodySchema,
  responses: [
    { status: 200, description: 'The case, on hold', schema: CaseStateSchema },
    { status: 409, description: 'The case is not escalating (closed, or paused by a promise, plan or dispute)' },
  ],
  idempotent: true,
  wakesExecutions: true,
  roles: ['collector', 'manager'],
  // The case, its customer and the tenant are read; the case is saved with its timeline entry.
  dynamodb: { actions: [...IDEMPOTENT_WRITE, 'GetItem', 'UpdateItem'], indexes: [] },
} as const satisfies ApiRoute;
