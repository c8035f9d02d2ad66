// Issue 13 item 9: a forged page cursor or an oversized score-model weight is a 400 naming the field, never a 500.
import { createHandler as createListDisputes } from '../../functions/api/list-disputes.handler';
import { createHandler as createListContacts } from '../../functions/api/list-contacts.handler';
import { createHandler as createListDelinquencies } from '../../functions/api/list-delinquencies.handler';
import { createHandler as createListTasks } from '../../functions/api/list-tasks.handler';
import { createHandler as createPutScoreModel } from '../../functions/api/put-score-model.handler';
import { keys } from '../../shared/adapters/dynamodb/keys';
import { sha256Hex } from '../../shared/domain/ids';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { SCORE_FEATURES } from '../../shared/schemas/score.schema';
import { putCustomer } from '../../shared/use-cases/customers';
import { putInvoice } from '../../shared/use-cases/invoices';
import { apiEvent, asRoute, context } from '../fixtures/api-event';
import { createTestTable, fixedClock, type TestTable } from '../fixtures/test-table';
import { aDelinquency } from '../fixtures/delinquency';

let table: TestTable;
let deps: ApiDependencies;
const clock = fixedClock('2026-12-10T10:00:00Z');
const MANAGER = 'cursor-manager-key-0001';

beforeAll(async () => {
  table = await createTestTable();
  deps = table.deps(clock);
  await deps.tenants.putApiKey(sha256Hex(MANAGER), { tenantId: 't1', role: 'manager', keyId: 'key_manager' }, 'now');
  await deps.tenants.putTenant({
    id: 't1',
    name: 'Acme',
    sendTime: '09:00',
    promiseGraceDays: 2,
    timeZone: 'UTC',
    disputeApprovalAbove: 100_000,
    statementMode: 'customer',
    creditHoldDaysPastDue: 30,
    createdAt: 'now',
  });
  await putCustomer(deps, 't1', 'c1', { name: 'Ada', kind: 'consumer', timeZone: 'Europe/Oslo' });
  await putInvoice(deps, 't1', 'inv1', {
    customerId: 'c1',
    amount: 10_000,
    currency: 'EUR',
    issuedAt: '2026-11-01',
    dueDate: '2026-12-01',
  });
  const now = clock.now().toISOString();
  await deps.delinquencies.open(
    't1',
    aDelinquency({
      id: 'dlq-inv1',
      invoiceId: 'inv1',
      customerId: 'c1',
      stage: 'overdue',
      doneSteps: ['overdue'],
      openedAt: now,
      balance: 10_000,
    }),
    { id: 'tl-open', at: now, kind: 'delinquency.opened', actor: 'schedule', detail: 'opened for the test' },
  );
});
afterAll(() => table.destroy());

type Handler = ReturnType<typeof createListDisputes>;
const send = async (
  handler: Handler,
  options: {
    method: string;
    routePath: string;
    path: string;
    pathParameters?: Record<string, string>;
    query?: Record<string, string>;
    body?: unknown;
  },
) => {
  const event = apiEvent({
    ...options,
    headers: { authorization: `Bearer ${MANAGER}`, 'idempotency-key': `k-${Math.random()}` },
  });
  if (options.query) {
    event.queryStringParameters = options.query;
    event.rawQueryString = new URLSearchParams(options.query).toString();
  }
  const response = await asRoute(handler)(event, context());
  return { status: response.statusCode, body: JSON.parse(response.body ?? '{}') };
};
const cursorOf = (key: unknown) => Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
const expectInvalidCursor = (answer: Awaited<ReturnType<typeof send>>, label: string) =>
  expect({ label, status: answer.status, type: answer.body.type, path: answer.body.errors?.[0]?.path }).toEqual({
    label,
    status: 400,
    type: 'urn:arrears:problem:invalid-cursor',
    path: 'query.cursor',
  });

describe('item 9: forged cursors and unbounded weights', () => {
  it('item 9: a forged disputes cursor (own partition, extra attribute, missing index key, empty strings) answers 400 invalid-cursor', async () => {
    const partition = keys.disputesPartition('t1');
    const forged = {
      'extra attribute': {
        pk: 'TENANT#t1#DELINQUENCY#dlq-inv1',
        sk: 'DISPUTE#x',
        gsi1pk: partition,
        gsi1sk: '2026#x',
        other: 'y',
      },
      'missing index sort key': { pk: 'TENANT#t1#DELINQUENCY#dlq-inv1', sk: 'DISPUTE#x', gsi1pk: partition },
      'missing table keys': { gsi1pk: partition, gsi1sk: '2026#x', pk: 'TENANT#t1#DELINQUENCY#dlq-inv1' },
      'empty strings': { pk: '', sk: '', gsi1pk: partition, gsi1sk: '' },
      'a sort key over 1024 bytes': {
        pk: 'TENANT#t1#DELINQUENCY#dlq-inv1',
        sk: 'DISPUTE#x',
        gsi1pk: partition,
        gsi1sk: 'x'.repeat(1_100),
      },
    };
    for (const [label, key] of Object.entries(forged)) {
      expectInvalidCursor(
        await send(createListDisputes(deps), {
          method: 'GET',
          routePath: '/v1/disputes',
          path: '/v1/disputes',
          query: { cursor: cursorOf(key) },
        }),
        label,
      );
    }
  });

  it("item 9: a forged cursor on a table partition (a debt's contacts) and on a task list answers 400 invalid-cursor", async () => {
    const partition = keys.delinquencyPartition('t1', 'dlq-inv1');
    const contacts = (key: unknown) =>
      send(createListContacts(deps), {
        method: 'GET',
        routePath: '/v1/delinquencies/{delinquencyId}/contacts',
        path: '/v1/delinquencies/dlq-inv1/contacts',
        pathParameters: { delinquencyId: 'dlq-inv1' },
        query: { cursor: cursorOf(key) },
      });
    expectInvalidCursor(
      await contacts({ pk: partition, sk: 'CONTACT#2026', gsi1pk: 'x' }),
      'contacts: extra attribute',
    );
    expectInvalidCursor(await contacts({ pk: partition, sk: '' }), 'contacts: empty sort key');
    const tasks = keys.openTasksPartition('t1');
    expectInvalidCursor(
      await send(createListTasks(deps), {
        method: 'GET',
        routePath: '/v1/tasks',
        path: '/v1/tasks',
        query: { cursor: cursorOf({ gsi3pk: tasks, gsi3sk: 'x', pk: 'p' }) },
      }),
      'tasks: missing sk',
    );
  });

  it('item 9: a forged work-queue cursor (a band with an extra attribute, an unknown band) answers 400 invalid-cursor', async () => {
    const band = keys.workQueuePartition('t1', 'active', 'high');
    const inner = cursorOf({
      pk: 'TENANT#t1#DELINQUENCY#d',
      sk: 'DELINQUENCY',
      gsi3pk: band,
      gsi3sk: '0000001#d',
      extra: 'x',
    });
    const queue = (cursor: unknown) =>
      send(createListDelinquencies(deps), {
        method: 'GET',
        routePath: '/v1/delinquencies',
        path: '/v1/delinquencies',
        query: { cursor: cursorOf(cursor) },
      });
    expectInvalidCursor(
      await queue({ high: inner, medium: null, low: null }),
      'queue: band cursor with an extra attribute',
    );
    expectInvalidCursor(await queue({ high: null, medium: null, low: null, urgent: null }), 'queue: unknown band');
    expectInvalidCursor(
      await send(createListDelinquencies(deps), {
        method: 'GET',
        routePath: '/v1/delinquencies',
        path: '/v1/delinquencies',
        query: { band: 'high', cursor: inner },
      }),
      'queue: one band with an extra attribute',
    );
  });

  it('item 9: score-model weights above 2^53 (or any beyond the bound) answer 400 naming the weight', async () => {
    const weights = Object.fromEntries(SCORE_FEATURES.map((name) => [name, 0.1]));
    const put = (body: unknown) =>
      send(createPutScoreModel(deps) as unknown as Handler, {
        method: 'PUT',
        routePath: '/v1/scoring/model',
        path: '/v1/scoring/model',
        body,
      });
    const huge = await put({ id: 'm1', intercept: 0, weights: { ...weights, daysPastDue: 2 ** 53 + 2 } });
    expect(huge).toMatchObject({ status: 400, body: { errors: [{ path: 'weights.daysPastDue' }] } });
    expect((await put({ id: 'm1', intercept: -1e300, weights })).body).toMatchObject({
      status: 400,
      errors: [{ path: 'intercept' }],
    });
    expect((await put({ id: 'm1', intercept: -1.5, weights })).status).toBe(200);
  });
});
