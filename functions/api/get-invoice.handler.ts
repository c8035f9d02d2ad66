// GET /v1/invoices/{invoiceId}: the invoice with status, balance, charges and payments.
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { getInvoice } from '../../shared/use-cases/invoices';
import { getInvoiceRoute } from './routes/get-invoice.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, getInvoiceRoute, async ({ grant, params }) => ({
    status: 200,
    body: await getInvoice(deps, grant.tenantId, params.invoiceId),
  }));

export const handler = deployedHandler(createHandler);
