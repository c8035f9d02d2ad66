// Disputes through the API against DynamoDB Local: the pause, decisions by role, four eyes on large credits, listing.
import { createHandler as createPostDispute } from '../../functions/api/post-dispute.handler';
import { createHandler as createResolve } from '../../functions/api/resolve-dispute.handler';
import { createHandler as createList } from '../../functions/api/list-disputes.handler';
import { sha256Hex } from '../../shared/domain/ids';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import type { ApiKeyRole } from '../../shared/schemas/tenant.schema';
import { putCustomer } from '../../shared/use-cases/customers';
import { getInvoice, putInvoice } from '../../shared/use-cases/invoices';
import { apiEvent, asRoute, context } from '../fixtures/api-event';
import { createTestTable, fixedClock, type TestTable } from '../fixtures/test-table';

let table: TestTable;
let deps: ApiDependencies;
const clock = fixedClock('2026-12-10T10:00:00Z');
const KEYS: Record<string, ApiKeyRole> = { 'collector-key-0001': 'collector', 'manager-key-00001': 'manager', 'manager-key-00002': 'manager' };

const openCase = async (invoiceId: string) => {
  await putInvoice(deps, 't1', invoiceId, { customerId: 'c1', amount: 200_000, currency: 'EUR', issuedAt: '2026-11-01', dueDate: '2026-12-01' });
  const now = clock.now().toISOString();
  const id = `dlq-${invoiceId}`;
  await deps.delinquencies.open(
    't1',
    { id, invoiceId, customerId: 'c1', currency: 'EUR', status: 'active', strategyId: 'default', stage: 'overdue', doneSteps: ['overdue'], nextActionAt: null, nextStep: null, openedAt: now, closedAt: null, factsVersion: 0, reopenCount: 0, activePromiseId: null, activePlanId: null, assigneeId: null, score: null, openingInputs: null, priority: 0, balance: 0, brokenPromises: 0, taskToken: null, version: 1 },
    { id: `tl-${id}`, at: now, kind: 'delinquency.opened', actor: 'schedule', detail: 'opened for the test' },
  );
  return id;
};

beforeAll(async () => {
  table = await createTestTable();
  deps = table.deps(clock);
  for (const [key, role] of Object.entries(KEYS)) await deps.tenants.putApiKey(sha256Hex(key), { tenantId: 't1', role, keyId: key }, 'now');
  await deps.tenants.putTenant({ id: 't1', name: 'Acme', sendTime: '09:00', promiseGraceDays: 2, timeZone: 'UTC', disputeApprovalAbove: 100_000, statementMode: 'customer', creditHoldDaysPastDue: 30, createdAt: 'now' });
  await putCustomer(deps, 't1', 'c1', { name: 'Ada', kind: 'consumer', timeZone: 'Europe/Oslo' });
});
afterAll(() => table.destroy());

let calls = 0;
const send = async (handler: ReturnType<typeof createPostDispute>, options: { method: string; routePath: string; path: string; pathParameters?: Record<string, string>; key: string; body?: unknown; query?: Record<string, string> }) => {
  // A fresh Idempotency-Key per call: a decision with a credit moves money and needs one.
  const event = apiEvent({ ...options, headers: { authorization: `Bearer ${options.key}`, 'idempotency-key': `call-${(calls += 1)}` } });
  if (options.query) event.queryStringParameters = options.query;
  const response = await asRoute(handler)(event, context());
  return { status: response.statusCode, body: JSON.parse(response.body ?? '{}') };
};
const dispute = (delinquencyId: string, key = 'collector-key-0001') =>
  send(createPostDispute(deps), { method: 'POST', routePath: '/v1/delinquencies/{delinquencyId}/disputes', path: `/v1/delinquencies/${delinquencyId}/disputes`, pathParameters: { delinquencyId }, key, body: { reason: 'the meter reading is wrong' } });
const resolve = (disputeId: string, body: unknown, key: string) =>
  send(createResolve(deps), { method: 'POST', routePath: '/v1/disputes/{disputeId}/resolve', path: `/v1/disputes/${disputeId}/resolve`, pathParameters: { disputeId }, key, body });

describe('disputes', () => {
  it('pauses the case, refuses a second open dispute, and resumes escalation when rejected', async () => {
    const id = await openCase('inv-rejected');
    const opened = await dispute(id);
    expect(opened).toMatchObject({ status: 201, body: { status: 'open', source: 'api', openedBy: 'api:collector-key-0001' } });
    expect((await deps.delinquencies.get('t1', id))?.status).toBe('disputed');
    expect((await dispute(id)).body).toMatchObject({ status: 409, type: 'urn:arrears:problem:dispute-open' });
    const rejected = await resolve(opened.body.id, { outcome: 'rejected', note: 'reading confirmed on site' }, 'collector-key-0001');
    expect(rejected).toMatchObject({ status: 200, body: { status: 'rejected', resolvedBy: 'api:collector-key-0001', adjustment: 0 } });
    expect((await deps.delinquencies.get('t1', id))?.status).toBe('active');
    const kinds = (await deps.delinquencies.timeline('t1', id)).map((entry) => entry.kind);
    expect(kinds).toEqual(expect.arrayContaining(['dispute.opened', 'dispute.rejected']));
    expect((await resolve(opened.body.id, { outcome: 'accepted' }, 'manager-key-00001')).body).toMatchObject({ status: 409, type: 'urn:arrears:problem:dispute-decided' });
  });

  it("needs a manager's key, not the opener's, to accept a credit above the tenant's limit, and then credits the balance", async () => {
    const id = await openCase('inv-credit');
    const opened = await dispute(id, 'manager-key-00001');
    const big = { outcome: 'accepted', adjustment: 150_000, note: 'billing error' };
    expect((await resolve(opened.body.id, big, 'collector-key-0001')).body).toMatchObject({ status: 403, type: 'urn:arrears:problem:manager-approval-required' });
    expect((await resolve(opened.body.id, big, 'manager-key-00001')).body).toMatchObject({ status: 403, type: 'urn:arrears:problem:four-eyes' });
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
    expect((await resolve(opened.body.id, { outcome: 'accepted', adjustment: 200_001 }, 'manager-key-00002')).body).toMatchObject({ status: 400, errors: [{ path: 'adjustment' }] });
    expect((await resolve(opened.body.id, { outcome: 'rejected', adjustment: 5 }, 'manager-key-00002')).body).toMatchObject({ status: 400, errors: [{ path: 'adjustment' }] });
    expect((await deps.delinquencies.disputes('t1', id))[0]?.status).toBe('open');
  });

  it('lists the tenant’s disputes newest first, a page at a time, and 404s an unknown dispute', async () => {
    const first = await send(createList(deps), { method: 'GET', routePath: '/v1/disputes', path: '/v1/disputes', key: 'collector-key-0001', query: { limit: '2' } });
    expect(first.body.items).toHaveLength(2);
    expect(first.body.items[0].invoiceId).toBe('inv-too-much');
    const rest = await send(createList(deps), { method: 'GET', routePath: '/v1/disputes', path: '/v1/disputes', key: 'collector-key-0001', query: { limit: '2', cursor: first.body.nextCursor } });
    expect(rest.body.items.map((item: { invoiceId: string }) => item.invoiceId)).toEqual(['inv-rejected']);
    expect((await resolve('dsp_unknown', { outcome: 'rejected' }, 'manager-key-00002')).status).toBe(404);
  });
});
