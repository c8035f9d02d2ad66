// What every provider webhook does the same way: find the tenant's secret, verify the signature on the raw body, then
// handle each event id once and acknowledge what came of it, also when nothing could be done. A payment records its
// event in its own transaction; other work (refunds, chargebacks) holds a leased record while it runs.
import { ConflictError, NotFoundError, ValidationError } from '../errors/errors';
import type { WebhookProvider, WebhookSecrets } from '../ports/webhook-secrets.port';
import { verifySignatureHeader } from '../webhooks/signature';
import {
  receiveProviderPayment,
  recordOutcome,
  settledRefusal,
  type EventReceipt,
  type Outcome,
  type ProviderDeps,
  type ProviderPayment,
  type ReceivedOutcome,
} from './provider-payments';

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
  /** What the event asks for. Errors a retry could fix are thrown (the provider retries); settled refusals returned. */
  route(event: E): WebhookWork;
}

/**
 * A payment (applied with its event's record in one transaction), other work (run under a leased record), or an
 * outcome known without any work (an event type Arrears does not act on, a payment naming no invoice).
 */
export type WebhookWork =
  | { kind: 'payment'; payment: ProviderPayment }
  | { kind: 'work'; run: (deps: WebhookDeps, tenantId: string) => Promise<Outcome> }
  | { kind: 'settled'; outcome: Outcome };

/** An outcome known without work. */
export const settled = (status: Outcome['status'], detail: string): WebhookWork => ({
  kind: 'settled',
  outcome: { status, detail },
});

/** Work run under the event's lease. */
export const work = (run: (deps: WebhookDeps, tenantId: string) => Promise<Outcome>): WebhookWork => ({
  kind: 'work',
  run,
});

const inProgress = (eventId: string) =>
  // A delivery whose twin is still working must not be acknowledged: if the twin dies (a timeout), a 2xx here would
  // end the provider's retries and the event would never be applied. The provider retries; after the lease, that
  // retry takes the event over and finishes it.
  new ConflictError('another delivery of this event is being handled right now; retry later', 'event-in-progress', {
    eventId,
  });

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
  const receipt: EventReceipt = {
    provider: scheme.provider,
    eventId: event.id,
    type: event.type,
    receivedAt: deps.clock.now().toISOString(),
  };
  let work: WebhookWork;
  try {
    work = scheme.route(event);
  } catch (error) {
    const refusal = settledRefusal(error);
    if (!refusal) throw error;
    work = { kind: 'settled', outcome: refusal };
  }
  const received =
    work.kind === 'payment'
      ? await receiveProviderPayment(deps, tenantId, work.payment, receipt)
      : work.kind === 'settled'
        ? await recordOutcome(deps, tenantId, receipt, work.outcome)
        : await leased(deps, tenantId, receipt, work.run);
  if ('inProgress' in received) throw inProgress(event.id);
  return { received: true, eventId: event.id, outcome: received.status, replayed: received.replayed };
};

/** Runs work that writes more than one transaction under a leased record of the event, finished when it is done. */
const leased = async (
  deps: WebhookDeps,
  tenantId: string,
  receipt: EventReceipt,
  run: (deps: WebhookDeps, tenantId: string) => Promise<Outcome>,
): Promise<ReceivedOutcome | { inProgress: true }> => {
  const begun = await deps.webhookEvents.begin(tenantId, {
    ...receipt,
    status: 'received',
    leaseUntil: new Date(Date.parse(receipt.receivedAt) + EVENT_LEASE_MS).toISOString(),
  });
  if (!begun.fresh) {
    if (begun.record.status === 'received') return { inProgress: true };
    return { status: begun.record.status, detail: begun.record.detail ?? '', replayed: true };
  }
  let outcome: Outcome;
  try {
    outcome = await run(deps, tenantId);
  } catch (error) {
    const refusal = settledRefusal(error);
    if (!refusal) throw error;
    outcome = refusal;
  }
  await deps.webhookEvents.finish(
    tenantId,
    receipt.provider,
    receipt.eventId,
    outcome.status,
    outcome.detail,
    deps.clock.now().toISOString(),
  );
  return { ...outcome, replayed: false };
};
