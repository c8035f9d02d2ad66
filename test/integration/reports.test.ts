// Reports against DynamoDB Local: facts in through the real use cases and repositories, aging and KPIs out of the
// pre-aggregated counters (and snapshots), exact to the minor unit, per currency, per dimension and per tenant.
import { createHandler as createAging } from '../../functions/api/get-aging-report.handler';
import { createHandler as createKpis } from '../../functions/api/get-kpi-report.handler';
import { sha256Hex } from '../../shared/domain/ids';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { DelinquencySchema } from '../../shared/schemas/delinquency.schema';
import { TenantSchema } from '../../shared/schemas/tenant.schema';
import type { PaymentPromise } from '../../shared/schemas/promise.schema';
import { putCustomer } from '../../shared/use-cases/customers';
import { putInvoice, recordPayment } from '../../shared/use-cases/invoices';
import { snapshotReports } from '../../shared/use-cases/reports';
import { reversePayment } from '../../shared/use-cases/reversals';
import { apiEvent, asRoute, context } from '../fixtures/api-event';
import { createTestTable, fixedClock, type TestTable } from '../fixtures/test-table';

let table: TestTable;
let deps: ApiDependencies;
const clock = fixedClock('2026-03-10T10:00:00Z');
const KEY = 'reports-key-000001';
const OTHER_KEY = 'reports-key-000002';
const zero = { current: 0, '1-30': 0, '31-60': 0, '61-90': 0, '91+': 0 };

const invoice = (id: string, customerId: string, amount: number, currency: string, issuedAt: string, dueDate: string) =>
  putInvoice(deps, 't1', id, { customerId, amount, currency, issuedAt, dueDate });

const openDelinquency = async (invoiceId: string, customerId: string) => {
  const now = clock.now().toISOString();
  const delinquency = DelinquencySchema.parse({
    id: `dlq-${invoiceId}`,
    invoiceId,
    customerId,
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
  return delinquency;
};

const get = async (handler: 'aging' | 'kpis', query: Record<string, string>, key = KEY) => {
  // The counters follow the writes from the table's stream: what the test wrote is counted before it reads.
  await table.drainReportStream();
  const event = apiEvent({
    method: 'GET',
    routePath: `/v1/reports/${handler}`,
    path: `/v1/reports/${handler}`,
    headers: { authorization: `Bearer ${key}` },
  });
  event.queryStringParameters = query;
  const response = await asRoute(handler === 'aging' ? createAging(deps) : createKpis(deps))(event, context());
  return { status: response.statusCode, body: JSON.parse(response.body ?? '{}') };
};

beforeAll(async () => {
  table = await createTestTable();
  deps = table.deps(clock);
  await deps.tenants.putApiKey(sha256Hex(KEY), { tenantId: 't1', role: 'manager', keyId: 'k1' }, 'now');
  await deps.tenants.putApiKey(sha256Hex(OTHER_KEY), { tenantId: 't2', role: 'manager', keyId: 'k2' }, 'now');
  for (const id of ['t1', 't2']) {
    await deps.tenants.putTenant(
      TenantSchema.parse({
        id,
        name: id,
        sendTime: '09:00',
        promiseGraceDays: 2,
        timeZone: 'Europe/Oslo',
        createdAt: 'now',
      }),
    );
  }
  await putCustomer(deps, 't1', 'kari', {
    name: 'Kari',
    kind: 'consumer',
    timeZone: 'Europe/Oslo',
    segment: 'smb',
    country: 'NO',
  });
  await putCustomer(deps, 't1', 'ola', {
    name: 'Ola',
    kind: 'business',
    timeZone: 'Europe/Stockholm',
    segment: 'enterprise',
    country: 'SE',
  });
  // As of 2026-03-10: A is 34 days past due, B due today (current), C 10 days past due, D 99 days past due.
  await invoice('A', 'kari', 10_000, 'EUR', '2026-01-05', '2026-02-04');
  await invoice('B', 'kari', 5_000, 'EUR', '2026-03-01', '2026-03-10');
  await invoice('C', 'ola', 80_000, 'NOK', '2026-01-20', '2026-02-28');
  await invoice('D', 'ola', 3_000, 'EUR', '2025-11-01', '2025-12-01');
  await recordPayment(
    deps,
    't1',
    'A',
    { amount: 4_000, currency: 'EUR', reference: 'bank-a' },
    { idempotencyKey: 'pay-a' },
  );
  const paidD = await recordPayment(deps, 't1', 'D', { amount: 3_000, currency: 'EUR', reference: 'bank-d' });
  await reversePayment(deps, 't1', {
    invoiceId: 'D',
    paymentId: paidD.payment.id,
    kind: 'refund',
    cumulativeAmount: 1_000,
    reference: 're-d',
    source: 'api',
    actor: 'api:k1',
  });
});
afterAll(() => table.destroy());

describe('GET /v1/reports/aging', () => {
  it('ages what is owed per currency with exact bucket edges: issued, partly paid, paid and partly refunded', async () => {
    const answer = await get('aging', { asOf: '2026-03-10' });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      asOf: '2026-03-10',
      currencies: {
        EUR: { ...zero, current: 5_000, '31-60': 6_000, '91+': 1_000, total: 12_000 },
        NOK: { ...zero, '1-30': 80_000, total: 80_000 },
      },
    });
  });

  it('counts a replayed payment once', async () => {
    const replay = await recordPayment(
      deps,
      't1',
      'A',
      { amount: 4_000, currency: 'EUR', reference: 'bank-a' },
      { idempotencyKey: 'pay-a' },
    );
    expect(replay.created).toBe(false);
    const answer = await get('aging', {});
    expect(answer.body.asOf).toBe('2026-03-10');
    expect(answer.body.currencies.EUR['31-60']).toBe(6_000);
  });

  it('breaks the figures down by segment and country, each group adding up to the currency totals', async () => {
    const bySegment = (await get('aging', { by: 'segment' })).body;
    expect(bySegment.groups).toEqual({
      enterprise: {
        currencies: { EUR: { ...zero, '91+': 1_000, total: 1_000 }, NOK: { ...zero, '1-30': 80_000, total: 80_000 } },
      },
      smb: { currencies: { EUR: { ...zero, current: 5_000, '31-60': 6_000, total: 11_000 } } },
    });
    expect(bySegment.currencies.EUR.total).toBe(12_000);
    const byCountry = (await get('aging', { by: 'country' })).body;
    expect(Object.keys(byCountry.groups)).toEqual(['NO', 'SE']);
  });

  it('follows a customer into another segment', async () => {
    await putCustomer(deps, 't1', 'ola', {
      name: 'Ola',
      kind: 'business',
      timeZone: 'Europe/Stockholm',
      segment: 'smb',
      country: 'SE',
    });
    const groups = (await get('aging', { by: 'segment' })).body.groups;
    expect(Object.keys(groups)).toEqual(['smb']);
    expect(groups.smb.currencies.EUR.total).toBe(12_000);
    expect(groups.smb.currencies.NOK.total).toBe(80_000);
  });

  it('follows a debt to the collector it is assigned to; the rest is unassigned', async () => {
    const delinquency = await openDelinquency('A', 'kari');
    const now = clock.now().toISOString();
    const assigned = await deps.delinquencies.assign(
      't1',
      { ...delinquency, assigneeId: 'col-1', version: 2 },
      1,
      [{ id: 'tl-assign', at: now, kind: 'delinquency.assigned', actor: 'api:k1', detail: 'test' }],
      {
        from: null,
        to: null,
        month: '2026-03',
        withinCapacity: false,
      },
    );
    expect(assigned).toBe(true);
    const groups = (await get('aging', { by: 'collector' })).body.groups;
    expect(groups['col-1']).toEqual({ currencies: { EUR: { ...zero, '31-60': 6_000, total: 6_000 } } });
    expect(groups.unassigned.currencies.EUR.total).toBe(6_000);
  });

  it('shows another tenant nothing of this one', async () => {
    expect((await get('aging', {}, OTHER_KEY)).body).toEqual({ asOf: '2026-03-10', currencies: {} });
    expect((await get('kpis', { from: '2026-01-01', to: '2026-03-10' }, OTHER_KEY)).body.currencies).toEqual({});
  });
});

describe('snapshots and past days', () => {
  it('answers a past day as it stood at its close, the same before and after the run folds it into a snapshot', async () => {
    const before = (await get('aging', { asOf: '2026-03-10' })).body;
    const kpisBefore = (await get('kpis', { from: '2026-03-01', to: '2026-03-10', by: 'country' })).body;
    clock.set('2026-03-11T09:00:00Z');
    await recordPayment(deps, 't1', 'C', { amount: 30_000, currency: 'NOK', reference: 'bank-c' });
    await table.drainReportStream();
    expect(await snapshotReports(deps, { id: 't1', timeZone: 'Europe/Oslo' })).toEqual(['2026-03-10']);
    // Run again the same day: nothing more to fold.
    expect(await snapshotReports(deps, { id: 't1', timeZone: 'Europe/Oslo' })).toEqual([]);
    expect((await get('aging', { asOf: '2026-03-10' })).body).toEqual(before);
    expect((await get('kpis', { from: '2026-03-01', to: '2026-03-10', by: 'country' })).body).toEqual(kpisBefore);
    const today = (await get('aging', {})).body;
    expect(today.asOf).toBe('2026-03-11');
    expect(today.currencies.NOK).toEqual({ ...zero, '1-30': 50_000, total: 50_000 });
    // B fell due yesterday: one day past due now.
    expect(today.currencies.EUR).toMatchObject({ current: 0, '1-30': 5_000, total: 12_000 });
  });
});

describe('GET /v1/reports/kpis', () => {
  it('reports sales, collections, receivables and DSO of the period per currency', async () => {
    const answer = await get('kpis', { from: '2026-03-01', to: '2026-03-11' });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ from: '2026-03-01', to: '2026-03-11', days: 11, months: 1 });
    const eur = answer.body.currencies.EUR;
    expect(eur.creditSales).toBe(5_000);
    expect(eur.collected).toBe(4_000 + 3_000 - 1_000);
    // Nothing had been recorded by the close of 28 February, but A and D were issued before March: they were owed at
    // the start with what they were imported with (10,000 and 3,000), whenever they were imported.
    expect(eur.receivables).toEqual({ beginning: 13_000, ending: 12_000, endingCurrent: 0, endingPastDue: 12_000 });
    // Count-back: 12,000 owed; March's 5,000 of sales covers 11 days, February's none its 28, January's 10,000 the rest.
    expect(eur.dso).toBe(11 + 28 + 21.7);
    expect(eur.dsoRegular).toBe(26.4);
    const nok = answer.body.currencies.NOK;
    expect(nok).toMatchObject({
      creditSales: 0,
      collected: 30_000,
      dsoRegular: null,
      receivables: { beginning: 80_000, ending: 50_000 },
    });
  });

  it('counts a promise decided in the period for the promise-kept rate, once', async () => {
    const delinquency = await openDelinquency('B', 'kari');
    const promise: PaymentPromise = {
      id: 'ptp-1',
      delinquencyId: delinquency.id,
      invoiceId: 'B',
      customerId: 'kari',
      amount: 4_000,
      currency: 'EUR',
      date: '2026-03-09',
      holdsUntil: '2026-03-11',
      status: 'partially_kept',
      paidBefore: 0,
      paidTowards: 3_000,
      createdAt: '2026-03-05T10:00:00Z',
      createdBy: 'api:k1',
      decidedAt: clock.now().toISOString(),
    };
    expect(await deps.delinquencies.saveWithPromise('t1', { ...delinquency, version: 2 }, 1, [], promise, false)).toBe(
      true,
    );
    // A save refused on the delinquency's version records nothing, not even the counters.
    expect(await deps.delinquencies.saveWithPromise('t1', { ...delinquency, version: 3 }, 1, [], promise, false)).toBe(
      false,
    );
    const eur = (await get('kpis', { from: '2026-03-01', to: '2026-03-11' })).body.currencies.EUR;
    expect(eur.promises).toEqual({
      decided: 1,
      kept: 0,
      promised: 4_000,
      paid: 3_000,
      keptRate: { count: 0, amount: 75 },
    });
    const bySegment = (await get('kpis', { from: '2026-03-01', to: '2026-03-11', by: 'segment' })).body;
    expect(bySegment.groups.smb.currencies.EUR.promises.decided).toBe(1);
    expect(bySegment.currencies.EUR.promises.decided).toBe(1);
  });

  it('reports recovery and CEI over the money of the period, from the close of the day before it', async () => {
    const { EUR: eur, NOK: nok } = (await get('kpis', { from: '2026-03-11', to: '2026-03-11' })).body.currencies;
    // Nothing was collected on the 11th in EUR: 12,000 past due, nothing recovered.
    expect(eur).toMatchObject({ recoveryRate: 0, receivables: { beginning: 12_000, ending: 12_000 } });
    // NOK: 80,000 past due at the start, 30,000 of it paid: 30,000 of 80,000 recovered, CEI the same.
    expect(nok).toMatchObject({
      recoveryRate: 37.5,
      cei: 37.5,
      receivables: { beginning: 80_000, ending: 50_000, endingPastDue: 50_000 },
    });
    expect(nok.rollRates['1-30']).toEqual({ to: '31-60', balance: 62.5, count: 100 });
  });
});

describe('bad query parameters', () => {
  it.each([
    ['aging', { asOf: '2026-02-30' }, 'query.asOf'],
    ['aging', { asOf: '2026-03-12' }, 'query.asOf'],
    ['aging', { by: 'region' }, 'query.by'],
    ['aging', { asof: '2026-03-01' }, 'query.asof'],
    ['kpis', { to: '2026-03-01' }, 'query.from'],
    ['kpis', { from: '2026-03-05', to: '2026-03-01' }, 'query.to'],
    ['kpis', { from: '2024-01-01', to: '2026-03-01' }, 'query.to'],
    ['kpis', { from: '2026-03-01', to: '2026-03-31' }, 'query.to'],
    ['kpis', { from: '2026-03-01', to: '2026-03-05', by: 'currency' }, 'query.by'],
  ] as const)('%s %j is refused with 400 naming %s', async (handler, query, path) => {
    const answer = await get(handler, query);
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((error: { path: string }) => error.path)).toContain(path);
  });
});
