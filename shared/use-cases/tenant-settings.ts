// The tenant's settings: read them, change them with a JSON merge patch (versioned, recorded), read who changed what.
import { NotFoundError, PreconditionFailedError, ValidationError } from '../errors/errors';
import { zodIssues } from '../errors/problem';
import type { Clock } from '../ports/clock.port';
import type { ApiKeyGrant, TenantDirectory } from '../ports/tenant-directory.port';
import type { TenantChange } from '../schemas/tenant-history.schema';
import {
  TENANT_SETTING_FIELDS,
  TenantSettingsSchema,
  type Tenant,
  type TenantSettingsPatch,
} from '../schemas/tenant.schema';
import { requireManager } from './collectors';
import { retryOnConflict } from './retry-on-conflict';

type Json = unknown;
type JsonObject = Record<string, Json>;

/** What GET /v1/tenant answers: the settings with their version; the scorecard and rate tables have routes of their own. */
export type TenantView = Omit<Tenant, 'scoreModel' | 'exchangeRates'> & { version: number };

/** A tenant item written before settings were versioned is version 1. */
const versionOf = (tenant: Tenant): number => tenant.version ?? 1;

export const tenantView = (tenant: Tenant): TenantView => {
  const view: Partial<Tenant> = { ...tenant };
  delete view.scoreModel;
  delete view.exchangeRates;
  return { ...(view as Tenant), version: versionOf(tenant) };
};

const isObject = (value: Json): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** RFC 7396: null removes a member, an object merges member by member, anything else (an array too) replaces. */
export const mergePatch = (target: Json, patch: Json): Json => {
  if (!isObject(patch)) return patch;
  const merged: JsonObject = isObject(target) ? { ...target } : {};
  for (const [name, value] of Object.entries(patch)) {
    if (value === null) delete merged[name];
    else if (value !== undefined) merged[name] = mergePatch(merged[name], value);
  }
  return merged;
};

const sameJson = (a: Json, b: Json) => JSON.stringify(a) === JSON.stringify(b);

/** The leaf fields that differ, as dotted paths with both values (null for absent); an array counts as one field. */
export const changedFields = (before: Json, after: Json, prefix = ''): TenantChange['changes'] => {
  if (isObject(before) && isObject(after)) {
    const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return names.flatMap((name) => changedFields(before[name], after[name], prefix ? `${prefix}.${name}` : name));
  }
  if (isObject(before) || isObject(after)) {
    // A whole object appeared or went: each of its fields changed.
    return changedFields(isObject(before) ? before : {}, isObject(after) ? after : {}, prefix);
  }
  if (sameJson(before, after)) return [];
  return [{ path: prefix, before: before ?? null, after: after ?? null }];
};

/** The settings part of a stored tenant (its schema fills the defaults), as the document a merge patch applies to. */
const settingsOf = (tenant: Tenant): JsonObject => {
  const stored = tenant as unknown as JsonObject;
  return Object.fromEntries(
    TENANT_SETTING_FIELDS.filter((field) => stored[field] !== undefined).map((field) => [field, stored[field]]),
  );
};

/**
 * `If-Match` as sent: the version, bare or as an entity tag (`"3"`, `W/"3"`); `*` matches any. Anything else is
 * refused naming the header, since a guard that cannot be read must not be ignored.
 */
export const parseIfMatch = (header: string | undefined): number | null => {
  if (header === undefined || header.trim() === '*') return null;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match)
    throw new ValidationError('If-Match must name a version of the settings', [
      { path: 'header.If-Match', message: 'must be the version, such as "3" (the ETag GET /v1/tenant answered)' },
    ]);
  return Number(match[1]);
};

/** The entity tag of a version, answered as ETag and taken back in If-Match. */
export const versionTag = (version: number) => `"${version}"`;

export const getTenantSettings = async (deps: { tenants: TenantDirectory }, tenantId: string): Promise<TenantView> => {
  const tenant = await deps.tenants.getTenant(tenantId);
  if (!tenant) throw new NotFoundError(`no tenant ${tenantId}`);
  return tenantView(tenant);
};

/**
 * Applies a manager's merge patch to the stored settings and checks the result whole: a refusal names every failing
 * field and writes nothing. With `ifMatch`, only over that version (412 otherwise); without, over whatever is stored
 * when it is written (a concurrent change is read again and the patch re-applied). A patch that changes nothing
 * writes nothing and keeps the version.
 */
export const patchTenantSettings = async (
  deps: { tenants: TenantDirectory; clock: Clock },
  grant: ApiKeyGrant,
  patch: TenantSettingsPatch,
  ifMatch: number | null,
): Promise<TenantView> => {
  requireManager(grant, 'changing the tenant settings');
  return retryOnConflict('the tenant settings', async () => {
    const stored = await deps.tenants.getTenant(grant.tenantId, { consistent: true });
    if (!stored) throw new NotFoundError(`no tenant ${grant.tenantId}`);
    const version = versionOf(stored);
    if (ifMatch !== null && ifMatch !== version)
      throw new PreconditionFailedError(`the settings are at version ${version}, not ${ifMatch}: read them again`, {
        version,
      });
    const before = settingsOf(stored);
    const merged = mergePatch(before, patch);
    const checked = TenantSettingsSchema.safeParse(merged);
    if (!checked.success) {
      const issues = zodIssues(checked.error);
      throw new ValidationError(`the settings would have ${issues.length} invalid field(s)`, issues);
    }
    const after = checked.data as JsonObject;
    const changes = changedFields(before, after);
    if (changes.length === 0) return tenantView(stored);
    const at = deps.clock.now().toISOString();
    const { scoreModel, exchangeRates } = stored;
    const next: Tenant = {
      id: stored.id,
      createdAt: stored.createdAt,
      ...(scoreModel ? { scoreModel } : {}),
      ...(exchangeRates ? { exchangeRates } : {}),
      ...checked.data,
      version: version + 1,
      updatedAt: at,
      updatedBy: grant.person,
    };
    const saved = await deps.tenants.saveTenantSettings(next, stored.version ?? null, {
      version: version + 1,
      at,
      by: grant.person,
      changes,
    });
    if (saved) return tenantView(next);
    // Someone changed the settings since they were read: the caller's guard no longer holds; without one, try again.
    if (ifMatch !== null)
      throw new PreconditionFailedError(`the settings changed after version ${ifMatch}: read them again`);
    return undefined;
  });
};

export const tenantHistory = (
  deps: { tenants: TenantDirectory },
  tenantId: string,
  limit: number,
  cursor: string | undefined,
) => deps.tenants.listTenantHistory(tenantId, limit, cursor);
