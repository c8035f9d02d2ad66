// GET /v1/invoices/{invoiceId} (GetInvoice): its line of the route table, on its own so its handler bundles only this route's schemas.
import { InvoicePathSchema, InvoiceResponseSchema } from '../../../shared/schemas/invoice.schema';
import { AUTHENTICATED_READ, type ApiRoute } from './api-route';

export const getInvoiceRoute = {
  id: 'GetInvoice',
  method: 'GET',
  path: '/v1/invoices/{invoiceId}',
  handler: 'get-invoice.handler.ts',
  summary: 'Read an invoice with its balance, charges and payments',
  params: InvoicePathSchema,
  responses: [{ status: 200, description: 'The invoice', schema: InvoiceResponseSchema }],
  roles: ['partner', 'collector', 'manager'],
  // Interest needs the customer (zone, kind) and the strategy; the default strategy is stored on first use.
  dynamodb: { actions: [...AUTHENTICATED_READ, 'GetItem', 'PutItem'], indexes: [] },
} as const satisfies ApiRoute;
