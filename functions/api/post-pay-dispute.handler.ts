// POST /v1/pay/{token}/dispute: the pay page's dispute form; answers the page again, with the outcome or the reason it was refused.
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { PAGE_HEADERS, refuseForeignForm } from '../../shared/middleware/public-page';
import { payPageAction } from '../../shared/use-cases/pay-page';
import { postPayDisputeRoute } from './routes/post-pay-dispute.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, postPayDisputeRoute, async ({ params, rawBody, event }) => {
    refuseForeignForm(event);
    const { status, html } = await payPageAction(deps, params.token, 'dispute', new URLSearchParams(rawBody));
    return { status, body: html, headers: { ...PAGE_HEADERS }, raw: true };
  });

export const handler = deployedHandler(createHandler);
