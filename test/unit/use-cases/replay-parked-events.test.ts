// The replay's decisions with fake ports: it stops a tenant's replay at the first refusal (the bus is still down), and
// one tenant's failure neither fails the run nor stops the other tenants' replays.
import type { IntegrationEvent } from '../../../events/catalog';
import { EventsRefusedError } from '../../../shared/ports/event-publisher.port';
import type { ParkedEventStore } from '../../../shared/ports/parked-events.port';
import type { ParkedEvents } from '../../../shared/schemas/parked-events.schema';
import { replayParkedEvents } from '../../../shared/use-cases/replay-parked-events';

const event = (n: number) => ({ detailType: 'reminder.sent', detail: { n } }) as unknown as IntegrationEvent;
const batch = (id: string, events: IntegrationEvent[]): ParkedEvents => ({
  id,
  delinquencyId: `d-${id}`,
  parkedAt: '2027-01-01T08:00:00.000Z',
  events: JSON.stringify(events),
  eventCount: events.length,
  status: 'parked',
  attempts: 0,
  replayAttemptId: null,
  replayClaimedAt: null,
  replayedAt: null,
  lastError: null,
});

const fakeStore = (waiting: Record<string, ParkedEvents[]>, failing: string[] = []) => {
  const settled: { id: string; remainingCount: number }[] = [];
  const store: ParkedEventStore = {
    park: async () => undefined,
    listParked: async (tenantId) => {
      if (failing.includes(tenantId)) throw new Error('throttled (injected)');
      return waiting[tenantId] ?? [];
    },
    claimReplay: async (_tenantId, parked) => ({ ...parked, status: 'replaying', attempts: parked.attempts + 1 }),
    settleReplay: async (_tenantId, parked, _attemptId, outcome) => (
      settled.push({ id: parked.id, remainingCount: outcome.remainingCount }),
      true
    ),
    parkedBefore: async (tenantId) =>
      (waiting[tenantId] ?? []).map((parked) => ({ id: parked.id, eventCount: parked.eventCount })),
  };
  return { store, settled };
};

const deps = (store: ParkedEventStore, tenants: string[], publish: (events: IntegrationEvent[]) => Promise<void>) => ({
  clock: { now: () => new Date('2027-01-01T12:00:00.000Z') },
  tenants: { listTenants: async () => tenants.map((id) => ({ id })) } as never,
  parkedEvents: store,
  events: { publish },
});

it('keeps what the bus refuses and leaves the tenant’s later batches for the next run', async () => {
  const { store, settled } = fakeStore({ t1: [batch('a', [event(1), event(2)]), batch('b', [event(3)])] });
  const published: IntegrationEvent[] = [];
  const totals = await replayParkedEvents(
    deps(store, ['t1'], async (events) => {
      published.push(events[0]!);
      throw new EventsRefusedError('refused', events.slice(1));
    }),
  );
  // Batch a: one event out, one waits; batch b is not tried while the bus refuses.
  expect(settled).toEqual([{ id: 'a', remainingCount: 1 }]);
  expect(published).toEqual([event(1)]);
  expect(totals).toEqual({ batchesReplayed: 0, eventsReplayed: 1, eventsOverdue: 2, tenantsFailed: 0 });
});

it('counts a tenant whose replay failed and replays the others', async () => {
  const { store, settled } = fakeStore({ t2: [batch('c', [event(4)])] }, ['t1']);
  const totals = await replayParkedEvents(deps(store, ['t1', 't2'], async () => undefined));
  expect(settled).toEqual([{ id: 'c', remainingCount: 0 }]);
  expect(totals).toMatchObject({ batchesReplayed: 1, eventsReplayed: 1, tenantsFailed: 1 });
});
