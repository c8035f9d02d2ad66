// POST /v1/invoices/{invoiceId}/payments (PostPayment): its line of the route table, on its own so its handler bundles only this route's schemas.
import {
  InvoicePathSchema,
  PaymentResponseSchema,
  PostPaymentBodySchema,
} from '../../../shared/schemas/invoice.schema';
import { IDEMPOTENT_WRITE, type ApiRoute } from './api-route';

export const postPaymentRoute = {
  id: 'PostPayment',
  method: 'POST',
  path: '/v1/invoices/{invoiceId}/payments',
  handler: 'post-payment.handler.ts',
  summary: 'Record a payment made elsewhere',
  params: InvoicePathSchema,
  body: PostPaymentBodySchema,
  responses: [
    { status: 201, description: 'Recorded', schema: PaymentResponseSchema },
    { status: 200, description: 'This payment was already recorded', schema: PaymentResponseSchema },
  ],
  idempotent: true,
  // Moves money: a retry without the key could apply it twice.
  requiresIdempotencyKey: true,
  // Interest needs the customer and strategy; a payment bumps the delinquency's facts (UpdateItem) and wakes it.
  // Reviews the customer's credit hold afterwards (reads its invoices, writes the hold, publishes a change).
  publishesEvents: true,
  roles: ['partner', 'manager'],
  dynamodb: { actions: [...IDEMPOTENT_WRITE, 'GetItem', 'UpdateItem'], indexes: ['gsi1'] },
  wakesExecutions: true,
} as const satisfies ApiRoute;
