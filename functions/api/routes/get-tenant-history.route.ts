// GET /v1/tenant/history (GetTenantHistory): its line of the route table, on its own so its handler bundles only this route's schemas.
import { TenantHistoryPageSchema, TenantHistoryQuerySchema } from '../../../shared/schemas/tenant-history.schema';
import type { ApiRoute } from './api-route';

export const getTenantHistoryRoute = {
  id: 'GetTenantHistory',
  method: 'GET',
  path: '/v1/tenant/history',
  handler: 'get-tenant-history.handler.ts',
  summary: "Who changed the tenant's settings, when, and which fields from what to what; newest first",
  query: TenantHistoryQuerySchema,
  responses: [{ status: 200, description: 'A page of the history', schema: TenantHistoryPageSchema }],
  roles: ['manager'],
  dynamodb: { actions: ['Query'], indexes: [] },
} as const satisfies ApiRoute;
