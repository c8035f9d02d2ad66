// The collectors' work queue: a tenant's open delinquencies from the priority indexes, filtered and paged.
import type { DelinquencyRepository } from '../ports/delinquency-repository.port';
import type { Delinquency } from '../schemas/delinquency.schema';
import type { QueueQuery } from '../schemas/queue.schema';
import type { Tenant } from '../schemas/tenant.schema';
import type { TenantDirectory } from '../ports/tenant-directory.port';
import { scoreView } from './scoring';

/** One delinquency as the queue shows it. */
export const workQueueItem = (delinquency: Delinquency, tenant: Pick<Tenant, 'scoreModel'> | null) => ({
  id: delinquency.id,
  status: delinquency.status,
  customerId: delinquency.customerId,
  invoiceId: delinquency.invoiceId,
  currency: delinquency.currency,
  balance: delinquency.balance,
  score: scoreView(delinquency.score, tenant),
  priority: delinquency.priority,
  assigneeId: delinquency.assigneeId,
  stage: delinquency.stage,
  nextStep: delinquency.nextStep,
  nextActionAt: delinquency.nextActionAt,
  openedAt: delinquency.openedAt,
});

export const workQueue = async (deps: { delinquencies: DelinquencyRepository; tenants: TenantDirectory }, tenantId: string, query: QueueQuery) => {
  const [tenant, page] = await Promise.all([deps.tenants.getTenant(tenantId), deps.delinquencies.listQueue(
    tenantId,
    {
      status: query.status,
      ...(query.assignee === undefined ? {} : { assigneeId: query.assignee === 'unassigned' ? null : query.assignee }),
      ...(query.band === undefined ? {} : { band: query.band }),
      ...(query.currency === undefined ? {} : { currency: query.currency }),
    },
    query.limit,
    query.cursor,
  )]);
  return {
    items: page.items.map((delinquency) => workQueueItem(delinquency, tenant)),
    nextCursor: page.nextCursor,
  };
};
