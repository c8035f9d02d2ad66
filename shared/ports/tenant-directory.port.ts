// Who is calling: API keys (stored only as hashes) resolve to exactly one tenant and a role.
import type { Tenant, ApiKeyRole } from '../schemas/tenant.schema';

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
  putApiKey(keyHash: string, grant: ApiKeyGrant, createdAt: string): Promise<void>;
  listTenants(): Promise<Tenant[]>;
}
