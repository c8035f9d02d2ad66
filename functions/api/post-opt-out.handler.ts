// POST /v1/customers/{customerId}/opt-outs: stop a channel for a customer's address, at once.
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { addOptOut } from '../../shared/use-cases/customers';
import { postOptOutRoute } from './routes/post-opt-out.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, postOptOutRoute, async ({ grant, params, body }) => {
    const { optOut, created } = await addOptOut(deps, grant.tenantId, params.customerId, body);
    return { status: created ? 201 : 200, body: optOut };
  });

export const handler = deployedHandler(createHandler);
