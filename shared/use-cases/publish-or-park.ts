// Publishes integration events, or parks the ones the bus still refuses with their delinquency for the hourly replay:
// shared by the execution's passes, the run that opens delinquencies and the credit review an execution makes.
import type { IntegrationEvent } from '../../events/catalog';
import { newId } from '../domain/ids';
import { EventsRefusedError } from '../ports/event-publisher.port';
import { metricsOf } from '../ports/metrics.port';
import type { TimelineEntry } from '../schemas/delinquency.schema';
import type { ParkedEvents } from '../schemas/parked-events.schema';
import type { EngineDeps } from './engine-deps';

/** Writes of a parked batch tried before the pass fails (a retried pass would not produce the events again). */
const PARK_ATTEMPTS = 5;

/** What publishing (or parking) touches: the bus, the parked-event store, the clock and the counters. */
export type PublishDeps = Pick<EngineDeps, 'clock' | 'events' | 'parkedEvents' | 'metrics'>;

/**
 * Publishes what a pass did. The publisher already retried failed entries with backoff; if the bus still refuses, the
 * refused events (only those: the others are on the bus) are parked with the delinquency and on its timeline instead
 * of failing the pass, since a retried pass would find its steps done and never produce those events again. The
 * hourly run replays them (replay-parked-events.ts); both are counted.
 */
export const publishOrPark = async (
  deps: PublishDeps,
  tenantId: string,
  delinquencyId: string,
  batch: IntegrationEvent[],
) => {
  try {
    await deps.events.publish(batch);
  } catch (error) {
    const refused = error instanceof EventsRefusedError ? error.refused : batch;
    if (refused.length === 0) return;
    const now = deps.clock.now();
    const reason = error instanceof Error ? error.message : 'unknown error';
    const parked: ParkedEvents = {
      id: newId('prk', now),
      delinquencyId,
      parkedAt: now.toISOString(),
      events: JSON.stringify(refused),
      eventCount: refused.length,
      status: 'parked',
      attempts: 0,
      replayAttemptId: null,
      replayClaimedAt: null,
      replayedAt: null,
      lastError: reason.slice(0, 300),
    };
    const noted: TimelineEntry = {
      id: newId('tl', now),
      at: now.toISOString(),
      kind: 'events.unpublished',
      actor: 'execution',
      detail: `the event bus refused ${refused.length} event(s) after retries (${reason}); kept for the hourly replay`,
      rule: 'events.dead-letter',
      data: { count: refused.length, parkedId: parked.id, events: parked.events },
    };
    // The same batch id every attempt: a write that landed before its answer was lost is not parked twice.
    for (let attempt = 1; ; attempt += 1) {
      try {
        await deps.parkedEvents.park(tenantId, parked, noted);
        break;
      } catch (parkError) {
        if (attempt >= PARK_ATTEMPTS) throw parkError;
      }
    }
    metricsOf(deps).add('EventsUnpublished', refused.length);
  }
};
