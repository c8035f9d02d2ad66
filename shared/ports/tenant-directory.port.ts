// Who is calling: API keys (stored only as hashes) resolve to exactly one tenant and a role.
import type { Tenant, ApiKeyRole } from '../schemas/tenant.schema';
import type { ApiKeyRecord } from '../schemas/api-key.schema';

export interface ApiKeyGrant {
  tenantId: string;
  role: ApiKeyRole;
  keyId: string;
}

export interface TenantDirectory {
  /** The grant for a key hash, or null for an unknown or revoked key. */
  resolveApiKey(keyHash: string): Promise<ApiKeyGrant | null>;
  getTenant(tenantId: string): Promise<Tenant | null>;
  putTenant(tenant: Tenant): Promise<void>;
  /** Stores a key's hash and its listing (role, who issued it); `createdBy` defaults to the operator. */
  putApiKey(keyHash: string, grant: ApiKeyGrant, createdAt: string, details?: { name?: string; createdBy?: string }): Promise<void>;
  /** The tenant's keys, revoked ones included, oldest first. */
  listApiKeys(tenantId: string): Promise<ApiKeyRecord[]>;
  /** Marks a key revoked: it stops resolving at once. */
  revokeApiKey(tenantId: string, keyId: string, revokedAt: string, revokedBy: string): Promise<'revoked' | 'already-revoked' | 'not-found'>;
  listTenants(): Promise<Tenant[]>;
}
