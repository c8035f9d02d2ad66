// POST /v1/delinquencies/{delinquencyId}/contacts: a collector logs a call, email, SMS or letter on one debt.
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { logContact } from '../../shared/use-cases/contacts';
import { postContactRoute } from './routes/post-contact.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, postContactRoute, async ({ grant, params, body }) => ({
    status: 201,
    body: await logContact(deps, grant.tenantId, params.delinquencyId, body, grant.actor),
  }));

export const handler = deployedHandler(createHandler);
