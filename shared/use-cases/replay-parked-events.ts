// The dead letter of integration events, emptied automatically: the hourly run publishes what the bus refused before.
import { randomUUID } from 'node:crypto';
import type { IntegrationEvent } from '../../events/catalog';
import { newId } from '../domain/ids';
import type { Clock } from '../ports/clock.port';
import { EventsRefusedError, type EventPublisher } from '../ports/event-publisher.port';
import { metricsOf, type BusinessMetrics } from '../ports/metrics.port';
import type { ParkedEventStore } from '../ports/parked-events.port';
import type { TenantDirectory } from '../ports/tenant-directory.port';
import type { TimelineEntry } from '../schemas/delinquency.schema';
import type { ParkedEvents } from '../schemas/parked-events.schema';
import type { Tenant } from '../schemas/tenant.schema';
import { logger } from '../observability/logger';

/** Parked events older than this page an operator (EventsParkedOverdue): the hourly replays have failed that often. */
export const PARKED_OVERDUE_HOURS = 3;
/**
 * How long a replay holds a batch: far longer than publishing one batch takes, and than the run's function may live.
 * A replay that died holding one is taken over after it (the only way a batch could reach the bus twice).
 */
export const REPLAY_LEASE_MS = 20 * 60_000;
/** Batches a tenant's replay takes on per run, oldest first; the rest wait for the next run. */
export const MAX_REPLAY_BATCHES = 200;
/** Writes of a replay's outcome tried before giving up (a throttled or conflicting write must not republish). */
const SETTLE_ATTEMPTS = 5;

export interface ReplayDeps {
  clock: Clock;
  tenants: TenantDirectory;
  parkedEvents: ParkedEventStore;
  events: EventPublisher;
  metrics?: BusinessMetrics;
}

export interface ReplayTotals {
  /** Batches this run published in full. */
  batchesReplayed: number;
  /** Events it published (the EventsReplayed metric). */
  eventsReplayed: number;
  /** Events parked longer than PARKED_OVERDUE_HOURS that still wait after the run (the EventsParkedOverdue metric). */
  eventsOverdue: number;
  /** Tenants whose replay failed (logged); their batches wait for the next run. */
  tenantsFailed: number;
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : 'unknown error').slice(0, 300);

const settle = async (
  deps: ReplayDeps,
  tenantId: string,
  held: ParkedEvents,
  attemptId: string,
  outcome: Parameters<ParkedEventStore['settleReplay']>[3],
) => {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await deps.parkedEvents.settleReplay(tenantId, held, attemptId, outcome);
    } catch (error) {
      if (attempt >= SETTLE_ATTEMPTS) throw error;
    }
  }
};

const replayedEntry = (now: Date, held: ParkedEvents, published: number, remaining: number): TimelineEntry => ({
  id: newId('tl', now),
  at: now.toISOString(),
  kind: 'events.replayed',
  actor: 'schedule',
  detail:
    `${published} integration event(s) the bus refused at ${held.parkedAt} were published on replay ${held.attempts}` +
    (remaining > 0 ? `; ${remaining} still refused, kept for the next replay` : ''),
  rule: 'events.dead-letter',
  data: { parkedId: held.id, count: published, remaining },
});

/**
 * Replays one tenant's parked batches, oldest first. Each batch is claimed before it is published, so concurrent or
 * repeated replays publish it once; events keep their detail (ids and times) and go out under the time they happened.
 * A batch the bus refuses again keeps waiting (only its refused events), and the tenant's replay stops there: the bus
 * is still down, and the next run tries again.
 */
const replayTenant = async (deps: ReplayDeps, tenantId: string, totals: ReplayTotals) => {
  const now = deps.clock.now();
  const staleBefore = new Date(now.getTime() - REPLAY_LEASE_MS).toISOString();
  /** What this run left waiting of the batches it tried: id -> events still parked. */
  const leftWaiting = new Map<string, number>();
  const waiting = await deps.parkedEvents.listParked(tenantId, MAX_REPLAY_BATCHES);
  // Nothing parked, nothing overdue: the usual hour costs one query per tenant.
  if (waiting.length === 0) return;
  for (const listed of waiting) {
    const attemptId = randomUUID();
    const held = await deps.parkedEvents.claimReplay(tenantId, listed, attemptId, now.toISOString(), staleBefore);
    if (!held) continue;
    const events = JSON.parse(held.events) as IntegrationEvent[];
    let remaining: IntegrationEvent[] = [];
    let error: string | null = null;
    try {
      await deps.events.publish(events, { time: new Date(held.parkedAt) });
    } catch (refusal) {
      remaining = refusal instanceof EventsRefusedError ? refusal.refused : events;
      error = reasonOf(refusal);
    }
    const published = events.length - remaining.length;
    const settled = await settle(deps, tenantId, held, attemptId, {
      remaining: JSON.stringify(remaining),
      remainingCount: remaining.length,
      now: deps.clock.now().toISOString(),
      error,
      entry: published > 0 ? replayedEntry(deps.clock.now(), held, published, remaining.length) : null,
    });
    if (published > 0) metricsOf(deps).add('EventsReplayed', published);
    if (settled && remaining.length === 0) totals.batchesReplayed += 1;
    totals.eventsReplayed += published;
    leftWaiting.set(held.id, remaining.length);
    if (remaining.length > 0) break;
  }
  // The overdue count reads the index again (bounded to the old end of it); what this run just settled counts as settled.
  const cutoff = new Date(now.getTime() - PARKED_OVERDUE_HOURS * 3_600_000).toISOString();
  const overdue = (await deps.parkedEvents.parkedBefore(tenantId, cutoff)).reduce(
    (sum, batch) => sum + (leftWaiting.get(batch.id) ?? batch.eventCount),
    0,
  );
  if (overdue > 0) metricsOf(deps).add('EventsParkedOverdue', overdue);
  totals.eventsOverdue += overdue;
};

/**
 * Every tenant's replay. A failure (a throttled read) stops that tenant's replay only, is logged and counted, and never
 * fails the run: its batches stay parked, the next run tries again, and the overdue alarm pages if that keeps failing.
 */
export const replayParkedEvents = async (
  deps: ReplayDeps,
  /** The run's own listing of the tenants, when it has one (one listing an invocation). */
  listTenants: () => Promise<Tenant[]> = () => deps.tenants.listTenants(),
): Promise<ReplayTotals> => {
  const totals: ReplayTotals = { batchesReplayed: 0, eventsReplayed: 0, eventsOverdue: 0, tenantsFailed: 0 };
  const tenants = await listTenants().catch((error: unknown) => {
    logger.error('parked events not replayed: the tenants could not be listed', { error: reasonOf(error) });
    totals.tenantsFailed += 1;
    return [];
  });
  for (const tenant of tenants) {
    try {
      await replayTenant(deps, tenant.id, totals);
    } catch (error) {
      totals.tenantsFailed += 1;
      logger.error('parked events not replayed', { tenantId: tenant.id, error: reasonOf(error) });
    }
  }
  return totals;
};
