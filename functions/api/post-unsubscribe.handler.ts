// POST /v1/unsubscribe/{token}: the one-click unsubscribe of a reminder email; honoured at once.
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { FORM_CONTENT_TYPE, refuseForeignForm } from '../../shared/middleware/public-page';
import { unsubscribe } from '../../shared/use-cases/unsubscribe';
import { postUnsubscribeRoute } from './routes/post-unsubscribe.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, postUnsubscribeRoute, async ({ params, event }) => {
    // The page's own button posts a form; a mail provider's one-click POST (RFC 8058) may be multipart instead.
    refuseForeignForm(event, [FORM_CONTENT_TYPE, 'multipart/form-data']);
    const { channel, confirmationSent } = await unsubscribe(deps, params.token);
    // The address is not echoed: whoever holds a forwarded link learns nothing from the answer.
    return { status: 200, body: { channel, unsubscribed: true, confirmationSent } };
  });

export const handler = deployedHandler(createHandler);
