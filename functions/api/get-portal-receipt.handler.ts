// GET /portal/{token}/receipt: the receipt after Checkout (HTML in the page's language); changes nothing.
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import { portalResponse } from '../../shared/middleware/portal-page';
import { receiptPage } from '../../shared/use-cases/portal';
import { getPortalReceiptRoute } from './routes/get-portal-receipt.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, getPortalReceiptRoute, async ({ params, query }) =>
    portalResponse(deps, await receiptPage(deps, params.token, query)),
  );

export const handler = deployedHandler(createHandler);
