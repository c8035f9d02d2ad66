// POST /v1/webhooks/generic/{tenantId}: any processor's payments, signed with HMAC-SHA256 over "t.body", each applied once.
import { header } from '../../shared/middleware/api-context';
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { receiveGenericWebhook } from '../../shared/use-cases/generic-webhook';
import { postGenericWebhookRoute } from './routes/post-generic-webhook.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, postGenericWebhookRoute, async ({ params, rawBody, event }) => ({
    status: 200,
    body: await receiveGenericWebhook(deps, params.tenantId, rawBody, header(event, 'arrears-signature')),
  }));

export const handler = deployedHandler(createHandler);
