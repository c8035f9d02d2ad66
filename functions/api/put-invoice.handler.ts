// PUT /v1/invoices/{invoiceId}: create or replace an invoice.
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { putInvoice } from '../../shared/use-cases/invoices';
import { reviewCreditOf } from '../../shared/use-cases/credit';
import { putInvoiceRoute } from './routes/put-invoice.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, putInvoiceRoute, async ({ grant, params, body }) => {
    const { invoice, created } = await putInvoice(deps, grant.tenantId, params.invoiceId, body, grant.actor);
    await reviewCreditOf(deps, grant.tenantId, invoice.customerId, invoice.dueDate);
    return { status: created ? 201 : 200, body: invoice };
  });

export const handler = deployedHandler(createHandler);
