// POST /v1/webhooks/stripe/{tenantId}: Stripe's events, signature-checked on the raw body, each applied once.
import { header } from '../../shared/middleware/api-context';
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { receiveStripeWebhook } from '../../shared/use-cases/stripe-webhook';
import { postStripeWebhookRoute } from './routes/post-stripe-webhook.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, postStripeWebhookRoute, async ({ params, rawBody, event }) => ({
    status: 200,
    body: await receiveStripeWebhook(deps, params.tenantId, rawBody, header(event, 'stripe-signature')),
  }));

export const handler = deployedHandler(createHandler);
