// GET /v1/delinquencies/{delinquencyId}: status, stage, balance today, disputes and the timeline of one delinquency.
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { getDelinquencyView } from '../../shared/use-cases/delinquency-view';
import { getDelinquencyRoute } from './routes/get-delinquency.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, getDelinquencyRoute, async ({ grant, params }) => ({
    status: 200,
    body: await getDelinquencyView(deps, grant.tenantId, params.delinquencyId),
  }));

export const handler = deployedHandler(createHandler);
