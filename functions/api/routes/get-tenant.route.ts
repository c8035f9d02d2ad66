// GET /v1/tenant (GetTenant): its line of the route table, on its own so its handler bundles only this route's schemas.
import { TenantSettingsViewSchema } from '../../../shared/schemas/tenant.schema';
import type { ApiRoute } from './api-route';

export const getTenantRoute = {
  id: 'GetTenant',
  method: 'GET',
  path: '/v1/tenant',
  handler: 'get-tenant.handler.ts',
  summary:
    "The tenant's settings: the creditor's name, contact and bank details, sending rules, plan rules and brand, with their version (also the ETag)",
  responses: [{ status: 200, description: 'The settings', schema: TenantSettingsViewSchema }],
  roles: ['partner', 'collector', 'manager'],
  // The key's lookup (Query) and the tenant item (GetItem), nothing else.
  dynamodb: { actions: ['Query', 'GetItem'], indexes: [] },
} as const satisfies ApiRoute;
