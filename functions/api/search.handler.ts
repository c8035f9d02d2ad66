// GET /v1/search: finds a tenant's customers, invoices and cases by what a collector has at hand.
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { searchAccounts } from '../../shared/use-cases/search';
import { searchRoute } from './routes/search.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, searchRoute, async ({ grant, query }) => ({
    status: 200,
    body: await searchAccounts(deps, grant.tenantId, query.q, query.limit),
  }));

export const handler = deployedHandler(createHandler);
