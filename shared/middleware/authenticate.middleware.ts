// Resolves "Authorization: Bearer <credential>" to the caller: a person's id token (a JWT) is verified against the
// identity provider's keys; anything else is an API key, of which only the SHA-256 is ever looked up or stored.
import type { MiddlewareObj } from '@middy/core';
import { sha256Hex } from '../domain/ids';
import { UnauthorizedError } from '../errors/errors';
import { logger } from '../observability/logger';
import type { IdTokenVerifier, VerifiedPerson } from '../ports/id-tokens.port';
import type { PersonAccessReader } from '../ports/person-access.port';
import type { ApiKeyGrant, TenantDirectory } from '../ports/tenant-directory.port';
import { actorOfPerson } from '../schemas/id-token.schema';
import { header, type ApiContext, type ApiEvent, type ApiResponse } from './api-context';

const BEARER = /^Bearer\s+(\S{8,8192})\s*$/i;
/** A JWT: three base64url parts, the first two JSON objects (`{"` is `eyJ`). No API key looks like that. */
const JWT = /^eyJ[A-Za-z0-9_-]*\.eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+$/;
const MAX_API_KEY_LENGTH = 256;

type Caller = { grant: ApiKeyGrant; logKeys: Record<string, string> };

/**
 * A valid token is not enough: a manager may have deactivated the person or changed their role since it was issued (it
 * lives an hour). The access the people routes record is read on every call, consistently and uncached, so such a
 * change holds from the next call on in every container; a person no manager has changed is as their token says.
 */
const checkAccess = async (access: PersonAccessReader, person: VerifiedPerson): Promise<void> => {
  const recorded = await access.get(person.tenantId, person.username);
  if (!recorded) return;
  if (recorded.status !== 'active') throw new UnauthorizedError(`${person.username} is deactivated`);
  if (recorded.role !== person.role) throw new UnauthorizedError('role changed: sign in again');
};

const personCaller = async (
  idTokens: IdTokenVerifier | null,
  access: PersonAccessReader,
  token: string,
): Promise<Caller> => {
  if (!idTokens) throw new UnauthorizedError('people cannot sign in here: no identity provider is configured');
  const person = await idTokens.verify(token);
  await checkAccess(access, person);
  // A person is never a partner, and their actions name them the same way in every record.
  const actor = actorOfPerson(person.username);
  return {
    grant: { tenantId: person.tenantId, role: person.role, person: actor, actor },
    // Logs name the person by the pool's opaque id, not by their username.
    logKeys: { tenantId: person.tenantId, personSub: person.sub },
  };
};

const keyCaller = async (tenants: TenantDirectory, key: string): Promise<Caller> => {
  if (key.length > MAX_API_KEY_LENGTH) throw new UnauthorizedError('the API key is not valid');
  const grant = await tenants.resolveApiKey(sha256Hex(key));
  if (!grant) throw new UnauthorizedError('the API key is not valid');
  return {
    grant: { ...grant, actor: `api:${grant.keyId}` },
    logKeys: { tenantId: grant.tenantId, keyId: grant.keyId },
  };
};

export const authenticate = (
  tenants: TenantDirectory,
  idTokens: IdTokenVerifier | null,
  personAccess: PersonAccessReader,
): MiddlewareObj<ApiEvent, ApiResponse, Error, ApiContext> => ({
  before: async (request) => {
    const authorization = header(request.event, 'authorization');
    if (!authorization)
      throw new UnauthorizedError('an API key or id token is required: send "Authorization: Bearer <key or token>"');
    const match = BEARER.exec(authorization);
    if (!match) throw new UnauthorizedError('the Authorization header must be "Bearer <key or token>"');
    const credential = match[1]!;
    const caller = JWT.test(credential)
      ? await personCaller(idTokens, personAccess, credential)
      : await keyCaller(tenants, credential);
    request.context.grant = caller.grant;
    logger.appendKeys(caller.logKeys);
  },
});
