// GET /portal/{token}/statement: the printable statement (HTML in the page's language); changes nothing.
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import { portalResponse } from '../../shared/middleware/portal-page';
import { statementPage } from '../../shared/use-cases/portal';
import { getPortalStatementRoute } from './routes/get-portal-statement.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, getPortalStatementRoute, async ({ params, query }) =>
    portalResponse(deps, await statementPage(deps, params.token, query)),
  );

export const handler = deployedHandler(createHandler);
