// GET /v1/reports/aging: open balance per currency by days past due, as of a day's close, optionally by a dimension.
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { agingReport } from '../../shared/use-cases/reports';
import { getAgingReportRoute } from './routes/get-aging-report.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, getAgingReportRoute, async ({ grant, query }) => ({
    status: 200,
    body: await agingReport(deps, grant.tenantId, query),
  }));

export const handler = deployedHandler(createHandler);
