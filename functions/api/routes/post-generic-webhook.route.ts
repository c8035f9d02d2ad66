// POST /v1/webhooks/generic/{tenantId} (PostGenericWebhook): its line of the route table, on its own so its handler bundles only this route's schemas.
import { WebhookAnswerSchema, WebhookPathSchema } from '../../../shared/schemas/webhook.schema';
import type { ApiRoute } from './api-route';

export const postGenericWebhookRoute = {
  id: 'PostGenericWebhook',
  method: 'POST',
  path: '/v1/webhooks/generic/{tenantId}',
  handler: 'post-generic-webhook.handler.ts',
  summary:
    'Payments, refunds and chargebacks from any processor, signed with HMAC-SHA256 (Arrears-Signature); each event id applied once',
  params: WebhookPathSchema,
  responses: [
    { status: 200, description: 'Received (also for a replay or an unknown invoice)', schema: WebhookAnswerSchema },
    { status: 400, description: 'The signature does not verify, or the body is not an event: nothing was changed' },
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
  dynamodb: { actions: ['GetItem', 'Query', 'PutItem', 'UpdateItem'], indexes: ['gsi1'] },
} as const satisfies ApiRoute;
