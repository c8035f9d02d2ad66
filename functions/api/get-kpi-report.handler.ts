// GET /v1/reports/kpis: DSO, best possible DSO, ADD, CEI, promises kept, recovery, cure and roll rates of a period.
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { kpiReport } from '../../shared/use-cases/reports';
import { getKpiReportRoute } from './routes/get-kpi-report.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, getKpiReportRoute, async ({ grant, query }) => ({
    status: 200,
    body: await kpiReport(deps, grant.tenantId, query),
  }));

export const handler = deployedHandler(createHandler);
