// POST /v1/webhooks/stripe/{tenantId} (PostStripeWebhook): its line of the route table, on its own so its handler bundles only this route's schemas.
import { WebhookAnswerSchema, WebhookPathSchema } from '../../../shared/schemas/webhook.schema';
import type { ApiRoute } from './api-route';

export const postStripeWebhookRoute = {
  id: 'PostStripeWebhook',
  method: 'POST',
  path: '/v1/webhooks/stripe/{tenantId}',
  handler: 'post-stripe-webhook.handler.ts',
  summary: "Stripe events, verified with the tenant's signing secret on the raw body; each event id is applied once",
  params: WebhookPathSchema,
  responses: [
    {
      status: 200,
      description: 'Received (also for a replay, an unknown invoice or an event type Arrears does not act on)',
      schema: WebhookAnswerSchema,
    },
    { status: 400, description: 'The signature does not verify (or is too old): nothing was changed' },
    { status: 404, description: 'No webhook endpoint for that tenant' },
    {
      status: 409,
      description: 'Another delivery of this event is being handled right now: retry later (the provider does)',
    },
  ],
  public: true,
  startsExecutions: true,
  readsWebhookSecrets: true,
  wakesExecutions: true,
  // What money moving owes: the customer's credit hold reviewed (its invoices by gsi1, a change published).
  publishesEvents: true,
  // The event record, the payment or refund transaction with its invoice, the delinquency it wakes or reopens.
  dynamodb: { actions: ['GetItem', 'Query', 'PutItem', 'UpdateItem'], indexes: ['gsi1'] },
} as const satisfies ApiRoute;
