// Collectors as a resource: managers register them with a capacity; collectors and managers list them with their load.
import { ForbiddenError } from '../errors/errors';
import type { ApiKeyGrant } from '../ports/tenant-directory.port';
import type { Clock } from '../ports/clock.port';
import type { CollectorRepository } from '../ports/collector-repository.port';
import type { PutCollectorBody } from '../schemas/collector.schema';

/** Who runs the team decides who is on it and who works what. */
export const requireManager = (grant: ApiKeyGrant, what: string) => {
  if (grant.role !== 'manager') throw new ForbiddenError(`${what} needs a manager's key`, 'manager-required');
};

export const putCollector = async (
  deps: { clock: Clock; collectors: CollectorRepository },
  grant: ApiKeyGrant,
  collectorId: string,
  body: PutCollectorBody,
) => {
  requireManager(grant, 'registering or changing a collector');
  return deps.collectors.put(grant.tenantId, collectorId, body, deps.clock.now().toISOString());
};
