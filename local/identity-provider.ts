// `npm start` plays the user pool: it signs id tokens for the people of its pool (ARREARS_LOCAL_USERS and those a manager
// invited) with a key pair of its own run,
// and publishes the public key where Cognito publishes its own (<issuer>/.well-known/jwks.json), so the API verifies
// local tokens with the very code that verifies deployed ones.
import { createHash, generateKeyPairSync, randomUUID, sign, type JsonWebKey, type KeyObject } from 'node:crypto';
import * as z from 'zod';
import { PROBLEM_CONTENT_TYPE, problem } from '../shared/errors/problem';
import type { Clock } from '../shared/ports/clock.port';
import { ID_TOKEN_LIFETIME_SECONDS, IdTokenClaimsSchema, type IdTokenClaims } from '../shared/schemas/id-token.schema';
import type { LocalUser } from './people';
import { CONSOLE_PATH, SIGN_IN_PAGE_HEADERS, signInPage } from './sign-in-page';
import { localUserPoolId } from './iam/template-resolver';
import { LocalUserPool } from './user-pool';

/** The local console's app client id: the audience of every local token, as the console client's id is deployed. */
export const LOCAL_CONSOLE_CLIENT_ID = 'arrears-local-console';
export const LOCAL_AUTH_PATH = '/local/auth';

const TokenRequestSchema = z.strictObject({ username: z.string().min(1), tenantId: z.string().min(1).optional() });

export interface LocalAnswer {
  status: number;
  headers: Record<string, string>;
  text: string;
}

const json = (status: number, body: unknown, contentType = 'application/json'): LocalAnswer => ({
  status,
  headers: { 'content-type': contentType },
  text: JSON.stringify(body),
});
const refusal = (status: number, code: string, title: string, detail: string): LocalAnswer =>
  json(status, problem(status, code, title, detail), PROBLEM_CONTENT_TYPE);

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A stable subject per person, shaped like Cognito's (a UUID), so it survives restarts of the runtime. */
const subjectOf = (user: LocalUser) => {
  const hex = createHash('sha256').update(`${user.tenantId}:${user.username}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

export class LocalIdentityProvider {
  /** The issuer's URL (`iss`), known once the server listens. */
  issuer = '';
  private keyPair?: { privateKey: KeyObject; jwk: JsonWebKey & { kid: string } };
  /** Who exists, their groups and whether they may sign in: the user pool's stand-in, which managers change. */
  readonly pool: LocalUserPool;

  constructor(
    people: LocalUserPool | readonly LocalUser[],
    private readonly clock: Clock,
    readonly audience = LOCAL_CONSOLE_CLIENT_ID,
  ) {
    this.pool =
      people instanceof LocalUserPool ? people : new LocalUserPool(localUserPoolId('local'), people, () => clock.now());
  }

  /** The people who may sign in now, each with their current role. */
  get users(): LocalUser[] {
    return this.pool.signInUsers();
  }

  /** Made on first use, not at start: a start that signs nobody in pays nothing for it. Lost on restart, as are tokens. */
  private get keys() {
    if (!this.keyPair) {
      const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const exported = publicKey.export({ format: 'jwk' });
      const kid = createHash('sha256').update(String(exported.n)).digest('base64url').slice(0, 22);
      this.keyPair = { privateKey, jwk: { kty: 'RSA', n: exported.n, e: exported.e, kid, alg: 'RS256', use: 'sig' } };
    }
    return this.keyPair;
  }

  /** The id token the pool would give this person at this moment of the runtime's clock. */
  idTokenFor(user: LocalUser): string {
    const iat = Math.floor(this.clock.now().getTime() / 1000);
    const claims: IdTokenClaims = IdTokenClaimsSchema.parse({
      sub: subjectOf(user),
      'cognito:groups': [user.role],
      'cognito:username': user.username,
      'custom:tenantId': user.tenantId,
      name: user.name,
      iss: this.issuer,
      aud: this.audience,
      token_use: 'id',
      auth_time: iat,
      iat,
      exp: iat + ID_TOKEN_LIFETIME_SECONDS,
      jti: randomUUID(),
    });
    const { privateKey, jwk } = this.keys;
    const signed = `${base64url({ kid: jwk.kid, alg: 'RS256' })}.${base64url(claims)}`;
    return `${signed}.${sign('RSA-SHA256', Buffer.from(signed), privateKey).toString('base64url')}`;
  }

  /** The /local/auth/* routes; null for a path that is not one of them. */
  handle(method: string, path: string, body: Buffer): LocalAnswer | null {
    if (method === 'GET' && path === `${LOCAL_AUTH_PATH}/.well-known/jwks.json`)
      return json(200, { keys: [this.keys.jwk] });
    if (method === 'GET' && path === `${LOCAL_AUTH_PATH}/users`)
      return json(200, {
        users: this.users.map(({ tenantId, username, role, name }) => ({ tenantId, username, role, name })),
      });
    if (method === 'POST' && path === `${LOCAL_AUTH_PATH}/token`) return this.token(body);
    if (method === 'GET' && path === `${LOCAL_AUTH_PATH}/sign-in`)
      return { status: 200, headers: { ...SIGN_IN_PAGE_HEADERS }, text: signInPage(this.users) };
    if (method === 'POST' && path === `${LOCAL_AUTH_PATH}/sign-in`) return this.signIn(body);
    return null;
  }

  /** The sign-in page's button: to the console with the token in the fragment (never sent to a server again). */
  private signIn(body: Buffer): LocalAnswer {
    const form = new URLSearchParams(body.toString('utf8'));
    const answer = this.issue({
      username: form.get('username') ?? undefined,
      tenantId: form.get('tenantId') ?? undefined,
    });
    if (answer.status !== 200) return answer;
    const { idToken } = JSON.parse(answer.text) as { idToken: string };
    return {
      status: 303,
      headers: { location: `${CONSOLE_PATH}#id_token=${idToken}`, 'cache-control': 'no-store' },
      text: '',
    };
  }

  private token(body: Buffer): LocalAnswer {
    let request: unknown;
    try {
      request = JSON.parse(body.toString('utf8') || '{}');
    } catch {
      return refusal(400, 'malformed-json', 'Invalid request', 'The body is not valid JSON.');
    }
    return this.issue(request);
  }

  private issue(request: unknown): LocalAnswer {
    const parsed = TokenRequestSchema.safeParse(request);
    if (!parsed.success)
      return refusal(
        400,
        'validation-failed',
        'Invalid request',
        'Send { "username": "<name>", "tenantId"?: "<tenant>" }.',
      );
    const { username, tenantId } = parsed.data;
    // Sign-in ignores case, as the pool does; a tenant given must be the person's own.
    const pooled = this.pool.find(username);
    if (pooled && !pooled.enabled && (tenantId === undefined || pooled.tenantId === tenantId))
      return refusal(403, 'user-disabled', 'Forbidden', `${pooled.username} has been deactivated: ask a manager.`);
    const user = this.users.find(
      (candidate) =>
        candidate.username.toLowerCase() === username.toLowerCase() &&
        (tenantId === undefined || candidate.tenantId === tenantId),
    );
    if (!user)
      return refusal(
        404,
        'not-found',
        'Not found',
        `No user ${username}${tenantId === undefined ? '' : ` in tenant ${tenantId}`}: see ARREARS_LOCAL_USERS.`,
      );
    return json(200, { idToken: this.idTokenFor(user) });
  }
}
