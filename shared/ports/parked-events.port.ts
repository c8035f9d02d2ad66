// Where integration events the bus kept refusing wait for their replay: with their delinquency, listed per tenant.
import type { ParkedEvents } from '../schemas/parked-events.schema';
import type { TimelineEntry } from '../schemas/delinquency.schema';

export interface ParkedEventStore {
  /** Keeps a refused batch with its delinquency and records it on the timeline, in one write. */
  park(tenantId: string, parked: ParkedEvents, entry: TimelineEntry): Promise<void>;
  /** A tenant's batches waiting for a replay (parked, or held by a replay), oldest first, at most `limit`. */
  listParked(tenantId: string, limit: number): Promise<ParkedEvents[]>;
  /**
   * Takes a batch for one replay: only while it is parked, or held by a replay that claimed it before `staleBefore`
   * (one that died). Answers the batch as stored now, or null when another replay has it or it was replayed.
   */
  claimReplay(
    tenantId: string,
    parked: ParkedEvents,
    attemptId: string,
    now: string,
    staleBefore: string,
  ): Promise<ParkedEvents | null>;
  /**
   * Settles this replay's claim: `remaining` empty marks the batch replayed (it leaves the parked list); otherwise the
   * events the bus still refused go back to waiting, with the reason. The entry, if any, goes on the timeline in the
   * same write. False when the claim was no longer this replay's (nothing written).
   */
  settleReplay(
    tenantId: string,
    parked: ParkedEvents,
    attemptId: string,
    outcome: {
      remaining: string;
      remainingCount: number;
      now: string;
      error: string | null;
      entry: TimelineEntry | null;
    },
  ): Promise<boolean>;
  /** The batches still waiting that were parked before `cutoff` (id and event count): what the overdue alarm counts. */
  parkedBefore(tenantId: string, cutoff: string): Promise<{ id: string; eventCount: number }[]>;
}
