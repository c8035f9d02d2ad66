// POST /v1/delinquencies/{delinquencyId}/payment-plan (PostPaymentPlan): its line of the route table, on its own so its handler bundles only this route's schemas.
import { DelinquencyPathSchema } from '../../../shared/schemas/delinquency-view.schema';
import { PaymentPlanSchema, PostPlanBodySchema } from '../../../shared/schemas/plan.schema';
import { IDEMPOTENT_WRITE, type ApiRoute } from './api-route';

export const postPaymentPlanRoute = {
  id: 'PostPaymentPlan',
  method: 'POST',
  path: '/v1/delinquencies/{delinquencyId}/payment-plan',
  handler: 'post-payment-plan.handler.ts',
  summary: 'Agree a payment plan: instalments summing to the balance, optionally collected from a saved payment method',
  params: DelinquencyPathSchema,
  body: PostPlanBodySchema,
  responses: [
    { status: 201, description: 'The plan, active', schema: PaymentPlanSchema },
    { status: 409, description: 'A promise, plan or dispute is open, or the case is closed' },
  ],
  idempotent: true,
  wakesExecutions: true,
  roles: ['collector', 'manager'],
  dynamodb: { actions: [...IDEMPOTENT_WRITE, 'GetItem', 'UpdateItem'], indexes: [] },
} as const satisfies ApiRoute;
