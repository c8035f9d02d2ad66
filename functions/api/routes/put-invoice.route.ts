// PUT /v1/invoices/{invoiceId} (PutInvoice): its line of the route table, on its own so its handler bundles only this route's schemas.
import { InvoicePathSchema, InvoiceResponseSchema, PutInvoiceBodySchema } from '../../../shared/schemas/invoice.schema';
import { IDEMPOTENT_WRITE, type ApiRoute } from './api-route';

export const putInvoiceRoute = {
  id: 'PutInvoice',
  method: 'PUT',
  path: '/v1/invoices/{invoiceId}',
  handler: 'put-invoice.handler.ts',
  summary: 'Create or replace an invoice',
  params: InvoicePathSchema,
  body: PutInvoiceBodySchema,
  responses: [
    { status: 201, description: 'Created', schema: InvoiceResponseSchema },
    { status: 200, description: 'Replaced', schema: InvoiceResponseSchema },
  ],
  idempotent: true,
  // The invoice is written with its report counters (UpdateItem adds to them) in one transaction.
  // Reviews the customer's credit hold afterwards (reads its invoices, writes the hold, publishes a change).
  publishesEvents: true,
  roles: ['partner', 'manager'],
  dynamodb: { actions: [...IDEMPOTENT_WRITE, 'GetItem', 'UpdateItem'], indexes: ['gsi1'] },
} as const satisfies ApiRoute;
