// GET /v1/pay/{token}: the customer's pay page (HTML, in their language); changes nothing.
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { payPage } from '../../shared/use-cases/pay-page';
import { getPayPageRoute } from './routes/get-pay-page.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, getPayPageRoute, async ({ params }) => ({
    status: 200,
    body: await payPage(deps, params.token),
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
    raw: true,
  }));

export const handler = deployedHandler(createHandler);
