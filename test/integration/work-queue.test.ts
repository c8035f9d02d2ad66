// The collectors' work queue against DynamoDB Local: automatic assignment by capacity, ordering by expected recovery,
// pagination without repeats, filters, reassignment by a manager, and no other tenant's items.
import { createHandler as createList } from '../../functions/api/list-delinquencies.handler';
import { createHandler as createPutCollector } from '../../functions/api/put-collector.handler';
import { createHandler as createListCollectors } from '../../functions/api/list-collectors.handler';
import { createHandler as createPutAssignee } from '../../functions/api/put-assignee.handler';
import { sha256Hex } from '../../shared/domain/ids';
import { DEFAULT_SCORE_MODEL } from '../../shared/domain/score';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import type { ApiKeyRole } from '../../shared/schemas/tenant.schema';
import type { EngineDeps } from '../../shared/use-cases/engine-deps';
import { putCustomer } from '../../shared/use-cases/customers';
import { applyInvoicePayment, putInvoice } from '../../shared/use-cases/invoices';
import { openDelinquency } from '../../shared/use-cases/reminder-run';
import { listStrategies, putStrategy } from '../../shared/use-cases/strategies';
import { apiEvent, asRoute, context } from '../fixtures/api-event';
import { createTestTable, fixedClock, type TestTable } from '../fixtures/test-table';

let table: TestTable;
let deps: ApiDependencies;
const clock = fixedClock('2026-12-20T10:00:00Z');
const KEYS: Record<string, [string, ApiKeyRole]> = {
  'manager-key-00001': ['t1', 'manager'],
  'collector-key-0001': ['t1', 'collector'],
  'other-manager-0001': ['t2', 'manager'],
};

type Handler = ReturnType<typeof createList>;
const send = async (
  handler: Handler,
  options: {
    method: string;
    routePath: string;
    path: string;
    pathParameters?: Record<string, string>;
    key?: string;
    body?: unknown;
    query?: Record<string, string>;
  },
) => {
  const event = apiEvent({ ...options, headers: { authorization: `Bearer ${options.key ?? 'manager-key-00001'}` } });
  if (options.query) event.queryStringParameters = options.query;
  const response = await asRoute(handler)(event, context());
  return { status: response.statusCode, body: JSON.parse(response.body ?? '{}') };
};
const queue = (query: Record<string, string>, key?: string) =>
  send(createList(deps), {
    method: 'GET',
    routePath: '/v1/delinquencies',
    path: '/v1/delinquencies',
    query,
    ...(key ? { key } : {}),
  });
const putCollector = (collectorId: string, body: unknown, key?: string) =>
  send(createPutCollector(deps), {
    method: 'PUT',
    routePath: '/v1/collectors/{collectorId}',
    path: `/v1/collectors/${collectorId}`,
    pathParameters: { collectorId },
    body,
    ...(key ? { key } : {}),
  });
const assign = (delinquencyId: string, collectorId: string | null, key?: string) =>
  send(createPutAssignee(deps), {
    method: 'PUT',
    routePath: '/v1/delinquencies/{delinquencyId}/assignee',
    path: `/v1/delinquencies/${delinquencyId}/assignee`,
    pathParameters: { delinquencyId },
    body: { collectorId },
    ...(key ? { key } : {}),
  });
const collectors = async () =>
  (await send(createListCollectors(deps), { method: 'GET', routePath: '/v1/collectors', path: '/v1/collectors' })).body
    .items as { id: string; openCount: number }[];

/** Every page of a query, following cursors to the end. */
const allPages = async (query: Record<string, string>, key?: string) => {
  const pages: { id: string; priority: number; assigneeId: string | null; currency: string; customerId: string }[][] =
    [];
  let cursor: string | undefined;
  do {
    const page = await queue({ ...query, ...(cursor ? { cursor } : {}) }, key);
    expect(page.status).toBe(200);
    pages.push(page.body.items);
    cursor = page.body.nextCursor ?? undefined;
  } while (cursor);
  return pages;
};

const opened: string[] = [];
const openFor = async (tenantId: string, index: number, currency: 'NOK' | 'EUR') => {
  const customerId = `cus-${index}`;
  // Reachability decides the band under the test's scorecard: none low, email medium, email and phone high.
  const channels =
    index % 3 === 0
      ? {}
      : index % 3 === 1
        ? { email: `c${index}@example.no` }
        : { email: `c${index}@example.no`, phone: '+4791234567' };
  await putCustomer(deps, tenantId, customerId, {
    name: `Customer ${index}`,
    kind: 'consumer',
    timeZone: 'Europe/Oslo',
    ...channels,
  });
  const invoiceId = `inv-${index}`;
  // Balances spread over two orders of magnitude: the order mixes bands (expected recovery is balance × score).
  await putInvoice(deps, tenantId, invoiceId, {
    customerId,
    amount: 10_000 + ((index * 7919) % 29) * 17_000,
    currency,
    issuedAt: '2026-11-01',
    dueDate: '2026-12-01',
  });
  const engine = { ...deps, events: { publish: async () => undefined } } as unknown as EngineDeps;
  const tenant = (await deps.tenants.getTenant(tenantId))!;
  const { delinquency } = await openDelinquency(
    engine,
    tenant,
    (await deps.invoices.get(tenantId, invoiceId))!.invoice,
    await listStrategies(deps, tenantId),
    (await deps.customers.getWithOptOuts(tenantId, customerId))!,
  );
  return delinquency.id;
};

beforeAll(async () => {
  table = await createTestTable();
  deps = table.deps(clock);
  for (const [key, [tenantId, role]] of Object.entries(KEYS))
    await deps.tenants.putApiKey(sha256Hex(key), { tenantId, role, keyId: key }, 'now');
  const weights = Object.fromEntries(
    Object.keys(DEFAULT_SCORE_MODEL.weights).map((name) => [name, name === 'reachableChannels' ? 1.2 : 0]),
  ) as typeof DEFAULT_SCORE_MODEL.weights;
  for (const id of ['t1', 't2']) {
    await deps.tenants.putTenant({
      id,
      name: id,
      sendTime: '09:00',
      promiseGraceDays: 2,
      timeZone: 'UTC',
      disputeApprovalAbove: 100_000,
      statementMode: 'customer',
      creditHoldDaysPastDue: 30,
      createdAt: 'now',
      scoreModel: { id: 'reach', intercept: -1, weights },
    });
  }
  // A gentler ladder for the least likely to pay: chosen by the score taken when the debt opens.
  await putStrategy(deps, 't1', 'gentle-low', {
    name: 'Gentle',
    appliesTo: { scoreBand: 'low' },
    steps: [{ id: 'nudge', offsetDays: 3, channel: 'email', template: 'overdue' }],
  });
  expect((await putCollector('alice', { name: 'Alice', capacity: 10 })).status).toBe(201);
  expect((await putCollector('bob', { name: 'Bob', capacity: 5 })).status).toBe(201);
  for (let index = 0; index < 30; index += 1) opened.push(await openFor('t1', index, index % 3 === 0 ? 'EUR' : 'NOK'));
  for (let index = 100; index < 105; index += 1) await openFor('t2', index, 'NOK');
});
afterAll(() => table.destroy());

describe('collectors', () => {
  it("takes new collectors and changes from a manager's key only", async () => {
    expect((await putCollector('carol', { name: 'Carol', capacity: 3 }, 'collector-key-0001')).body).toMatchObject({
      status: 403,
      type: 'urn:arrears:problem:forbidden-role',
    });
    expect((await putCollector('bob', { name: 'Bob', capacity: -1 })).body).toMatchObject({
      status: 400,
      errors: [{ path: 'capacity' }],
    });
    const changed = await putCollector('bob', { name: 'Bob Builder', capacity: 5 });
    expect(changed).toMatchObject({ status: 200, body: { id: 'bob', name: 'Bob Builder', capacity: 5, openCount: 5 } });
  });

  it('assigned new delinquencies up to each capacity, spreading them by free share, and left the rest unassigned', async () => {
    const loads = Object.fromEntries((await collectors()).map((collector) => [collector.id, collector.openCount]));
    expect(loads).toEqual({ alice: 10, bob: 5 });
    const unassigned = (await allPages({ assignee: 'unassigned', limit: '100' })).flat();
    expect(unassigned).toHaveLength(15);
    const first = await deps.delinquencies.get('t1', opened[0]!);
    const second = await deps.delinquencies.get('t1', opened[1]!);
    // The first went to the emptiest (both empty: the better-named tie-break), the second to the other.
    expect([first?.assigneeId, second?.assigneeId].sort()).toEqual(['alice', 'bob']);
  });
});

describe('scores', () => {
  it('choose the strategy when a debt opens: the low band gets the ladder that applies to it', async () => {
    const [low, medium] = await Promise.all([
      deps.delinquencies.get('t1', opened[0]!),
      deps.delinquencies.get('t1', opened[1]!),
    ]);
    expect(low).toMatchObject({ score: { band: 'low' }, strategyId: 'gentle-low' });
    expect(medium).toMatchObject({ score: { band: 'medium' }, strategyId: 'default' });
    const timeline = await deps.delinquencies.timeline('t1', opened[0]!);
    expect(timeline[0]!.detail).toContain('score 0.269 (low); strategy gentle-low');
  });
});

describe('work queue', () => {
  it('lists the open delinquencies highest priority first, page by page, each once, with scores and reasons', async () => {
    const pages = await allPages({ limit: '7' });
    expect(pages.map((page) => page.length)).toEqual([7, 7, 7, 7, 2]);
    const items = pages.flat();
    expect(new Set(items.map((item) => item.id))).toEqual(new Set(opened));
    const priorities = items.map((item) => item.priority);
    expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
    const first = (await queue({ limit: '1' })).body.items[0];
    // The tenant's scorecard weighs only reachability here, so that is the reason given (ranked in euros, a euro debt of
    // the unreachable third can top the krone debts).
    expect(first).toMatchObject({
      status: 'active',
      score: {
        band: expect.stringMatching(/^(high|medium|low)$/),
        reasons: [expect.stringMatching(/^(reachable on \d channel|no reachable email or phone)/)],
      },
    });
    expect(new Set(items.map((item) => (item as unknown as { score: { band: string } }).score.band))).toEqual(
      new Set(['high', 'medium', 'low']),
    );
  });

  it('filters by assignee and currency from the index, paging filtered results without repeats', async () => {
    const alice = (await allPages({ assignee: 'alice', limit: '4' })).flat();
    expect(alice).toHaveLength(10);
    expect(alice.every((item) => item.assigneeId === 'alice')).toBe(true);
    const euro = await allPages({ currency: 'EUR', limit: '3' });
    const euros = euro.flat();
    expect(euros).toHaveLength(10);
    expect(new Set(euros.map((item) => item.id)).size).toBe(10);
    expect(euros.every((item) => item.currency === 'EUR')).toBe(true);
    // A band is its own index partition: its page holds only that band, in priority order, and the bands add up.
    const bands = await Promise.all(
      ['high', 'medium', 'low'].map(async (band) => (await allPages({ band, limit: '4' })).flat()),
    );
    for (const [index, band] of ['high', 'medium', 'low'].entries()) {
      expect(bands[index]!.every((item) => (item as unknown as { score: { band: string } }).score.band === band)).toBe(
        true,
      );
    }
    expect(bands.map((band) => band.length)).toEqual([10, 10, 10]);
    expect(
      bands
        .flat()
        .map((item) => item.id)
        .sort(),
    ).toEqual([...opened].sort());
  });

  it("never shows another tenant's items, and refuses another tenant's cursor", async () => {
    const theirs = (await allPages({ limit: '2' }, 'other-manager-0001')).flat();
    expect(theirs).toHaveLength(5);
    expect(theirs.some((item) => opened.includes(item.id))).toBe(false);
    const cursor = (await queue({ limit: '2' }, 'other-manager-0001')).body.nextCursor;
    expect((await queue({ limit: '2', cursor })).body).toMatchObject({
      status: 400,
      errors: [{ path: 'query.cursor' }],
    });
  });

  it("shows each item's customer by name, its due date and days past due on the customer's calendar", async () => {
    const items = (await allPages({ limit: '25' })).flat() as unknown as Record<string, unknown>[];
    const index = opened.indexOf(String(items[0]!.id));
    expect(items[0]).toMatchObject({
      customerName: `Customer ${index}`,
      customerTimeZone: 'Europe/Oslo',
      dueDate: '2026-12-01',
      daysPastDue: 19,
    });
    expect(items.every((item) => item.customerName === `Customer ${opened.indexOf(String(item.id))}`)).toBe(true);
  });

  it("filters by stage from the index, in the team queue and in one collector's", async () => {
    const [team, mine] = await Promise.all([
      queue({ stage: 'reminder-2' }),
      queue({ stage: 'reminder-2', assignee: 'alice' }),
    ]);
    expect([team.body.items, mine.body.items]).toEqual([[], []]);
    const alices = (await allPages({ assignee: 'alice', limit: '100' })).flat();
    const moved = (await deps.delinquencies.get('t1', alices[1]!.id))!;
    expect(
      await deps.delinquencies.save(
        't1',
        { ...moved, stage: 'reminder-2', version: moved.version + 1 },
        moved.version,
        [],
      ),
    ).toBe(true);
    const ids = async (query: Record<string, string>) =>
      (await allPages({ ...query, limit: '3' })).flat().map((item) => item.id);
    expect(await ids({ stage: 'reminder-2' })).toEqual([moved.id]);
    expect(await ids({ stage: 'reminder-2', assignee: 'alice' })).toEqual([moved.id]);
    expect(await ids({ stage: 'reminder-2', assignee: 'bob' })).toEqual([]);
  });

  it("sorts one collector's queue by balance or days past due, page by page, and refuses it for the team's", async () => {
    const byBalance = (await allPages({ assignee: 'alice', sort: 'balance', limit: '3' })).flat() as unknown as {
      baseBalance: { amount: number };
    }[];
    expect(byBalance).toHaveLength(10);
    const amounts = byBalance.map((item) => item.baseBalance.amount);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    const byDays = (await allPages({ assignee: 'alice', sort: 'daysPastDue', limit: '4' })).flat();
    expect(new Set(byDays.map((item) => item.id))).toEqual(
      new Set(byBalance.map((item) => (item as { id?: string }).id)),
    );
    expect((await queue({ sort: 'balance' })).body).toMatchObject({ status: 400, errors: [{ path: 'query.sort' }] });
    expect((await queue({ sort: 'balance', assignee: 'unassigned' })).body).toMatchObject({
      status: 400,
      errors: [{ path: 'query.sort' }],
    });
    const priorityCursor = (await queue({ assignee: 'alice', limit: '2' })).body.nextCursor;
    expect((await queue({ assignee: 'alice', sort: 'balance', cursor: priorityCursor })).body).toMatchObject({
      status: 400,
      errors: [{ path: 'query.cursor' }],
    });
  });

  it('refuses "me" from a partner key and a stage or sort that cannot be, naming each', async () => {
    expect((await queue({ assignee: 'me' })).body).toMatchObject({ status: 400, errors: [{ path: 'query.assignee' }] });
    const refused = await queue({ stage: 'Not A Step', sort: 'age' });
    expect(refused.body.errors.map((error: { path: string }) => error.path).sort()).toEqual([
      'query.sort',
      'query.stage',
    ]);
  });

  it('refuses unknown filters and bad values, naming them', async () => {
    const refused = await queue({ status: 'resolved', band: 'great', limit: '0', currency: 'nok' });
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((error: { path: string }) => error.path).sort()).toEqual([
      'query.band',
      'query.currency',
      'query.limit',
      'query.status',
    ]);
  });
});

describe('reassignment', () => {
  it("moves a delinquency and the collectors' loads, by a manager's key, and records who did it", async () => {
    const id = (await allPages({ assignee: 'alice', limit: '1' })).flat()[0]!.id;
    expect((await assign(id, 'bob', 'collector-key-0001')).body).toMatchObject({ status: 403 });
    expect((await assign(id, 'nobody')).body).toMatchObject({ status: 400, errors: [{ path: 'collectorId' }] });
    expect(await assign(id, 'bob')).toMatchObject({ status: 200, body: { id, assigneeId: 'bob' } });
    expect(Object.fromEntries((await collectors()).map((collector) => [collector.id, collector.openCount]))).toEqual({
      alice: 9,
      bob: 6,
    });
    const timeline = await deps.delinquencies.timeline('t1', id);
    expect(timeline.find((entry) => entry.rule === 'assignment.manual')).toMatchObject({
      actor: 'api:manager-key-00001',
      detail: 'assigned to collector bob (was alice)',
    });
    expect((await assign(id, null)).body.assigneeId).toBeNull();
    expect((await allPages({ assignee: 'unassigned', limit: '100' })).flat().map((item) => item.id)).toContain(id);
  });

  it("answers 404 for another tenant's delinquency", async () => {
    expect((await assign(opened[0]!, null, 'other-manager-0001')).body).toMatchObject({ status: 404 });
  });
});

describe('a payment before the engine re-ranks the case', () => {
  it('leaves the paid debt out of the queue at once, while its execution has yet to resolve it', async () => {
    const first = (await queue({ limit: '3' })).body.items as { id: string; invoiceId: string; currency: string }[];
    const paid = first[0]!;
    const { invoice } = (await deps.invoices.get('t1', paid.invoiceId))!;
    await applyInvoicePayment(deps, 't1', paid.invoiceId, {
      amount: invoice.amount + invoice.feesTotal - invoice.paidTotal,
      currency: invoice.currency,
      reference: 'settles-it',
    });
    // Nothing woke the case here: it is still active in the index, and the queue shows the others, not it.
    expect((await deps.delinquencies.get('t1', paid.id))!.status).toBe('active');
    const after = (await allPages({ limit: '10' })).flat().map((item) => item.id);
    expect(after).not.toContain(paid.id);
    expect(after).toEqual(expect.arrayContaining([first[1]!.id, first[2]!.id]));
  });
});
