// GET /v1/pay/{token}: the customer's pay page (HTML, in their language); changes nothing.
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { PAGE_HEADERS } from '../../shared/middleware/public-page';
import { payPage } from '../../shared/use-cases/pay-page';
import { getPayPageRoute } from './routes/get-pay-page.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, getPayPageRoute, async ({ params }) => {
    const { status, html } = await payPage(deps, params.token);
    return { status, body: html, headers: { ...PAGE_HEADERS }, raw: true };
  });

export const handler = deployedHandler(createHandler);
