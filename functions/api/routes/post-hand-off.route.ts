// POST /v1/delinquencies/{delinquencyId}/hand-off (PostHandOff): its line of the route table, on its own so its handler bundles only this route's schemas.
import { CaseStateSchema, HandOffBodySchema } from '../../../shared/schemas/case-actions.schema';
import { DelinquencyPathSchema } from '../../../shared/schemas/delinquency-view.schema';
import { IDEMPOTENT_WRITE, type ApiRoute } from './api-route';

export const postHandOffRoute = {
  id: 'PostHandOff',
  method: 'POST',
  path: '/v1/delinquencies/{delinquencyId}/hand-off',
  handler: 'post-hand-off.handler.ts',
  summary:
    'A manager hands a case to a collection agency with a reason: the ladder ends with no further message; the case file goes out as an event',
  params: DelinquencyPathSchema,
  body: HandOffBodySchema,
  responses: [
    { status: 200, description: 'The case, handed off', schema: CaseStateSchema },
    { status: 409, description: 'The case is closed already (paid, written off)' },
  ],
  idempotent: true,
  wakesExecutions: true,
  roles: ['manager'],
  // The ladder's closing event goes out with the case file (its timeline by Query).
  publishesEvents: true,
  dynamodb: { actions: [...IDEMPOTENT_WRITE, 'GetItem', 'UpdateItem'], indexes: [] },
} as const satisfies ApiRoute;
