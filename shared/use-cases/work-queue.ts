// The collectors' work queue: a tenant's open delinquencies from the priority indexes, filtered and paged.
import { localDate } from '../domain/calendar';
import { inBaseCurrency } from '../domain/exchange-rates';
import type { Clock } from '../ports/clock.port';
import type { DelinquencyListings } from '../ports/delinquency-repository.port';
import type { Delinquency } from '../schemas/delinquency.schema';
import type { QueueQuery } from '../schemas/queue.schema';
import type { Tenant } from '../schemas/tenant.schema';
import type { TenantDirectory } from '../ports/tenant-directory.port';
import { scoreView } from './scoring';

type QueueTenant = Pick<Tenant, 'scoreModel' | 'baseCurrency' | 'exchangeRates' | 'timeZone'>;

/** What a balance is worth in the tenant's base currency at today's rates (the tenant's day), or null if unquoted. */
const baseBalance = (delinquency: Delinquency, tenant: QueueTenant | null, now: Date) =>
  inBaseCurrency(tenant, delinquency.balance, delinquency.currency, localDate(now, tenant?.timeZone ?? 'UTC'));

/** One delinquency as the queue shows it: its own balance and currency, and their worth in the base currency. */
export const workQueueItem = (delinquency: Delinquency, tenant: QueueTenant | null, now: Date) => ({
  id: delinquency.id,
  status: delinquency.status,
  customerId: delinquency.customerId,
  invoiceId: delinquency.invoiceId,
  currency: delinquency.currency,
  balance: delinquency.balance,
  baseBalance: baseBalance(delinquency, tenant, now),
  score: scoreView(delinquency.score, tenant),
  priority: delinquency.priority,
  assigneeId: delinquency.assigneeId,
  stage: delinquency.stage,
  nextStep: delinquency.nextStep,
  nextActionAt: delinquency.nextActionAt,
  openedAt: delinquency.openedAt,
});

export const workQueue = async (
  deps: { delinquencies: DelinquencyListings; tenants: TenantDirectory; clock: Clock },
  tenantId: string,
  query: QueueQuery,
) => {
  const [tenant, page] = await Promise.all([
    deps.tenants.getTenant(tenantId),
    deps.delinquencies.listQueue(
      tenantId,
      {
        status: query.status,
        ...(query.assignee === undefined
          ? {}
          : { assigneeId: query.assignee === 'unassigned' ? null : query.assignee }),
        ...(query.band === undefined ? {} : { band: query.band }),
        ...(query.currency === undefined ? {} : { currency: query.currency }),
      },
      query.limit,
      query.cursor,
    ),
  ]);
  const now = deps.clock.now();
  return {
    items: page.items.map((delinquency) => workQueueItem(delinquency, tenant, now)),
    nextCursor: page.nextCursor,
  };
};
