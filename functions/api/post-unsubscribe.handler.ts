// POST /v1/unsubscribe/{token}: the one-click unsubscribe of a reminder email; honoured at once.
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { unsubscribe } from '../../shared/use-cases/unsubscribe';
import { postUnsubscribeRoute } from './routes/post-unsubscribe.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, postUnsubscribeRoute, async ({ params }) => {
    const { channel, address, confirmationSent } = await unsubscribe(deps, params.token);
    return { status: 200, body: { channel, address, unsubscribed: true, confirmationSent } };
  });

export const handler = deployedHandler(createHandler);
