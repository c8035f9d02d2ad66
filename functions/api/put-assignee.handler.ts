// PUT /v1/delinquencies/{delinquencyId}/assignee: a manager gives a delinquency to a collector, or to no one.
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { reassign } from '../../shared/use-cases/assignment';
import { requireManager } from '../../shared/use-cases/collectors';
import { workQueueItem } from '../../shared/use-cases/work-queue';
import { putAssigneeRoute } from './routes/put-assignee.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, putAssigneeRoute, async ({ grant, params, body }) => {
    requireManager(grant, 'assigning a delinquency');
    const delinquency = await reassign(deps, grant.tenantId, params.delinquencyId, body.collectorId, grant.actor);
    return {
      status: 200,
      body: workQueueItem(delinquency, await deps.tenants.getTenant(grant.tenantId), deps.clock.now()),
    };
  });

export const handler = deployedHandler(createHandler);
