// Who is calling: API keys (stored only as hashes) resolve to exactly one tenant, a role and the person they were issued to.
import type { Tenant, ApiKeyRole } from '../schemas/tenant.schema';
import type { ApiKeyRecord } from '../schemas/api-key.schema';
import type { TenantChange } from '../schemas/tenant-history.schema';

/** Who is calling: a partner system or a person with an API key, or a person signed in with an id token. */
export interface ApiKeyGrant {
  tenantId: string;
  role: ApiKeyRole;
  /** The API key in hand; none for a person signed in with an id token. */
  keyId?: string;
  /**
   * The person acting: the key's `issuedTo`, or `person:<username>` for a signed-in person. Four eyes compares it.
   * A key stored before keys named people stands for a person of its own, `key:<keyId>`.
   */
  person: string;
  /** How the records name what the caller did (timeline, `recordedBy`, audit): `api:<keyId>` or `person:<username>`. */
  actor: string;
}

/** What a key resolves to before the request names its actor. */
export type ResolvedKeyGrant = Omit<ApiKeyGrant, 'actor' | 'keyId'> & { keyId: string };

/** What a key is stored with; the person it names is given with its details. */
export type StoredKeyGrant = Omit<ResolvedKeyGrant, 'person'>;

/** Who a stored key stands for when it names no person (keys issued before keys named people). */
export const personOfUnnamedKey = (keyId: string) => `key:${keyId}`;

export interface TenantDirectory {
  /** The grant for a key hash, or null for an unknown or revoked key. */
  resolveApiKey(keyHash: string): Promise<ResolvedKeyGrant | null>;
  /** `consistent` reads the latest write (a change is made over the version it read). */
  getTenant(tenantId: string, options?: { consistent?: boolean }): Promise<Tenant | null>;
  putTenant(tenant: Tenant): Promise<void>;
  /** Replaces only the tenant's scorecard, leaving its settings as the latest change left them; false: no tenant. */
  saveScoreModel(tenantId: string, model: NonNullable<Tenant['scoreModel']>): Promise<boolean>;
  /**
   * Replaces the tenant with its changed settings and records the change, in one transaction, only over the version
   * that was read (`readVersion`: the stored `version`, null for an item that predates versions); false, with nothing
   * written, when another change got there first.
   */
  saveTenantSettings(tenant: Tenant, readVersion: number | null, change: TenantChange): Promise<boolean>;
  /** The tenant's settings changes, newest first. */
  listTenantHistory(
    tenantId: string,
    limit: number,
    cursor?: string,
  ): Promise<{ items: TenantChange[]; nextCursor: string | null }>;
  /**
   * Stores a key's hash and its listing (role, who issued it, the person it is issued to); `createdBy` defaults to the
   * operator, `issuedTo` to a person of the key's own.
   */
  putApiKey(
    keyHash: string,
    grant: StoredKeyGrant,
    createdAt: string,
    details?: { name?: string; createdBy?: string; issuedTo?: string },
  ): Promise<void>;
  /** The tenant's keys, revoked ones included, oldest first. */
  listApiKeys(tenantId: string): Promise<ApiKeyRecord[]>;
  /** Marks a key revoked: it stops resolving at once. */
  revokeApiKey(
    tenantId: string,
    keyId: string,
    revokedAt: string,
    revokedBy: string,
  ): Promise<'revoked' | 'already-revoked' | 'not-found'>;
  listTenants(): Promise<Tenant[]>;
}
