// POST /v1/invoices/{invoiceId}/payments: record a payment made outside Arrears.
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import { header } from '../../shared/middleware/api-context';
import { IDEMPOTENCY_HEADER } from '../../shared/middleware/idempotency.middleware';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { recordPayment } from '../../shared/use-cases/invoices';
import { postPaymentRoute } from './routes/post-payment.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, postPaymentRoute, async ({ grant, params, body, event }) => {
    const idempotencyKey = header(event, IDEMPOTENCY_HEADER);
    const { payment, invoice, created } = await recordPayment(deps, grant.tenantId, params.invoiceId, body, {
      ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
      actor: grant.actor,
    });
    return {
      status: created ? 201 : 200,
      body: { ...payment, invoice: { status: invoice.status, balance: invoice.balance } },
    };
  });

export const handler = deployedHandler(createHandler);
