// POST /v1/delinquencies/{delinquencyId}/promises (PostPromise): its line of the route table, on its own so its handler bundles only this route's schemas.
import { DelinquencyPathSchema } from '../../../shared/schemas/delinquency-view.schema';
import { PaymentPromiseSchema, PostPromiseBodySchema } from '../../../shared/schemas/promise.schema';
import { IDEMPOTENT_WRITE, type ApiRoute } from './api-route';

export const postPromiseRoute = {
  id: 'PostPromise',
  method: 'POST',
  path: '/v1/delinquencies/{delinquencyId}/promises',
  handler: 'post-promise.handler.ts',
  summary: "Record a promise to pay: reminders pause until its date plus the tenant's grace days; payments decide it",
  params: DelinquencyPathSchema,
  body: PostPromiseBodySchema,
  responses: [
    { status: 201, description: 'The promise, open', schema: PaymentPromiseSchema },
    { status: 409, description: 'The delinquency is not active, or a promise is already open' },
  ],
  idempotent: true,
  wakesExecutions: true,
  roles: ['collector', 'manager'],
  // The delinquency, invoice, customer and tenant are read; the promise and delinquency are written together.
  dynamodb: { actions: [...IDEMPOTENT_WRITE, 'GetItem', 'UpdateItem'], indexes: [] },
} as const satisfies ApiRoute;
