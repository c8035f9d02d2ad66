// GET /v1/delinquencies/{delinquencyId}/contact-window?channel=: when the next contact on a channel is allowed, and why not now.
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { contactWindow } from '../../shared/use-cases/contacts';
import { getContactWindowRoute } from './routes/get-contact-window.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, getContactWindowRoute, async ({ grant, params, query }) => ({
    status: 200,
    body: await contactWindow(deps, grant.tenantId, params.delinquencyId, query.channel),
  }));

export const handler = deployedHandler(createHandler);
