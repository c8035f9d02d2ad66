// POST /v1/delinquencies/{delinquencyId}/write-off (PostWriteOff): its line of the route table, on its own so its handler bundles only this route's schemas.
import { CaseStateSchema, WriteOffBodySchema } from '../../../shared/schemas/case-actions.schema';
import { DelinquencyPathSchema } from '../../../shared/schemas/delinquency-view.schema';
import { IDEMPOTENT_WRITE, type ApiRoute } from './api-route';

export const postWriteOffRoute = {
  id: 'PostWriteOff',
  method: 'POST',
  path: '/v1/delinquencies/{delinquencyId}/write-off',
  handler: 'post-write-off.handler.ts',
  summary:
    'A manager writes a case off with a reason: the ladder ends with no further message, the invoice is written off',
  params: DelinquencyPathSchema,
  body: WriteOffBodySchema,
  responses: [
    { status: 200, description: 'The case, written off', schema: CaseStateSchema },
    { status: 409, description: 'The case is closed already (paid, handed off)' },
  ],
  idempotent: true,
  wakesExecutions: true,
  roles: ['manager'],
  // The invoice is marked written off; the ladder's closing event goes out with the case file (its timeline by Query).
  publishesEvents: true,
  dynamodb: { actions: [...IDEMPOTENT_WRITE, 'GetItem', 'UpdateItem'], indexes: [] },
} as const satisfies ApiRoute;
