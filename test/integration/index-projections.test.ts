// The indexes hold keys and a filter attribute or two, never whole items (nor the ~2 KB task tokens): every repository
// read through an index must still answer complete objects, exactly what the table holds.
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoParkedEventStore } from '../../shared/adapters/dynamodb/parked-events.dynamodb';
import { keys, stripStorage } from '../../shared/adapters/dynamodb/keys';
import { TABLE_DESIGN } from '../../shared/adapters/dynamodb/table-design';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/dynamodb-local';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { DelinquencySchema, type Delinquency, type TimelineEntry } from '../../shared/schemas/delinquency.schema';
import { DisputeSchema } from '../../shared/schemas/dispute.schema';
import type { Invoice } from '../../shared/schemas/invoice.schema';
import { ParkedEventsSchema } from '../../shared/schemas/parked-events.schema';
import { SCORE_FEATURES } from '../../shared/schemas/score.schema';
import { TenantSchema } from '../../shared/schemas/tenant.schema';
import { createTestTable, fixedClock, type TestTable } from '../fixtures/test-table';

const T = 't-proj';
/** As long as an AWS task token can be: it must stay on the case item alone. */
const TOKEN = `AQB${'x'.repeat(2_000)}`;
const clock = fixedClock('2026-12-10T09:00:00Z');
let table: TestTable;
let deps: ApiDependencies;
let parked: DynamoParkedEventStore;

const invoice = (id: string, overrides: Partial<Invoice> = {}): Invoice => ({
  id,
  customerId: 'c1',
  amount: 10_000,
  currency: 'EUR',
  issuedAt: '2026-11-01',
  dueDate: '2026-12-01',
  description: 'Electricity, November',
  voided: false,
  writtenOff: false,
  paidTotal: 0,
  feesTotal: 0,
  delinquencyId: null,
  scanDate: '2026-12-01',
  createdAt: '2026-12-01T09:00:00.000Z',
  updatedAt: '2026-12-01T09:00:00.000Z',
  updatedBy: 'api:k1',
  version: 1,
  ...overrides,
});

const delinquency = (id: string, invoiceId: string, overrides: Partial<Delinquency> = {}): Delinquency =>
  DelinquencySchema.parse({
    id,
    invoiceId,
    customerId: 'c1',
    currency: 'EUR',
    status: 'active',
    strategyId: 'default',
    stage: 'overdue',
    doneSteps: ['overdue'],
    nextActionAt: '2026-12-12T09:00:00.000Z',
    nextStep: 'second-reminder',
    openedAt: '2026-12-02T09:00:00.000Z',
    closedAt: null,
    factsVersion: 3,
    assigneeId: 'alice',
    score: {
      value: 0.7,
      band: 'high',
      inputs: SCORE_FEATURES.map((_, index) => index),
      model: 'default',
      computedAt: '2026-12-10T08:00:00.000Z',
    },
    openingInputs: SCORE_FEATURES.map(() => 1),
    priority: 620,
    balance: 10_000,
    taskToken: TOKEN,
    version: 1,
    ...overrides,
  });

/** What the table holds for a key, parsed as the repository parses it. */
const stored = async <T>(key: { pk: string; sk: string }, parse: (item: Record<string, unknown>) => T): Promise<T> => {
  const result = await table.client.send(
    new GetCommand({ TableName: table.tableName, Key: key, ConsistentRead: true }),
  );
  return parse(stripStorage(result.Item!));
};
const storedCase = (id: string) => stored(keys.delinquency(T, id), (item) => DelinquencySchema.parse(item));

beforeAll(async () => {
  table = await createTestTable();
  deps = table.deps(clock);
  parked = new DynamoParkedEventStore(table.client, table.tableName);
  await deps.tenants.putTenant(
    TenantSchema.parse({
      id: T,
      name: 'Projections',
      sendTime: '09:00',
      promiseGraceDays: 2,
      timeZone: 'Europe/Oslo',
      createdAt: 'now',
    }),
  );
  for (const id of ['inv-open', 'inv-closed', 'inv-due']) await deps.invoices.save(T, invoice(id), null);
  const opened: TimelineEntry = {
    id: 'tl-1',
    at: '2026-12-02T09:00:00.000Z',
    kind: 'delinquency.opened',
    actor: 'schedule',
    detail: 'x',
  };
  await deps.delinquencies.open(T, delinquency('dlq-open', 'inv-open'), opened);
  const closed = delinquency('dlq-closed', 'inv-closed');
  await deps.delinquencies.open(T, closed, { ...opened, id: 'tl-2' });
  await deps.delinquencies.save(
    T,
    { ...closed, status: 'handed_off', closedAt: '2026-12-09T09:00:00.000Z', taskToken: null, version: 2 },
    1,
    [],
  );
  const open = (await deps.delinquencies.get(T, 'dlq-open'))!;
  await deps.delinquencies.saveWithDispute(T, { ...open, status: 'disputed', version: 2 }, 1, [], {
    id: 'dsp-1',
    delinquencyId: 'dlq-open',
    invoiceId: 'inv-open',
    customerId: 'c1',
    status: 'open',
    reason: 'The meter was read wrong',
    source: 'api',
    providerDisputeId: null,
    amount: null,
    openedAt: '2026-12-09T10:00:00.000Z',
    openedBy: 'api:k1',
    openedByPerson: 'anna',
    resolvedAt: null,
    resolvedBy: null,
    resolvedByPerson: null,
    adjustment: null,
    note: null,
  });
  await deps.tasks.add(T, {
    id: 'task-1',
    kind: 'call',
    status: 'open',
    delinquencyId: 'dlq-open',
    invoiceId: 'inv-open',
    customerId: 'c1',
    stepId: 'collector-call',
    dueAt: '2026-12-11T09:00:00.000Z',
    createdAt: '2026-12-10T09:00:00.000Z',
    doneAt: null,
  });
  await parked.park(
    T,
    {
      id: 'pk-1',
      delinquencyId: 'dlq-open',
      parkedAt: '2026-12-10T08:00:00.000Z',
      events: JSON.stringify([{ detailType: 'reminder.sent', detail: { delinquencyId: 'dlq-open' } }]),
      eventCount: 1,
      status: 'parked',
      attempts: 0,
      replayAttemptId: null,
      replayClaimedAt: null,
      replayedAt: null,
      lastError: null,
    },
    { id: 'tl-3', at: '2026-12-10T08:00:00.000Z', kind: 'events.unpublished', actor: 'execution', detail: 'x' },
  );
});
afterAll(() => table.destroy());

describe('index projections', () => {
  it('deploys and creates every index with keys or a few named attributes, never whole items or task tokens', async () => {
    const raw = new DynamoDBClient({
      endpoint: process.env.ARREARS_TEST_DYNAMODB_ENDPOINT!,
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
    });
    const described = await raw.send(new DescribeTableCommand({ TableName: table.tableName }));
    raw.destroy();
    for (const design of TABLE_DESIGN.globalSecondaryIndexes) {
      const index = described.Table!.GlobalSecondaryIndexes!.find((found) => found.IndexName === design.indexName)!;
      expect(index.Projection?.ProjectionType).toBe(design.projection.type);
      expect(index.Projection?.ProjectionType).not.toBe('ALL');
      expect(index.Projection?.NonKeyAttributes ?? []).not.toContain('taskToken');
    }
    // The case carries its token in the table, and no index entry of it does.
    expect((await storedCase('dlq-open')).taskToken).toBe(TOKEN);
    for (const [index, partition] of [
      ['gsi1', keys.customerPartition(T, 'c1')],
      ['gsi3', keys.workQueuePartition(T, 'disputed', 'high')],
      ['gsi4', keys.assigneeQueuePartition(T, 'alice', 'disputed')],
    ] as const) {
      const page = await table.client.send(
        new QueryCommand({
          TableName: table.tableName,
          IndexName: index,
          KeyConditionExpression: `${index}pk = :pk`,
          ExpressionAttributeValues: { ':pk': partition },
        }),
      );
      expect(page.Items?.length).toBeGreaterThan(0);
      for (const item of page.Items ?? []) expect(item).not.toHaveProperty('taskToken');
    }
  });

  it('answers whole cases from the customer index, the queues and the closed listing', async () => {
    const open = await storedCase('dlq-open');
    const closed = await storedCase('dlq-closed');
    expect(open.status).toBe('disputed');
    expect(await deps.delinquencies.listByCustomer(T, 'c1')).toEqual(expect.arrayContaining([open, closed]));
    expect((await deps.delinquencies.listByCustomer(T, 'c1')).length).toBe(2);
    // A case the caller holds answers for its own entry (this copy is nowhere in the table), in the index's order.
    const held = { ...open, priority: 4_321 };
    const withHeld = await deps.delinquencies.listByCustomer(T, 'c1', [held]);
    expect(withHeld).toEqual(expect.arrayContaining([held, closed]));
    expect(withHeld.map((found) => found.id)).toEqual(
      (await deps.delinquencies.listByCustomer(T, 'c1')).map((found) => found.id),
    );
    for (const filter of [
      { status: 'disputed' as const },
      { status: 'disputed' as const, band: 'high' as const },
      { status: 'disputed' as const, currency: 'EUR' },
      { status: 'disputed' as const, assigneeId: 'alice' },
      { status: 'disputed' as const, assigneeId: 'alice', band: 'high' as const, currency: 'EUR' },
    ]) {
      expect((await deps.delinquencies.listQueue(T, filter, 10)).items).toEqual([open]);
    }
    expect((await deps.delinquencies.listQueue(T, { status: 'disputed', band: 'low' }, 10)).items).toEqual([]);
    expect(
      (await deps.delinquencies.listQueue(T, { status: 'disputed', assigneeId: 'alice', band: 'low' }, 10)).items,
    ).toEqual([]);
    expect((await deps.delinquencies.listClosed(T, '2026-12', 10)).items).toEqual([closed]);
  });

  it('answers whole invoices, tenants, disputes, tasks and parked events', async () => {
    const invoices = await Promise.all(
      ['inv-closed', 'inv-due', 'inv-open'].map(async (id) => (await deps.invoices.get(T, id))!.invoice),
    );
    expect((await deps.invoices.listByCustomer(T, 'c1')).sort((a, b) => a.id.localeCompare(b.id))).toEqual(invoices);
    // The run's due-date index: invoices not yet in collection or whose execution is not started yet, whole.
    const due = [];
    for (let shard = 0; shard < 16; shard += 1)
      due.push(...(await deps.invoices.listForRun(T, [{ from: '2026-12-01', to: '2026-12-01' }], shard)).invoices);
    expect(due.sort((a, b) => a.id.localeCompare(b.id))).toEqual(invoices);
    expect((await deps.tenants.listTenants()).find((tenant) => tenant.id === T)).toEqual(
      await deps.tenants.getTenant(T),
    );
    expect((await deps.delinquencies.listDisputes(T, 10)).items).toEqual(
      await deps.delinquencies.disputes(T, 'dlq-open'),
    );
    expect((await deps.delinquencies.listDisputes(T, 10)).items[0]).toEqual(
      await stored(keys.dispute(T, 'dlq-open', 'dsp-1'), (item) => DisputeSchema.parse(item)),
    );
    expect((await deps.tasks.listOpen(T, 10)).items).toEqual([await deps.tasks.get(T, 'task-1')]);
    const parkedItem = await stored(keys.parkedEvents(T, 'dlq-open', '2026-12-10T08:00:00.000Z', 'pk-1'), (item) =>
      ParkedEventsSchema.parse(item),
    );
    expect(await parked.listParked(T, 10)).toEqual([parkedItem]);
    expect(await parked.parkedBefore(T, '2026-12-10T09:00:00.000Z')).toEqual([{ id: 'pk-1', eventCount: 1 }]);
  });
});
