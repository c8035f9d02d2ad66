// Key rotation by a tenant's manager: issue a second key, move the systems over, revoke the old one; no downtime.
import { randomBytes } from 'node:crypto';
import { sha256Hex } from '../domain/ids';
import { ConflictError, NotFoundError } from '../errors/errors';
import type { Clock } from '../ports/clock.port';
import type { ApiKeyGrant, TenantDirectory } from '../ports/tenant-directory.port';
import type { ApiKeyRecord, PostApiKeyBody } from '../schemas/api-key.schema';
import { requireManager } from './collectors';

type Deps = { clock: Clock; tenants: TenantDirectory };

/** The same shapes the operator command prints: a key with enough entropy to need no rate limit of its own. */
export const mintApiKey = () => ({
  apiKey: `ark_${randomBytes(24).toString('base64url')}`,
  keyId: `key_${randomBytes(6).toString('hex')}`,
});

export const actorOf = (grant: ApiKeyGrant) => grant.actor;

/** A key issued with a key names the same person: a manager cannot mint a second person for themselves. */
export const issueApiKey = async (
  deps: Deps,
  grant: ApiKeyGrant,
  body: PostApiKeyBody,
): Promise<ApiKeyRecord & { apiKey: string }> => {
  requireManager(grant, 'issuing an API key');
  const { apiKey, keyId } = mintApiKey();
  const createdAt = deps.clock.now().toISOString();
  const createdBy = actorOf(grant);
  const issuedTo = grant.person;
  await deps.tenants.putApiKey(sha256Hex(apiKey), { tenantId: grant.tenantId, role: body.role, keyId }, createdAt, {
    ...(body.name ? { name: body.name } : {}),
    createdBy,
    issuedTo,
  });
  return {
    keyId,
    role: body.role,
    ...(body.name ? { name: body.name } : {}),
    issuedTo,
    createdAt,
    createdBy,
    revokedAt: null,
    revokedBy: null,
    apiKey,
  };
};

export const listApiKeys = async (deps: Deps, grant: ApiKeyGrant): Promise<ApiKeyRecord[]> => {
  requireManager(grant, 'listing API keys');
  return deps.tenants.listApiKeys(grant.tenantId);
};

export const revokeApiKey = async (deps: Deps, grant: ApiKeyGrant, keyId: string): Promise<ApiKeyRecord> => {
  requireManager(grant, 'revoking an API key');
  // A manager who revoked the key in hand could lock the tenant out: the old key is revoked with the new one.
  if (keyId === grant.keyId)
    throw new ConflictError('a key cannot revoke itself: revoke it with another manager key', 'own-key');
  const outcome = await deps.tenants.revokeApiKey(
    grant.tenantId,
    keyId,
    deps.clock.now().toISOString(),
    actorOf(grant),
  );
  if (outcome === 'not-found') throw new NotFoundError(`no API key ${keyId}`);
  const record = (await deps.tenants.listApiKeys(grant.tenantId)).find((key) => key.keyId === keyId);
  if (!record) throw new NotFoundError(`no API key ${keyId}`);
  return record;
};
