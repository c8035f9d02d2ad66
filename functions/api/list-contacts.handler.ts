// GET /v1/delinquencies/{delinquencyId}/contacts: the contacts logged on a debt, newest first, a page at a time.
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { listContacts } from '../../shared/use-cases/contacts';
import { listContactsRoute } from './routes/list-contacts.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, listContactsRoute, async ({ grant, params, query }) => ({
    status: 200,
    body: await listContacts(deps, grant.tenantId, params.delinquencyId, query.limit, query.cursor),
  }));

export const handler = deployedHandler(createHandler);
