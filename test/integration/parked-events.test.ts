// Parked integration events against DynamoDB Local: one replay at a time holds a batch, a dead replay's hold runs out,
// a replayed batch leaves the tenant's list, and the overdue count reads only what waited long enough.
import { DynamoParkedEventStore } from '../../shared/adapters/dynamodb/parked-events.dynamodb';
import type { TimelineEntry } from '../../shared/schemas/delinquency.schema';
import type { ParkedEvents } from '../../shared/schemas/parked-events.schema';
import { createTestTable, type TestTable } from '../fixtures/test-table';

let table: TestTable;
let store: DynamoParkedEventStore;
beforeAll(async () => {
  table = await createTestTable();
  store = new DynamoParkedEventStore(table.client, table.tableName);
});
afterAll(() => table.destroy());

const batch = (id: string, delinquencyId: string, parkedAt: string, count = 1): ParkedEvents => ({
  id,
  delinquencyId,
  parkedAt,
  events: JSON.stringify(
    Array.from({ length: count }, (_, index) => ({ detailType: 'reminder.sent', detail: { index } })),
  ),
  eventCount: count,
  status: 'parked',
  attempts: 0,
  replayAttemptId: null,
  replayClaimedAt: null,
  replayedAt: null,
  lastError: 'refused',
});
const noted = (id: string, at: string): TimelineEntry => ({
  id,
  at,
  kind: 'events.unpublished',
  actor: 'execution',
  detail: 'parked',
});

it('lists a tenant’s waiting batches oldest first, and only that tenant’s', async () => {
  await store.park('t-list', batch('p2', 'd1', '2027-01-02T08:00:00.000Z'), noted('n2', '2027-01-02T08:00:00.000Z'));
  await store.park('t-list', batch('p1', 'd2', '2027-01-01T08:00:00.000Z', 3), noted('n1', '2027-01-01T08:00:00.000Z'));
  await store.park('t-other', batch('p3', 'd1', '2027-01-01T07:00:00.000Z'), noted('n3', '2027-01-01T07:00:00.000Z'));
  expect((await store.listParked('t-list', 10)).map((parked) => parked.id)).toEqual(['p1', 'p2']);
  expect(await store.parkedBefore('t-list', '2027-01-02T00:00:00.000Z')).toEqual([{ id: 'p1', eventCount: 3 }]);
  // Parking the same batch again (a write whose answer was lost) keeps one.
  await store.park('t-list', batch('p2', 'd1', '2027-01-02T08:00:00.000Z'), noted('n2', '2027-01-02T08:00:00.000Z'));
  expect(await store.listParked('t-list', 10)).toHaveLength(2);
});

it('lets one replay hold a batch; a dead replay’s hold is taken over once its lease is over', async () => {
  const parked = batch('hold', 'd9', '2027-02-01T08:00:00.000Z');
  await store.park('t-hold', parked, noted('nh', parked.parkedAt));
  const now = '2027-02-01T09:00:00.000Z';
  const first = await store.claimReplay('t-hold', parked, 'a1', now, '2027-02-01T08:40:00.000Z');
  expect(first).toMatchObject({ status: 'replaying', replayAttemptId: 'a1', attempts: 1 });
  expect(await store.claimReplay('t-hold', parked, 'a2', now, '2027-02-01T08:40:00.000Z')).toBeNull();
  // Still listed while held: a replay that died leaves it findable.
  expect((await store.listParked('t-hold', 10)).map((item) => item.status)).toEqual(['replaying']);
  const later = await store.claimReplay('t-hold', parked, 'a3', '2027-02-01T10:00:00.000Z', '2027-02-01T09:40:00.000Z');
  expect(later).toMatchObject({ replayAttemptId: 'a3', attempts: 2 });
  // The replay that lost its hold cannot settle it; the one holding it can.
  const done = { remaining: '[]', remainingCount: 0, now: '2027-02-01T10:00:01.000Z', error: null, entry: null };
  expect(await store.settleReplay('t-hold', parked, 'a1', done)).toBe(false);
  expect(await store.settleReplay('t-hold', parked, 'a3', done)).toBe(true);
  expect(await store.listParked('t-hold', 10)).toEqual([]);
  expect(
    await store.claimReplay('t-hold', parked, 'a4', '2027-03-01T00:00:00.000Z', '2027-02-28T00:00:00.000Z'),
  ).toBeNull();
});

it('puts back what the bus still refused, under its first time, with the reason', async () => {
  const parked = batch('partial', 'd7', '2027-03-01T08:00:00.000Z', 2);
  await store.park('t-partial', parked, noted('np', parked.parkedAt));
  await store.claimReplay('t-partial', parked, 'b1', '2027-03-01T09:00:00.000Z', '2027-03-01T08:40:00.000Z');
  const remaining = JSON.stringify([{ detailType: 'reminder.sent', detail: { index: 1 } }]);
  const entry: TimelineEntry = {
    id: 'nr',
    at: '2027-03-01T09:00:01.000Z',
    kind: 'events.replayed',
    actor: 'schedule',
    detail: '1 published',
  };
  expect(
    await store.settleReplay('t-partial', parked, 'b1', {
      remaining,
      remainingCount: 1,
      now: '2027-03-01T09:00:01.000Z',
      error: 'refused again',
      entry,
    }),
  ).toBe(true);
  const [waiting] = await store.listParked('t-partial', 10);
  expect(waiting).toMatchObject({
    status: 'parked',
    events: remaining,
    eventCount: 1,
    lastError: 'refused again',
    replayAttemptId: null,
    parkedAt: parked.parkedAt,
  });
  expect(await store.parkedBefore('t-partial', '2027-03-01T12:00:00.000Z')).toEqual([{ id: 'partial', eventCount: 1 }]);
});
