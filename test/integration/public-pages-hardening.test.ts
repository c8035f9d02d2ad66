// Item 10 of issue 13: the debtor's pages and the API's edges refuse what an attacker or a careless integrator sends.
import { createHandler as createPayPage } from '../../functions/api/get-pay-page.handler';
import { createHandler as createPortal } from '../../functions/api/get-portal.handler';
import { createHandler as createPortalPromise } from '../../functions/api/post-portal-promise.handler';
import { fixedPortalSigningKey } from '../../shared/ports/portal-signing-key.port';
import { createHandler as createUnsubscribePage } from '../../functions/api/get-unsubscribe.handler';
import { createHandler as createUnsubscribe } from '../../functions/api/post-unsubscribe.handler';
import { createHandler as createPutCustomer } from '../../functions/api/put-customer.handler';
import { createHandler as createExport } from '../../functions/api/get-customer-export.handler';
import { createHandler as createErase } from '../../functions/api/delete-customer.handler';
import { createHandler as createPostPayment } from '../../functions/api/post-payment.handler';
import { sha256Hex } from '../../shared/domain/ids';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { putCustomer } from '../../shared/use-cases/customers';
import { putInvoice } from '../../shared/use-cases/invoices';
import { apiEvent, asRoute, context } from '../fixtures/api-event';
import { createTestTable, fixedClock, type TestTable } from '../fixtures/test-table';
import { aDelinquency } from '../fixtures/delinquency';

let table: TestTable;
let deps: ApiDependencies;
const clock = fixedClock('2026-12-10T10:00:00Z');
const MANAGER = 'pages-manager-key-0001';
const HOST = 'pay.example.com';
const SAME_ORIGIN = {
  host: HOST,
  origin: `https://${HOST}`,
  'sec-fetch-site': 'same-origin',
  'content-type': 'application/x-www-form-urlencoded',
};
const tokens: Record<string, string> = {};

const openCase = async (customerId: string, invoiceId: string) => {
  await putInvoice(deps, 't1', invoiceId, {
    customerId,
    amount: 120_000,
    currency: 'NOK',
    issuedAt: '2026-10-01',
    dueDate: '2026-11-01',
  });
  const now = clock.now().toISOString();
  await deps.delinquencies.open(
    't1',
    aDelinquency({
      id: `dlq-${invoiceId}`,
      invoiceId,
      customerId,
      currency: 'NOK',
      stage: 'overdue',
      doneSteps: ['overdue'],
      openedAt: now,
      balance: 120_000,
      taskToken: 'AQB-secret-task-token',
    }),
    { id: `tl-${invoiceId}`, at: now, kind: 'delinquency.opened', actor: 'schedule', detail: 'opened' },
  );
  tokens[invoiceId] = await deps.payTokens.tokenFor({ tenantId: 't1', invoiceId, customerId });
};

beforeAll(async () => {
  table = await createTestTable();
  deps = { ...table.deps(clock), portalSigningKey: fixedPortalSigningKey('hardening-portal-key') };
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
  await deps.tenants.putApiKey(sha256Hex(MANAGER), { tenantId: 't1', role: 'manager', keyId: 'key_manager' }, 'now');
  for (const id of ['c1', 'c2', 'c3'])
    await putCustomer(deps, 't1', id, {
      name: `Kari ${id}`,
      kind: 'consumer',
      email: `kari.${id}@example.com`,
      timeZone: 'Europe/Oslo',
      locale: 'nb-NO',
    });
  await openCase('c1', 'inv1');
  await openCase('c2', 'inv2');
  await openCase('c3', 'inv3');
  tokens.unsubscribe = await deps.unsubscribeTokens.tokenFor({
    tenantId: 't1',
    customerId: 'c1',
    channel: 'email',
    address: 'kari.c1@example.com',
  });
});
afterAll(() => table.destroy());

type Answer = { statusCode: number; headers: Record<string, string>; body?: string };
const payPage = async (invoiceId: string): Promise<Answer> =>
  (await asRoute(createPayPage(deps))(
    apiEvent({
      method: 'GET',
      routePath: '/v1/pay/{token}',
      path: `/v1/pay/${tokens[invoiceId]}`,
      pathParameters: { token: tokens[invoiceId]! },
      headers: { host: HOST },
    }),
    context(),
  )) as Answer;
/** The portal an old pay link leads to (its 303), as the browser would follow it. */
const portalOf = async (invoiceId: string): Promise<string> => {
  const answer = await payPage(invoiceId);
  expect(answer.statusCode).toBe(303);
  return /^\/portal\/(.+)$/.exec(answer.headers.location!)![1]!;
};
const portalPage = async (invoiceId: string): Promise<Answer> => {
  const token = await portalOf(invoiceId);
  return (await asRoute(createPortal(deps))(
    apiEvent({
      method: 'GET',
      routePath: '/portal/{token}',
      path: `/portal/${token}`,
      pathParameters: { token },
      headers: { host: HOST },
    }),
    context(),
  )) as Answer;
};
const portalPromise = async (
  headers: Record<string, string>,
  body = 'date=2026-12-20',
  invoiceId = 'inv1',
): Promise<Answer> => {
  const token = await portalOf(invoiceId);
  return (await asRoute(createPortalPromise(deps))(
    apiEvent({
      method: 'POST',
      routePath: '/portal/{token}/promise',
      path: `/portal/${token}/promise`,
      pathParameters: { token },
      headers,
      body,
    }),
    context(),
  )) as Answer;
};
const unsubscribePage = async (): Promise<Answer> =>
  (await asRoute(createUnsubscribePage(deps))(
    apiEvent({
      method: 'GET',
      routePath: '/v1/unsubscribe/{token}',
      path: `/v1/unsubscribe/${tokens.unsubscribe}`,
      pathParameters: { token: tokens.unsubscribe! },
    }),
    context(),
  )) as Answer;
const unsubscribe = async (headers: Record<string, string>, body = ''): Promise<Answer> =>
  (await asRoute(createUnsubscribe(deps))(
    apiEvent({
      method: 'POST',
      routePath: '/v1/unsubscribe/{token}',
      path: `/v1/unsubscribe/${tokens.unsubscribe}`,
      pathParameters: { token: tokens.unsubscribe! },
      headers,
      body,
    }),
    context(),
  )) as Answer;
const putCustomerRaw = async (customerId: string, body: string, contentType = 'application/json'): Promise<Answer> =>
  (await asRoute(createPutCustomer(deps))(
    apiEvent({
      method: 'PUT',
      routePath: '/v1/customers/{customerId}',
      path: `/v1/customers/${customerId}`,
      pathParameters: { customerId },
      headers: { authorization: `Bearer ${MANAGER}`, 'content-type': contentType },
      body,
    }),
    context(),
  )) as Answer;
const asManager = { authorization: `Bearer ${MANAGER}` };

describe('item 10: hardening of the public pages, the API edge and the local log', () => {
  it('item 10: the portal sends a CSP with frame-ancestors none, nosniff and a same-origin referrer policy, and the page has no script', async () => {
    for (const answer of [await portalPage('inv1'), await unsubscribePage()]) {
      expect(answer.statusCode).toBe(200);
      const csp = answer.headers['content-security-policy'] ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toMatch(/default-src 'none'/);
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.headers['referrer-policy']).toBe('same-origin');
      expect(answer.body).not.toMatch(/<script/i);
    }
  });

  it('item 10: the portal form refuses a cross-site post, a foreign origin and a non-form body, and takes a same-origin form post', async () => {
    expect((await portalPromise({ ...SAME_ORIGIN, 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
    expect((await portalPromise({ ...SAME_ORIGIN, origin: 'https://evil.example' })).statusCode).toBe(403);
    expect((await portalPromise({ ...SAME_ORIGIN, origin: 'null' })).statusCode).toBe(403);
    const json = await portalPromise({ ...SAME_ORIGIN, 'content-type': 'application/json' }, '{"date":"2026-12-20"}');
    expect(json.statusCode).toBe(415);
    expect(json.headers['content-type']).toBe('application/problem+json');
    expect((await deps.delinquencies.get('t1', 'dlq-inv1'))?.status).toBe('active');
    const posted = await portalPromise(SAME_ORIGIN);
    expect(posted.statusCode).toBe(303);
    expect(posted.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect((await deps.delinquencies.get('t1', 'dlq-inv1'))?.status).toBe('promised');
  });

  it('item 10: the unsubscribe form refuses a cross-site post, and its answer does not echo the address', async () => {
    expect(
      (await unsubscribe({ 'sec-fetch-site': 'cross-site', 'content-type': 'application/x-www-form-urlencoded' }))
        .statusCode,
    ).toBe(403);
    expect((await unsubscribe({ 'content-type': 'text/plain' }, 'x')).statusCode).toBe(415);
    // A mail provider's one-click POST (RFC 8058) carries no Origin: it is honoured.
    const answer = await unsubscribe(
      { 'content-type': 'application/x-www-form-urlencoded' },
      'List-Unsubscribe=One-Click',
    );
    expect(answer.statusCode).toBe(200);
    expect(answer.body).not.toContain('kari.c1@example.com');
    expect(JSON.parse(answer.body!)).toMatchObject({ channel: 'email', unsubscribed: true });
  });

  it('item 10: a portal link shows nothing owed once its invoice is paid and stops working once its customer is erased, in the page language', async () => {
    const paid = await asRoute(createPostPayment(deps))(
      apiEvent({
        method: 'POST',
        routePath: '/v1/invoices/{invoiceId}/payments',
        path: '/v1/invoices/inv2/payments',
        pathParameters: { invoiceId: 'inv2' },
        headers: { ...asManager, 'idempotency-key': 'pay-inv2-in-full' },
        body: { amount: 120_000, currency: 'NOK', reference: 'bank-1' },
      }),
      context(),
    );
    expect(paid.statusCode).toBe(201);
    const erased = await asRoute(createErase(deps))(
      apiEvent({
        method: 'DELETE',
        routePath: '/v1/customers/{customerId}',
        path: '/v1/customers/c3',
        pathParameters: { customerId: 'c3' },
        headers: asManager,
      }),
      context(),
    );
    expect(erased.statusCode).toBeLessThan(300);
    // Paid in full: nothing left to show but the thanks. Erased: the link leads nowhere, in the customer's language.
    const paidPage = await portalPage('inv2');
    expect(paidPage.statusCode).toBe(200);
    expect(paidPage.body).toContain('Det er ingenting igjen å betale');
    expect(paidPage.body).not.toContain('<form');
    const page = await portalPage('inv3');
    expect(page.statusCode).toBe(410);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('lang="nb"');
    expect(page.body).toContain('Det er ingenting å betale her');
    expect(page.body).not.toContain('<form');
    expect(page.body).not.toContain('120');
    const posted = await portalPromise(SAME_ORIGIN, 'date=2026-12-20', 'inv3');
    expect(posted.statusCode).toBe(410);
  });

  it('item 10: the export leaves task tokens out', async () => {
    const answer = await asRoute(createExport(deps))(
      apiEvent({
        method: 'GET',
        routePath: '/v1/customers/{customerId}/export',
        path: '/v1/customers/c1/export',
        pathParameters: { customerId: 'c1' },
        headers: asManager,
      }),
      context(),
    );
    expect(answer.statusCode).toBe(200);
    expect(JSON.parse(answer.body!).delinquencies).toHaveLength(1);
    expect(answer.body).not.toContain('AQB-secret-task-token');
    expect(answer.body).not.toContain('taskToken');
  });

  it('item 10: API bodies must be application/json (415 problem+json otherwise)', async () => {
    const body = JSON.stringify({ name: 'Ola', kind: 'consumer', timeZone: 'Europe/Oslo' });
    for (const type of ['application/x-www-form-urlencoded', 'text/plain', '']) {
      const answer = await putCustomerRaw('c9', body, type);
      expect({ type, status: answer.statusCode }).toEqual({ type, status: 415 });
      expect(answer.headers['content-type']).toBe('application/problem+json');
    }
    expect((await putCustomerRaw('c9', body, 'application/json; charset=utf-8')).statusCode).toBe(201);
  });

  it('item 10: duplicate JSON keys are refused with 400 naming the key', async () => {
    const answer = await putCustomerRaw(
      'c10',
      '{"name":"Ola","kind":"consumer","timeZone":"Europe/Oslo","name":"Someone Else"}',
    );
    expect(answer.statusCode).toBe(400);
    expect(answer.body).toContain('"name"');
    const nested = await putCustomerRaw(
      'c10',
      '{"name":"Ola","kind":"consumer","timeZone":"Europe/Oslo","creditLimit":{"amount":1,"currency":"NOK","amount":2}}',
    );
    expect(nested.statusCode).toBe(400);
    expect(nested.body).toContain('creditLimit.amount');
  });

  it('item 10: time zones are stored in their canonical spelling', async () => {
    const zones = [
      ['c11', 'europe/oslo', 'Europe/Oslo'],
      ['c12', 'Europe/Oslo ', 'Europe/Oslo'],
      ['c13', 'AMERICA/NEW_YORK', 'America/New_York'],
      // An alias written the IANA way keeps its spelling, whatever older name the runtime lists it under.
      ['c15', 'Europe/Kyiv', 'Europe/Kyiv'],
    ] as const;
    for (const [id, zone, stored] of zones) {
      const answer = await putCustomerRaw(id, JSON.stringify({ name: 'Ola', kind: 'consumer', timeZone: zone }));
      expect(answer.statusCode).toBe(201);
      expect((await deps.customers.get('t1', id))?.timeZone).toBe(stored);
    }
    expect(
      (await putCustomerRaw('c16', JSON.stringify({ name: 'Ola', kind: 'consumer', timeZone: 'Europe/Atlantis' })))
        .statusCode,
    ).toBe(400);
  });

  it('item 10: countries and locales are checked against real lists', async () => {
    const put = (country: string, locale: string) =>
      putCustomerRaw(
        'c14',
        JSON.stringify({ name: 'Ola', kind: 'consumer', timeZone: 'Europe/Oslo', country, locale }),
      );
    expect((await put('XX', 'nb-NO')).statusCode).toBe(400);
    expect((await put('ZZ', 'nb-NO')).statusCode).toBe(400);
    expect((await put('EU', 'nb-NO')).statusCode).toBe(400);
    expect((await put('NO', 'xx-YY')).statusCode).toBe(400);
    expect((await put('NO', 'nb-QQ')).statusCode).toBe(400);
    expect((await put('NO', 'nb-no')).statusCode).toBe(201);
    expect(await deps.customers.get('t1', 'c14')).toMatchObject({ country: 'NO', locale: 'nb-NO' });
  });
});
