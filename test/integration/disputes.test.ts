// Disputes through the API against DynamoDB Local: the pause, decisions by role, four eyes on large credits, listing.
import { createHandler as createPostDispute } from '../../functions/api/post-dispute.handler';
import { createHandler as createResolve } from '../../functions/api/resolve-dispute.handler';
import { createHandler as createList } from '../../functions/api/list-disputes.handler';
import { createHandler as createPostApiKey } from '../../functions/api/post-api-key.handler';
import { sha256Hex } from '../../shared/domain/ids';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import type { ApiKeyRole } from '../../shared/schemas/tenant.schema';
import { putCustomer } from '../../shared/use-cases/customers';
import { getInvoice, putInvoice } from '../../shared/use-cases/invoices';
import { apiEvent, asRoute, context } from '../fixtures/api-event';
import { createTestTable, fixedClock, type TestTable } from '../fixtures/test-table';
import { aDelinquency } from '../fixtures/delinquency';

let table: TestTable;
let deps: ApiDependencies;
const clock = fixedClock('2026-12-10T10:00:00Z');
const KEYS: Record<string, ApiKeyRole> = {
  'collector-key-0001': 'collector',
  'manager-key-00001': 'manager',
  'manager-key-00002': 'manager',
};

// The people behind the keys: four eyes compares them, not the keys.
const PEOPLE: Record<string, string> = {
  'manager-key-00001': 'anna',
  'manager-key-00002': 'ben',
  'collector-key-0001': 'carl',
};

const openCase = async (invoiceId: string, customerId = 'c1', amount = 200_000) => {
  await putInvoice(deps, 't1', invoiceId, {
    customerId,
    amount,
    currency: 'EUR',
    issuedAt: '2026-11-01',
    dueDate: '2026-12-01',
  });
  const now = clock.now().toISOString();
  const id = `dlq-${invoiceId}`;
  await deps.delinquencies.open(
    't1',
    aDelinquency({
      id,
      invoiceId,
      customerId,
      stage: 'overdue',
      doneSteps: ['overdue'],
      openedAt: now,
    }),
    { id: `tl-${id}`, at: now, kind: 'delinquency.opened', actor: 'schedule', detail: 'opened for the test' },
  );
  return id;
};

beforeAll(async () => {
  table = await createTestTable();
  deps = table.deps(clock);
  for (const [key, role] of Object.entries(KEYS))
    await deps.tenants.putApiKey(sha256Hex(key), { tenantId: 't1', role, keyId: key }, 'now', {
      issuedTo: PEOPLE[key]!,
    });
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
  for (const customerId of ['c1', 'c2', 'c3', 'c4'])
    await putCustomer(deps, 't1', customerId, { name: 'Ada', kind: 'consumer', timeZone: 'Europe/Oslo' });
});
afterAll(() => table.destroy());

let calls = 0;
const send = async (
  handler: ReturnType<typeof createPostDispute>,
  options: {
    method: string;
    routePath: string;
    path: string;
    pathParameters?: Record<string, string>;
    key: string;
    body?: unknown;
    query?: Record<string, string>;
  },
) => {
  // A fresh Idempotency-Key per call: a decision with a credit moves money and needs one.
  const event = apiEvent({
    ...options,
    headers: { authorization: `Bearer ${options.key}`, 'idempotency-key': `call-${(calls += 1)}` },
  });
  if (options.query) event.queryStringParameters = options.query;
  const response = await asRoute(handler)(event, context());
  return { status: response.statusCode, body: JSON.parse(response.body ?? '{}') };
};
const dispute = (delinquencyId: string, key = 'collector-key-0001') =>
  send(createPostDispute(deps), {
    method: 'POST',
    routePath: '/v1/delinquencies/{delinquencyId}/disputes',
    path: `/v1/delinquencies/${delinquencyId}/disputes`,
    pathParameters: { delinquencyId },
    key,
    body: { reason: 'the meter reading is wrong' },
  });
const resolve = (disputeId: string, body: unknown, key: string) =>
  send(createResolve(deps), {
    method: 'POST',
    routePath: '/v1/disputes/{disputeId}/resolve',
    path: `/v1/disputes/${disputeId}/resolve`,
    pathParameters: { disputeId },
    key,
    body,
  });

describe('disputes', () => {
  it('pauses the case, refuses a second open dispute, and resumes escalation when rejected', async () => {
    const id = await openCase('inv-rejected');
    const opened = await dispute(id);
    expect(opened).toMatchObject({
      status: 201,
      body: { status: 'open', source: 'api', openedBy: 'api:collector-key-0001' },
    });
    expect((await deps.delinquencies.get('t1', id))?.status).toBe('disputed');
    expect((await dispute(id)).body).toMatchObject({ status: 409, type: 'urn:arrears:problem:dispute-open' });
    const rejected = await resolve(
      opened.body.id,
      { outcome: 'rejected', note: 'reading confirmed on site' },
      'collector-key-0001',
    );
    expect(rejected).toMatchObject({
      status: 200,
      body: { status: 'rejected', resolvedBy: 'api:collector-key-0001', adjustment: 0 },
    });
    expect((await deps.delinquencies.get('t1', id))?.status).toBe('active');
    const kinds = (await deps.delinquencies.timeline('t1', id)).map((entry) => entry.kind);
    expect(kinds).toEqual(expect.arrayContaining(['dispute.opened', 'dispute.rejected']));
    expect((await resolve(opened.body.id, { outcome: 'accepted' }, 'manager-key-00001')).body).toMatchObject({
      status: 409,
      type: 'urn:arrears:problem:dispute-decided',
    });
  });

  it("needs a manager's key, not the opener's, to accept a credit above the tenant's limit, and then credits the balance", async () => {
    const id = await openCase('inv-credit');
    const opened = await dispute(id, 'manager-key-00001');
    const big = { outcome: 'accepted', adjustment: 150_000, note: 'billing error' };
    expect((await resolve(opened.body.id, big, 'collector-key-0001')).body).toMatchObject({
      status: 403,
      type: 'urn:arrears:problem:manager-approval-required',
    });
    expect((await resolve(opened.body.id, big, 'manager-key-00001')).body).toMatchObject({
      status: 403,
      type: 'urn:arrears:problem:four-eyes',
    });
    expect((await getInvoice(deps, 't1', 'inv-credit')).balance).toBe(200_000);
    const accepted = await resolve(opened.body.id, big, 'manager-key-00002');
    expect(accepted).toMatchObject({ status: 200, body: { status: 'accepted', adjustment: 150_000 } });
    const invoice = await getInvoice(deps, 't1', 'inv-credit');
    expect(invoice.balance).toBe(50_000);
    expect(invoice.payments).toEqual([expect.objectContaining({ source: 'adjustment', amount: 150_000 })]);
  });

  it('refuses a credit above the balance, and an adjustment on a rejection, by field', async () => {
    const id = await openCase('inv-too-much');
    const opened = await dispute(id);
    expect(
      (await resolve(opened.body.id, { outcome: 'accepted', adjustment: 200_001 }, 'manager-key-00002')).body,
    ).toMatchObject({ status: 400, errors: [{ path: 'adjustment' }] });
    expect(
      (await resolve(opened.body.id, { outcome: 'rejected', adjustment: 5 }, 'manager-key-00002')).body,
    ).toMatchObject({ status: 400, errors: [{ path: 'adjustment' }] });
    expect((await deps.delinquencies.disputes('t1', id))[0]?.status).toBe('open');
  });

  it('lists the tenant’s disputes newest first, a page at a time, and 404s an unknown dispute', async () => {
    const first = await send(createList(deps), {
      method: 'GET',
      routePath: '/v1/disputes',
      path: '/v1/disputes',
      key: 'collector-key-0001',
      query: { limit: '2' },
    });
    expect(first.body.items).toHaveLength(2);
    expect(first.body.items[0].invoiceId).toBe('inv-too-much');
    const rest = await send(createList(deps), {
      method: 'GET',
      routePath: '/v1/disputes',
      path: '/v1/disputes',
      key: 'collector-key-0001',
      query: { limit: '2', cursor: first.body.nextCursor },
    });
    expect(rest.body.items.map((item: { invoiceId: string }) => item.invoiceId)).toEqual(['inv-rejected']);
    expect((await resolve('dsp_unknown', { outcome: 'rejected' }, 'manager-key-00002')).status).toBe(404);
  });

  it('item 2: five collector credits of 100,000 cannot pay a 500,000 invoice without a manager', async () => {
    const id = await openCase('inv-split', 'c2', 500_000);
    const answers: number[] = [];
    for (let round = 0; round < 5; round += 1) {
      const opened = await dispute(id);
      expect(opened.status).toBe(201);
      const decided = await resolve(opened.body.id, { outcome: 'accepted', adjustment: 100_000 }, 'collector-key-0001');
      answers.push(decided.status);
      if (decided.status === 403) {
        expect(decided.body).toMatchObject({ type: 'urn:arrears:problem:manager-approval-required' });
        // The credit waits for a manager; the collector closes this attempt so the next dispute can be opened.
        expect((await resolve(opened.body.id, { outcome: 'rejected' }, 'collector-key-0001')).status).toBe(200);
      }
    }
    // The first credit fits the limit (100,000); every further one takes the case's credits above it.
    expect(answers).toEqual([200, 403, 403, 403, 403]);
    const invoice = await getInvoice(deps, 't1', 'inv-split');
    expect(invoice.balance).toBe(400_000);
    expect(invoice.status).not.toBe('paid');

    // A manager (another person than the opener) may take the case's credits above the limit.
    const last = await dispute(id);
    expect(
      (await resolve(last.body.id, { outcome: 'accepted', adjustment: 100_000 }, 'manager-key-00001')).status,
    ).toBe(200);
    expect((await getInvoice(deps, 't1', 'inv-split')).balance).toBe(300_000);
  });

  it("item 2: the limit holds across one customer's cases within 30 days, and two decisions at once cannot both slip under it", async () => {
    const first = await openCase('inv-c3-a', 'c3', 200_000);
    const second = await openCase('inv-c3-b', 'c3', 200_000);
    const third = await openCase('inv-c3-c', 'c3', 200_000);
    const [a, b, c] = [await dispute(first), await dispute(second), await dispute(third)];
    expect((await resolve(a.body.id, { outcome: 'accepted', adjustment: 40_000 }, 'collector-key-0001')).status).toBe(
      200,
    );
    // 40,000 + 60,000 + 60,000 is above the limit: of two concurrent decisions of 60,000, exactly one gets through.
    const both = await Promise.all([
      resolve(b.body.id, { outcome: 'accepted', adjustment: 60_000 }, 'collector-key-0001'),
      resolve(c.body.id, { outcome: 'accepted', adjustment: 60_000 }, 'collector-key-0001'),
    ]);
    expect(both.map((answer) => answer.status).sort()).toEqual([200, 403]);
    expect(both.find((answer) => answer.status === 403)?.body).toMatchObject({
      type: 'urn:arrears:problem:manager-approval-required',
    });
    const balances = await Promise.all(
      ['inv-c3-a', 'inv-c3-b', 'inv-c3-c'].map(async (invoiceId) => (await getInvoice(deps, 't1', invoiceId)).balance),
    );
    expect(balances.reduce((sum, balance) => sum + balance, 0)).toBe(600_000 - 100_000);
  });

  it('item 3: a second key a manager issued for themselves cannot approve their own dispute', async () => {
    const id = await openCase('inv-own-key', 'c4');
    const minted = await send(createPostApiKey(deps), {
      method: 'POST',
      routePath: '/v1/api-keys',
      path: '/v1/api-keys',
      key: 'manager-key-00001',
      body: { role: 'manager', name: 'my second key' },
    });
    expect(minted).toMatchObject({ status: 201, body: { role: 'manager', issuedTo: 'anna' } });
    const opened = await dispute(id, 'manager-key-00001');
    expect(opened.body).toMatchObject({ openedBy: 'api:manager-key-00001', openedByPerson: 'anna' });
    const big = { outcome: 'accepted', adjustment: 150_000 };
    expect((await resolve(opened.body.id, big, minted.body.apiKey)).body).toMatchObject({
      status: 403,
      type: 'urn:arrears:problem:four-eyes',
    });
    expect((await getInvoice(deps, 't1', 'inv-own-key')).balance).toBe(200_000);
    const approved = await resolve(opened.body.id, big, 'manager-key-00002');
    expect(approved).toMatchObject({
      status: 200,
      body: { status: 'accepted', resolvedBy: 'api:manager-key-00002', resolvedByPerson: 'ben' },
    });
  });
});
