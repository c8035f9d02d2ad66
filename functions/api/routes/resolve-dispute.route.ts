// POST /v1/disputes/{disputeId}/resolve (ResolveDispute): its line of the route table, on its own so its handler bundles only this route's schemas.
import { DisputePathSchema, DisputeSchema, ResolveDisputeBodySchema } from '../../../shared/schemas/dispute.schema';
import { IDEMPOTENT_WRITE, type ApiRoute } from './api-route';

export const resolveDisputeRoute = {
  id: 'ResolveDispute',
  method: 'POST',
  path: '/v1/disputes/{disputeId}/resolve',
  handler: 'resolve-dispute.handler.ts',
  summary:
    "Decide a dispute: accepted (with an optional credit; above the tenant's limit a manager's key, not the opener's) or rejected (escalation resumes)",
  params: DisputePathSchema,
  body: ResolveDisputeBodySchema,
  responses: [
    { status: 200, description: 'The dispute, decided', schema: DisputeSchema },
    { status: 403, description: "The credit needs another key: a manager's, and not the one that opened the dispute" },
    { status: 409, description: 'The dispute was already decided' },
  ],
  idempotent: true,
  // A credit moves money: a retry without the key could apply it twice. A decision without one needs no key.
  requiresIdempotencyKey: (body: unknown) => (body as { adjustment?: unknown } | undefined)?.adjustment !== undefined,
  wakesExecutions: true,
  roles: ['collector', 'manager'],
  // The credit is an adjustment payment on the invoice (a transaction with the invoice); the decision is saved with the case.
  // A credit is money moved: the customer's credit hold is reviewed (its invoices by gsi1, a change published).
  publishesEvents: true,
  dynamodb: { actions: [...IDEMPOTENT_WRITE, 'GetItem', 'UpdateItem'], indexes: ['gsi1'] },
} as const satisfies ApiRoute;
