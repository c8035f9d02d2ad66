// Idempotency-Key on writes: the first answer is stored and replayed; a concurrent duplicate is refused, not re-run.
import type { MiddlewareObj } from '@middy/core';
import { sha256Hex } from '../domain/ids';
import { ConflictError, PreconditionRequiredError, ValidationError } from '../errors/errors';
import type { Clock } from '../ports/clock.port';
import type { IdempotencyClaim, IdempotencyStore } from '../ports/idempotency-store.port';
import { header, type ApiContext, type ApiEvent, type ApiResponse } from './api-context';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

export interface IdempotencySettings {
  store: IdempotencyStore;
  clock: Clock;
  /** How long a finished answer is replayed (default 24 h, as payment providers do). */
  retentionSeconds?: number;
  /** How long an unfinished request blocks its key if it died mid-way (above the function timeout). */
  inProgressSeconds?: number;
  /** Requests that move money: without a key they are refused (428), all of them or those whose body passes the test. */
  required?: true | ((body: unknown) => boolean);
}

const keyRequired = (settings: IdempotencySettings, body: unknown): boolean =>
  settings.required === true || (typeof settings.required === 'function' && settings.required(body));

interface IdempotencyState {
  claim?: IdempotencyClaim;
}

export const idempotency = (
  settings: IdempotencySettings,
): MiddlewareObj<ApiEvent, ApiResponse, Error, ApiContext & { idempotency?: IdempotencyState }> => ({
  before: async (request) => {
    const key = header(request.event, IDEMPOTENCY_HEADER);
    if (key === undefined) {
      if (!keyRequired(settings, request.context.input?.body)) return undefined;
      throw new PreconditionRequiredError(
        `this request moves money: send an ${IDEMPOTENCY_HEADER} header (a unique value per payment, the same on every retry) so a retry is never applied twice`,
        'idempotency-key-required',
        [{ path: `header.${IDEMPOTENCY_HEADER}`, message: 'is required on this request' }],
      );
    }
    if (!KEY_PATTERN.test(key)) {
      throw new ValidationError('the Idempotency-Key header is malformed', [
        { path: `header.${IDEMPOTENCY_HEADER}`, message: 'must be 1-255 visible ASCII characters' },
      ]);
    }
    const tenantId = request.context.grant!.tenantId;
    const claim: IdempotencyClaim = {
      tenantId,
      keyHash: sha256Hex(key),
      fingerprint: sha256Hex(
        [request.event.requestContext.http.method, request.event.rawPath, request.context.input?.rawBody ?? ''].join(
          '\n',
        ),
      ),
      now: settings.clock.now(),
      inProgressSeconds: settings.inProgressSeconds ?? 60,
      retentionSeconds: settings.retentionSeconds ?? 86_400,
    };
    const result = await settings.store.claim(claim);
    if (result.outcome !== 'claimed' && result.fingerprint !== claim.fingerprint) {
      throw new ConflictError(
        'this Idempotency-Key was already used for a different request; use a new key for a new request',
        'idempotency-key-reused',
        {},
        { status: 422 },
      );
    }
    if (result.outcome === 'in_progress') {
      throw new ConflictError(
        'a request with this Idempotency-Key is still being processed; retry shortly to get its answer',
        'idempotency-request-in-progress',
      );
    }
    if (result.outcome === 'completed') {
      request.context.idempotency = {};
      request.response = {
        statusCode: result.response.statusCode,
        headers: { ...result.response.headers, 'idempotent-replayed': 'true' },
        body: result.response.body,
      };
      return request.response;
    }
    request.context.idempotency = { claim };
    return undefined;
  },
  after: async (request) => {
    const claim = request.context.idempotency?.claim;
    const response = request.response;
    if (!claim || !response) return;
    if (response.statusCode >= 200 && response.statusCode < 300) {
      await settings.store.complete(
        claim,
        {
          statusCode: response.statusCode,
          headers: response.headers,
          body: typeof response.body === 'string' ? response.body : '',
        },
        request.context.customerId,
      );
    } else {
      await settings.store.release(claim.tenantId, claim.keyHash);
    }
  },
  onError: async (request) => {
    const claim = request.context.idempotency?.claim;
    // A refused or failed request stored nothing: free the key so a corrected retry can run.
    if (claim) await settings.store.release(claim.tenantId, claim.keyHash);
  },
});
