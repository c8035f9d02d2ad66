// POST /v1/customers/{customerId}/contacts: one contact on the customer's case, counted against the debts it concerns.
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { logCaseContact } from '../../shared/use-cases/contacts';
import { postCaseContactRoute } from './routes/post-case-contact.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, postCaseContactRoute, async ({ grant, params, body }) => ({
    status: 201,
    body: await logCaseContact(deps, grant.tenantId, params.customerId, body, grant.actor),
  }));

export const handler = deployedHandler(createHandler);
