// The collectors' work queue: a tenant's open delinquencies from the priority indexes, filtered, sorted and paged,
// each with its customer's name and how many days it is past due.
import { daysBetween, localDate } from '../domain/calendar';
import { inBaseCurrency } from '../domain/exchange-rates';
import { ValidationError } from '../errors/errors';
import type { Clock } from '../ports/clock.port';
import type { DelinquencyListings, QueueFilter } from '../ports/delinquency-repository.port';
import type { QueueCustomer, QueueDetails, QueueInvoice } from '../ports/queue-details.port';
import type { Delinquency } from '../schemas/delinquency.schema';
import type { QueueQuery } from '../schemas/queue.schema';
import type { Tenant } from '../schemas/tenant.schema';
import type { TenantDirectory } from '../ports/tenant-directory.port';
import { scoreView } from './scoring';

type QueueTenant = Pick<Tenant, 'scoreModel' | 'baseCurrency' | 'exchangeRates' | 'timeZone'>;

/** A collector's queue sorted other than by priority is read whole; beyond this it must be narrowed first. */
export const MAX_SORTED_QUEUE = 1000;

/** What a queue item shows beside the delinquency itself; absent where the caller did not read it. */
export interface QueueItemDetails {
  customer?: QueueCustomer | undefined;
  dueDate?: string | undefined;
}

/** What a balance is worth in the tenant's base currency at today's rates (the tenant's day), or null if unquoted. */
const baseBalance = (delinquency: Delinquency, tenant: QueueTenant | null, now: Date) =>
  inBaseCurrency(tenant, delinquency.balance, delinquency.currency, localDate(now, tenant?.timeZone ?? 'UTC'));

/** One delinquency as the queue shows it: its own balance and currency, and their worth in the base currency. */
export const workQueueItem = (
  delinquency: Delinquency,
  tenant: QueueTenant | null,
  now: Date,
  details: QueueItemDetails = {},
) => {
  const zone = details.customer?.timeZone ?? null;
  return {
    id: delinquency.id,
    status: delinquency.status,
    customerId: delinquency.customerId,
    customerName: details.customer?.name ?? null,
    customerTimeZone: zone,
    invoiceId: delinquency.invoiceId,
    dueDate: details.dueDate ?? null,
    daysPastDue:
      details.dueDate === undefined ? null : Math.max(0, daysBetween(details.dueDate, localDate(now, zone ?? 'UTC'))),
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
  };
};
type QueueItem = ReturnType<typeof workQueueItem>;

/**
 * Money that settled the invoice after the engine last ranked the case: its execution is waking to resolve it, and the
 * queue leaves it out meanwhile, so no one works (or calls about) a debt that was just paid. Should the engine find it
 * still open (interest owed), its new ranking is later than the payment and brings it back.
 */
const settledSinceRanked = (delinquency: Delinquency, invoice: QueueInvoice | undefined): boolean =>
  invoice !== undefined &&
  invoice.settled &&
  invoice.updatedAt >= (delinquency.score?.computedAt ?? delinquency.openedAt);

/** A person's collector id is their username (`person:<username>`); a partner key has no queue of its own. */
const assigneeOf = (assignee: QueueQuery['assignee'], person: string | undefined): string | null | undefined => {
  if (assignee === undefined) return undefined;
  if (assignee === 'unassigned') return null;
  if (assignee !== 'me') return assignee;
  if (person?.startsWith('person:')) return person.slice('person:'.length);
  throw new ValidationError('"me" needs a signed-in person', [
    { path: 'query.assignee', message: 'only a signed-in person has a queue of their own: name the collector' },
  ]);
};

/** Offsets into a sorted queue: a cursor of its own, so one from the priority order is refused, not misread. */
const encodeOffset = (sort: string, offset: number) => `${sort}.${offset}`;
const decodeOffset = (sort: string, cursor: string | undefined): number => {
  if (cursor === undefined) return 0;
  const match = new RegExp(`^${sort}\\.(\\d{1,6})$`).exec(cursor);
  if (!match) {
    throw new ValidationError('the cursor is not one this list gave out', [
      { path: 'query.cursor', message: 'unknown or foreign cursor' },
    ]);
  }
  return Number(match[1]);
};

const BY: Record<Exclude<QueueQuery['sort'], 'priority'>, (a: QueueItem, b: QueueItem) => number> = {
  // Most overdue first; an invoice that is gone sorts last. Ties keep the priority order (the sort is stable).
  daysPastDue: (a, b) => (b.daysPastDue ?? -1) - (a.daysPastDue ?? -1),
  // Largest first, compared in the base currency where both are quoted, else in minor units.
  balance: (a, b) =>
    a.baseBalance && b.baseBalance ? b.baseBalance.amount - a.baseBalance.amount : b.balance - a.balance,
};

export const workQueue = async (
  deps: {
    delinquencies: DelinquencyListings;
    tenants: TenantDirectory;
    clock: Clock;
    /** Without it (the engine's own checks) the items carry no names or due dates. */
    queueDetails?: QueueDetails;
  },
  tenantId: string,
  query: QueueQuery,
  /** The caller's `person` (grant.person): who "me" is. */
  person?: string,
) => {
  const assigneeId = assigneeOf(query.assignee, person);
  const sort = query.sort ?? 'priority';
  if (sort !== 'priority' && (assigneeId === undefined || assigneeId === null)) {
    throw new ValidationError("only one collector's queue sorts other than by priority", [
      {
        path: 'query.sort',
        message: `${sort} sorts one collector's queue (assignee=me or a collector's id); the team's queue is ranked by priority`,
      },
    ]);
  }
  const filter: QueueFilter = {
    status: query.status,
    ...(assigneeId === undefined ? {} : { assigneeId }),
    ...(query.band === undefined ? {} : { band: query.band }),
    ...(query.currency === undefined ? {} : { currency: query.currency }),
    ...(query.stage === undefined ? {} : { stage: query.stage }),
  };
  const tenantRead = deps.tenants.getTenant(tenantId);
  const now = deps.clock.now();
  const describe = async (cases: Delinquency[], tenant: QueueTenant | null) => {
    const read = deps.queueDetails
      ? await deps.queueDetails.read(
          tenantId,
          cases.map((item) => item.customerId),
          cases.map((item) => item.invoiceId),
        )
      : undefined;
    return cases
      .filter((item) => !settledSinceRanked(item, read?.invoices.get(item.invoiceId)))
      .map((item) =>
        workQueueItem(item, tenant, now, {
          customer: read?.customers.get(item.customerId),
          dueDate: read?.invoices.get(item.invoiceId)?.dueDate,
        }),
      );
  };

  if (sort === 'priority') {
    const [tenant, page] = await Promise.all([
      tenantRead,
      deps.delinquencies.listQueue(tenantId, filter, query.limit, query.cursor),
    ]);
    return { items: await describe(page.items, tenant), nextCursor: page.nextCursor };
  }

  const offset = decodeOffset(sort, query.cursor);
  const [tenant, all] = await Promise.all([
    tenantRead,
    deps.delinquencies.listAssigneeQueue(tenantId, { ...filter, assigneeId: assigneeId as string }, MAX_SORTED_QUEUE),
  ]);
  if (all === 'too-many') {
    throw new ValidationError('the queue is too long to sort', [
      {
        path: 'query.sort',
        message: `more than ${MAX_SORTED_QUEUE} open delinquencies: narrow by band, currency or stage, or sort by priority`,
      },
    ]);
  }
  // Sorting by days past due needs every item's due date: the whole (bounded) queue is described, then one page cut.
  const sorted = (await describe(all, tenant)).sort(BY[sort]);
  const end = offset + query.limit;
  return { items: sorted.slice(offset, end), nextCursor: end < sorted.length ? encodeOffset(sort, end) : null };
};
