// What every provider webhook does the same way: find the tenant's secret, verify the signature on the raw body, then
// handle each event id once (a leased record) and acknowledge what came of it, also when nothing could be done.
import { ConflictError, NotFoundError, ValidationError } from '../errors/errors';
import type { WebhookProvider, WebhookSecrets } from '../ports/webhook-secrets.port';
import { verifySignatureHeader } from '../webhooks/signature';
import { settledRefusal, type Outcome, type ProviderDeps } from './provider-payments';

export interface WebhookDeps extends ProviderDeps {
  webhookSecrets: WebhookSecrets;
  /** The real time in seconds: signatures are checked against it even when the system runs on a virtual clock. */
  wallClockSeconds: () => number;
}

export interface WebhookAnswer {
  received: true;
  eventId: string;
  /** 'processing' is no longer answered: a delivery racing its twin gets 409 so the provider retries. */
  outcome: Outcome['status'] | 'processing';
  /** True when this event id had already been handled: nothing was done again. */
  replayed: boolean;
}

/** Longer than any one attempt can take (the function times out first); after it a stuck event is taken over. */
const EVENT_LEASE_MS = 60_000;

export interface WebhookScheme<E extends { id: string; type: string }> {
  provider: WebhookProvider;
  /** The header carrying "t=<seconds>,v1=<hex>", as named in problem details. */
  signatureHeader: string;
  /** Reads a verified body as an event; null when it is not one. */
  parse(json: unknown): E | null;
  /** Does the event's work. Errors a retry could fix are thrown (the provider retries); settled refusals are returned. */
  dispatch(deps: WebhookDeps, tenantId: string, event: E): Promise<Outcome>;
}

export const receiveWebhook = async <E extends { id: string; type: string }>(
  deps: WebhookDeps,
  scheme: WebhookScheme<E>,
  tenantId: string,
  rawBody: string,
  signature: string | undefined,
): Promise<WebhookAnswer> => {
  const secret = await deps.webhookSecrets.secretFor(tenantId, scheme.provider);
  // A tenant without a secret looks like no endpoint at all: nothing to learn by probing tenant ids.
  if (!secret) throw new NotFoundError('no such webhook endpoint');
  const check = verifySignatureHeader(rawBody, signature, secret, deps.wallClockSeconds());
  if (!check.valid) {
    throw new ValidationError(
      `the webhook signature does not verify: ${check.reason}`,
      [{ path: `header.${scheme.signatureHeader}`, message: check.reason }],
      {
        code: 'invalid-signature',
      },
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    throw new ValidationError('the event is not JSON', [{ path: '(body)', message: 'not JSON' }], {
      code: 'malformed-json',
    });
  }
  const event = scheme.parse(json);
  if (!event)
    throw new ValidationError('the body is not an event this endpoint knows', [
      { path: '(body)', message: `not a ${scheme.provider} event` },
    ]);
  const now = deps.clock.now();
  const begun = await deps.webhookEvents.begin(tenantId, {
    provider: scheme.provider,
    eventId: event.id,
    type: event.type,
    status: 'received',
    receivedAt: now.toISOString(),
    leaseUntil: new Date(now.getTime() + EVENT_LEASE_MS).toISOString(),
  });
  if (!begun.fresh) {
    // A delivery whose twin is still working must not be acknowledged: if the twin dies (a timeout), a 2xx here would
    // end the provider's retries and the event would never be applied. The provider retries; after the lease, that
    // retry takes the event over and finishes it.
    if (begun.record.status === 'received') {
      throw new ConflictError(
        'another delivery of this event is being handled right now; retry later',
        'event-in-progress',
        { eventId: event.id },
      );
    }
    return { received: true, eventId: event.id, outcome: begun.record.status, replayed: true };
  }
  let outcome: Outcome;
  try {
    outcome = await scheme.dispatch(deps, tenantId, event);
  } catch (error) {
    const refusal = settledRefusal(error);
    if (!refusal) throw error;
    outcome = refusal;
  }
  await deps.webhookEvents.finish(
    tenantId,
    scheme.provider,
    event.id,
    outcome.status,
    outcome.detail,
    deps.clock.now().toISOString(),
  );
  return { received: true, eventId: event.id, outcome: outcome.status, replayed: false };
};
