// POST /v1/customers/{customerId}/payments (PostCasePayment): its line of the route table, on its own so its handler bundles only this route's schemas.
import { CasePaymentSchema } from '../../../shared/schemas/case-payment.schema';
import { CustomerPathSchema } from '../../../shared/schemas/customer.schema';
import { PostPaymentBodySchema } from '../../../shared/schemas/invoice.schema';
import { IDEMPOTENT_WRITE, type ApiRoute } from './api-route';

export const postCasePaymentRoute = {
  id: 'PostCasePayment',
  method: 'POST',
  path: '/v1/customers/{customerId}/payments',
  handler: 'post-case-payment.handler.ts',
  summary:
    "A payment that names no invoice: applied across the customer's open invoices in that currency, oldest due first",
  params: CustomerPathSchema,
  body: PostPaymentBodySchema,
  responses: [
    { status: 201, description: 'Applied; the split over the invoices and any credit', schema: CasePaymentSchema },
    { status: 409, description: 'Nothing is owed in that currency' },
  ],
  idempotent: true,
  // Moves money: a retry without the key could apply it twice.
  requiresIdempotencyKey: true,
  wakesExecutions: true,
  // Reviews the customer's credit hold afterwards (reads its invoices, writes the hold, publishes a change).
  publishesEvents: true,
  roles: ['partner', 'manager'],
  dynamodb: { actions: [...IDEMPOTENT_WRITE, 'GetItem', 'UpdateItem'], indexes: ['gsi1'] },
} as const satisfies ApiRoute;
