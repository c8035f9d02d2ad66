// PATCH /v1/tenant (PatchTenant): its line of the route table, on its own so its handler bundles only this route's schemas.
import { TenantSettingsPatchSchema, TenantSettingsViewSchema } from '../../../shared/schemas/tenant.schema';
import { IDEMPOTENT_WRITE, type ApiRoute } from './api-route';

export const patchTenantRoute = {
  id: 'PatchTenant',
  method: 'PATCH',
  path: '/v1/tenant',
  handler: 'patch-tenant.handler.ts',
  summary:
    "A manager changes the tenant's settings with a JSON merge patch (RFC 7396); the result is checked whole, versioned and recorded in the history",
  body: TenantSettingsPatchSchema,
  responses: [
    {
      status: 200,
      description: 'The settings after the change (ETag: the new version)',
      schema: TenantSettingsViewSchema,
    },
    { status: 412, description: 'If-Match names a version that is no longer the stored one (precondition-failed)' },
  ],
  idempotent: true,
  conditional: true,
  roles: ['manager'],
  // The tenant item is read, then written with its history entry in one transaction (two Puts).
  dynamodb: { actions: [...IDEMPOTENT_WRITE, 'GetItem'], indexes: [] },
} as const satisfies ApiRoute;
