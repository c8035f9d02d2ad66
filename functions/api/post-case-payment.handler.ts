// POST /v1/customers/{customerId}/payments: a payment that names no invoice, applied across the case oldest first.
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import { header } from '../../shared/middleware/api-context';
import { IDEMPOTENCY_HEADER } from '../../shared/middleware/idempotency.middleware';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { recordCasePayment } from '../../shared/use-cases/case-payments';
import { postCasePaymentRoute } from './routes/post-case-payment.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, postCasePaymentRoute, async ({ grant, params, body, event }) => {
    const recorded = await recordCasePayment(
      deps,
      grant.tenantId,
      params.customerId,
      body,
      header(event, IDEMPOTENCY_HEADER),
      grant.actor,
    );
    return { status: 201, body: recorded };
  });

export const handler = deployedHandler(createHandler);
