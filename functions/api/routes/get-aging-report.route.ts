// GET /v1/reports/aging (GetAgingReport): its line of the route table, on its own so its handler bundles only this route's schemas.
import { AgingQuerySchema, AgingReportSchema } from '../../../shared/schemas/report.schema';
import type { ApiRoute } from './api-route';

export const getAgingReportRoute = {
  id: 'GetAgingReport',
  method: 'GET',
  path: '/v1/reports/aging',
  handler: 'get-aging-report.handler.ts',
  summary:
    'Aging: open balance per currency in buckets by days past due (current, 1-30, 31-60, 61-90, 91+) as of a day, optionally by segment, country or collector',
  query: AgingQuerySchema,
  responses: [{ status: 200, description: 'The aging', schema: AgingReportSchema }],
  roles: ['manager'],
  // The tenant's zone (GetItem) and the pre-aggregated counters: a snapshot and the days since (Query).
  dynamodb: { actions: ['Query', 'GetItem'], indexes: [] },
} as const satisfies ApiRoute;
