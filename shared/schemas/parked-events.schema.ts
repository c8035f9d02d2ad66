// A batch of integration events the bus kept refusing, kept with its delinquency until a replay publishes it.
import * as z from 'zod';

export const ParkedEventsStatusSchema = z.enum(['parked', 'replaying', 'replayed']);

export const ParkedEventsSchema = z.object({
  id: z.string(),
  delinquencyId: z.string(),
  /** When the pass that produced the events ran: the events' own time, kept through every replay. */
  parkedAt: z.string(),
  /** The refused events exactly as the pass built them (JSON of IntegrationEvent[]): replayed unchanged. */
  events: z.string(),
  /** How many events `events` holds (what the metrics and the overdue count add up). */
  eventCount: z.number().int().min(1),
  /** parked: waiting (in the tenant's parked index); replaying: one replay holds it; replayed: published, out of the index. */
  status: ParkedEventsStatusSchema,
  /** Replays that tried it, successful or not. */
  attempts: z.number().int().min(0),
  /** The replay holding it ('replaying'), and since when: a replay that died is taken over once its lease is over. */
  replayAttemptId: z.string().nullable(),
  replayClaimedAt: z.string().nullable(),
  replayedAt: z.string().nullable(),
  /** Why the last replay was refused (the bus's words, no personal data). */
  lastError: z.string().nullable(),
});
export type ParkedEvents = z.infer<typeof ParkedEventsSchema>;
