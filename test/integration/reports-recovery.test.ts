// Recovery per collector against DynamoDB Local: the KPIs' `recovered` (past-due money collected, net of refunds) is
// counted under the collector a debt was assigned to when the money came, and the groups add up to the totals.
import { createHandler as createKpis } from '../../functions/api/get-kpi-report.handler';
import { sha256Hex } from '../../shared/domain/ids';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { DelinquencySchema } from '../../shared/schemas/delinquency.schema';
import { TenantSchema } from '../../shared/schemas/tenant.schema';
import { reassign } from '../../shared/use-cases/assignment';
import { putCustomer } from '../../shared/use-cases/customers';
import { putInvoice, recordPayment } from '../../shared/use-cases/invoices';
import { reversePayment } from '../../shared/use-cases/reversals';
import { apiEvent, asRoute, context } from '../fixtures/api-event';
import { createTestTable, fixedClock, type TestTable } from '../fixtures/test-table';

let table: TestTable;
let deps: ApiDependencies;
const clock = fixedClock('2026-03-10T10:00:00Z');
const KEY = 'recovery-key-000001';

const kpis = async (query: Record<string, string>) => {
  await table.drainReportStream();
  const event = apiEvent({
    method: 'GET',
    routePath: '/v1/reports/kpis',
    path: '/v1/reports/kpis',
    headers: { authorization: `Bearer ${KEY}` },
  });
  event.queryStringParameters = query;
  const response = await asRoute(createKpis(deps))(event, context());
  return { status: response.statusCode, body: JSON.parse(response.body ?? '{}') };
};

const openDelinquency = async (invoiceId: string) => {
  const now = clock.now().toISOString();
  const delinquency = DelinquencySchema.parse({
    id: `dlq-${invoiceId}`,
    invoiceId,
    customerId: 'kari',
    currency: 'EUR',
    status: 'active',
    strategyId: 'default',
    stage: null,
    doneSteps: [],
    nextActionAt: null,
    nextStep: null,
    openedAt: now,
    closedAt: null,
    factsVersion: 0,
    taskToken: null,
    version: 1,
  });
  await deps.delinquencies.open('t1', delinquency, {
    id: `tl-${invoiceId}`,
    at: now,
    kind: 'delinquency.opened',
    actor: 'schedule',
    detail: 'opened for the test',
  });
};

const pay = (invoiceId: string, amount: number) =>
  recordPayment(deps, 't1', invoiceId, { amount, currency: 'EUR', reference: `bank-${invoiceId}-${amount}` });

beforeAll(async () => {
  table = await createTestTable();
  deps = table.deps(clock);
  await deps.tenants.putApiKey(sha256Hex(KEY), { tenantId: 't1', role: 'manager', keyId: 'k1' }, 'now');
  await deps.tenants.putTenant(
    TenantSchema.parse({
      id: 't1',
      name: 't1',
      sendTime: '09:00',
      promiseGraceDays: 2,
      timeZone: 'Europe/Oslo',
      createdAt: 'now',
    }),
  );
  await putCustomer(deps, 't1', 'kari', { name: 'Kari', kind: 'consumer', timeZone: 'Europe/Oslo' });
  // A and B are past due on 10 March, C is not due yet.
  await putInvoice(deps, 't1', 'A', {
    customerId: 'kari',
    amount: 10_000,
    currency: 'EUR',
    issuedAt: '2026-01-05',
    dueDate: '2026-02-04',
  });
  await putInvoice(deps, 't1', 'B', {
    customerId: 'kari',
    amount: 6_000,
    currency: 'EUR',
    issuedAt: '2026-01-20',
    dueDate: '2026-02-20',
  });
  await putInvoice(deps, 't1', 'C', {
    customerId: 'kari',
    amount: 5_000,
    currency: 'EUR',
    issuedAt: '2026-03-01',
    dueDate: '2026-03-20',
  });
  await openDelinquency('A');
  await deps.collectors.put('t1', 'ingrid', { name: 'Ingrid', capacity: 0, active: true }, clock.now().toISOString());
  await reassign(deps, 't1', 'dlq-A', 'ingrid', 'person:demo-manager');
  const paidA = await pay('A', 4_000);
  await reversePayment(deps, 't1', {
    invoiceId: 'A',
    paymentId: paidA.payment.id,
    kind: 'refund',
    cumulativeAmount: 500,
    reference: 're-a',
    source: 'api',
    actor: 'api:k1',
  });
  await pay('B', 1_000);
  await pay('C', 2_000);
});
afterAll(() => table.destroy());

describe('GET /v1/reports/kpis?by=collector: recovery per collector', () => {
  it("counts past-due money collected, net of refunds, under the debt's collector; a current invoice's payment is not recovery", async () => {
    const answer = await kpis({ from: '2026-03-01', to: '2026-03-10', by: 'collector' });
    expect(answer.status).toBe(200);
    const ingrid = answer.body.groups.ingrid.currencies.EUR;
    const unassigned = answer.body.groups.unassigned.currencies.EUR;
    // Ingrid: 3,500 of A recovered; 6,500 still past due on A.
    expect(ingrid).toMatchObject({ collected: 3_500, recovered: 3_500, recoveryRate: 35 });
    // Unassigned: 1,000 of B recovered (5,000 still past due); C's 2,000 was collected before it fell due.
    expect(unassigned).toMatchObject({ collected: 3_000, recovered: 1_000, recoveryRate: 16.7 });
    // The totals are the groups added up.
    expect(answer.body.currencies.EUR).toMatchObject({ collected: 6_500, recovered: 4_500, recoveryRate: 28.1 });
  });

  it('answers the same total recovery without a breakdown', async () => {
    const answer = await kpis({ from: '2026-03-01', to: '2026-03-10' });
    expect(answer.body.currencies.EUR).toMatchObject({ recovered: 4_500, recoveryRate: 28.1 });
    expect(answer.body.groups).toBeUndefined();
  });
});
