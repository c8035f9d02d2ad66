// Verifies a person's id token (RS256) against its issuer's published keys: the Cognito user pool's when deployed, the
// local runtime's own when not; only the issuer's URL differs, so the handlers cannot tell the two apart. Expiry is read
// from the system's Clock, which is why this is node:crypto and not a library that only knows the wall clock.
import { createPublicKey, verify as verifySignature, type JsonWebKey, type KeyObject } from 'node:crypto';
import { ForbiddenError, IntegrationError, UnauthorizedError } from '../../errors/errors';
import type { Clock } from '../../ports/clock.port';
import type { IdTokenVerifier, VerifiedPerson } from '../../ports/id-tokens.port';
import { IdTokenClaimsSchema, roleOfGroups } from '../../schemas/id-token.schema';

export interface IdTokenSettings {
  /** The token's `iss`: `https://cognito-idp.<region>.amazonaws.com/<poolId>`; its keys are at `<iss>/.well-known/jwks.json`. */
  issuer: string;
  /** The console's app client id: the only audience accepted. */
  audience: string;
}

/** Tolerated difference between the issuer's clock and ours for `iat`. */
const CLOCK_SKEW_SECONDS = 300;
/** An unknown key id refetches the key set at most this often: a flood of forged tokens cannot make us flood the issuer. */
const REFETCH_AFTER_MS = 60_000;
const FETCH_TIMEOUT_MS = 3_000;
const JWT_SHAPE = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/;

const refused = (why: string) => new UnauthorizedError(`the id token is not valid: ${why}`);

const decodeJson = (segment: string, what: string): Record<string, unknown> => {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw refused(`its ${what} is not a JSON object`);
};

/** One per container: the issuer's keys are fetched on first use and kept, by key id. */
export class JwksIdTokenVerifier implements IdTokenVerifier {
  private keys = new Map<string, KeyObject>();
  private fetchedAt = 0;
  private fetching: Promise<void> | null = null;

  /** `settings` is read on each use: the local runtime knows its issuer's URL only once it listens. */
  constructor(
    private readonly settings: IdTokenSettings,
    private readonly clock: Clock,
  ) {}

  async verify(token: string): Promise<VerifiedPerson> {
    const parts = JWT_SHAPE.exec(token);
    if (!parts) throw refused('it is not a signed JWT');
    const [, headerPart, payloadPart, signaturePart] = parts as unknown as [string, string, string, string];
    const header = decodeJson(headerPart, 'header');
    // Only RS256, whatever the token asks for: "none" or an HMAC keyed with a public key must never pass.
    if (header.alg !== 'RS256') throw refused('it is not signed with RS256');
    if (typeof header.kid !== 'string') throw refused('it names no key');
    const key = await this.keyFor(header.kid);
    if (!key) throw refused('it is signed by a key the issuer does not publish');
    const signed = Buffer.from(`${headerPart}.${payloadPart}`, 'ascii');
    if (!verifySignature('RSA-SHA256', signed, key, Buffer.from(signaturePart, 'base64url')))
      throw refused('its signature does not match');

    const parsed = IdTokenClaimsSchema.safeParse(decodeJson(payloadPart, 'payload'));
    if (!parsed.success) throw refused(`its claims are not an id token's (${parsed.error.issues[0]?.path.join('.')})`);
    const claims = parsed.data;
    const { issuer, audience } = this.settings;
    if (claims.iss !== issuer) throw refused('it was issued by another issuer');
    if (claims.aud !== audience) throw refused('it was issued to another client');
    const now = this.clock.now().getTime() / 1000;
    if (claims.exp <= now) throw new UnauthorizedError('the id token has expired: sign in again');
    if (claims.iat > now + CLOCK_SKEW_SECONDS) throw refused('it was issued in the future');
    const role = roleOfGroups(claims['cognito:groups']);
    if (!role)
      throw new ForbiddenError(
        `${claims['cognito:username']} is in neither the manager nor the collector group: ask a manager for a role`,
        'forbidden-role',
      );
    return { tenantId: claims['custom:tenantId'], role, username: claims['cognito:username'], sub: claims.sub };
  }

  private async keyFor(kid: string): Promise<KeyObject | undefined> {
    const known = this.keys.get(kid);
    if (known) return known;
    // A key we do not know yet may be a rotated one: fetch again, unless we just did.
    if (this.fetchedAt === 0 || Date.now() - this.fetchedAt >= REFETCH_AFTER_MS) {
      this.fetching ??= this.fetchKeys().finally(() => (this.fetching = null));
      await this.fetching;
    }
    return this.keys.get(kid);
  }

  private async fetchKeys(): Promise<void> {
    const url = `${this.settings.issuer}/.well-known/jwks.json`;
    let body: unknown;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      body = await response.json();
    } catch (cause) {
      throw new IntegrationError("the identity provider's signing keys could not be fetched", { cause });
    }
    const keys = new Map<string, KeyObject>();
    const published = (body as { keys?: unknown } | null)?.keys;
    for (const jwk of Array.isArray(published) ? (published as unknown[]) : []) {
      const candidate = jwk as JsonWebKey & { kid?: unknown; use?: unknown; alg?: unknown };
      if (candidate.kty !== 'RSA' || typeof candidate.kid !== 'string') continue;
      if (candidate.use !== undefined && candidate.use !== 'sig') continue;
      if (candidate.alg !== undefined && candidate.alg !== 'RS256') continue;
      try {
        keys.set(candidate.kid, createPublicKey({ key: candidate, format: 'jwk' }));
      } catch {
        // A key we cannot read verifies nothing; the others still do.
      }
    }
    this.keys = keys;
    this.fetchedAt = Date.now();
  }
}
