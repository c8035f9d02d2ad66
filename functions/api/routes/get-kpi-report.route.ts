// GET /v1/reports/kpis (GetKpiReport): its line of the route table, on its own so its handler bundles only this route's schemas.
import { KpiQuerySchema, KpiReportSchema } from '../../../shared/schemas/report.schema';
import type { ApiRoute } from './api-route';

export const getKpiReportRoute = {
  id: 'GetKpiReport',
  method: 'GET',
  path: '/v1/reports/kpis',
  handler: 'get-kpi-report.handler.ts',
  summary:
    'Collection KPIs of a period per currency: count-back DSO, best possible DSO, average days delinquent, CEI, promise-kept, recovery, cure and roll rates',
  query: KpiQuerySchema,
  responses: [{ status: 200, description: 'The KPIs', schema: KpiReportSchema }],
  roles: ['manager'],
  dynamodb: { actions: ['Query', 'GetItem'], indexes: [] },
} as const satisfies ApiRoute;
