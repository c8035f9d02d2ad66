// GDPR through the API against DynamoDB Local: the export holds everything about a customer; erasure removes the person, keeps the books.
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createHandler as createExport } from '../../functions/api/get-customer-export.handler';
import { createHandler as createErase } from '../../functions/api/delete-customer.handler';
import { createHandler as createGetCustomer } from '../../functions/api/get-customer.handler';
import { createHandler as createPutCustomer } from '../../functions/api/put-customer.handler';
import { createHandler as createGetInvoice } from '../../functions/api/get-invoice.handler';
import { createHandler as createPutInvoice } from '../../functions/api/put-invoice.handler';
import { createHandler as createPostDispute } from '../../functions/api/post-dispute.handler';
import { createHandler as createPostPayment } from '../../functions/api/post-payment.handler';
import { sha256Hex } from '../../shared/domain/ids';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { addOptOut, putCustomer } from '../../shared/use-cases/customers';
import { putInvoice } from '../../shared/use-cases/invoices';
import { isOptedOut } from '../../shared/use-cases/send-reminder';
import { apiEvent, asRoute, context } from '../fixtures/api-event';
import { createTestTable, fixedClock, type TestTable } from '../fixtures/test-table';
import { aDelinquency } from '../fixtures/delinquency';

let table: TestTable;
let deps: ApiDependencies;
const clock = fixedClock('2026-12-10T10:00:00Z');
const MANAGER = 'gdpr-manager-key-0001';
const PARTNER = 'gdpr-partner-key-0001';
let unsubscribeToken = '';
const ERASURE_KEY = 'gdpr-tenant-erasure-key-00000001';
const PERSON = { name: 'Ada Lovelace', email: 'ada.lovelace@example.com', phone: '+4791234567' };

beforeAll(async () => {
  table = await createTestTable();
  deps = {
    ...table.deps(clock),
    webhookSecrets: table.iam.guardSecrets({
      secretFor: async (_tenantId, name) => (name === 'erasureKey' ? ERASURE_KEY : null),
    }),
  };
  await deps.tenants.putApiKey(sha256Hex(MANAGER), { tenantId: 't1', role: 'manager', keyId: 'key_manager' }, 'now');
  await deps.tenants.putApiKey(sha256Hex(PARTNER), { tenantId: 't1', role: 'partner', keyId: 'key_partner' }, 'now');
  await deps.tenants.putApiKey(
    sha256Hex('gdpr-other-tenant-01'),
    { tenantId: 't2', role: 'manager', keyId: 'key_t2' },
    'now',
  );
  await putCustomer(deps, 't1', 'c1', {
    ...PERSON,
    kind: 'consumer',
    timeZone: 'Europe/Oslo',
    region: 'Oslo',
    segment: 'retail',
    country: 'NO',
  });
  await addOptOut(deps, 't1', 'c1', { channel: 'sms' });
  unsubscribeToken = await deps.unsubscribeTokens.tokenFor({
    tenantId: 't1',
    customerId: 'c1',
    channel: 'email',
    address: PERSON.email,
  });
  await putInvoice(deps, 't1', 'inv1', {
    customerId: 'c1',
    amount: 120_000,
    currency: 'EUR',
    issuedAt: '2026-10-01',
    dueDate: '2026-11-01',
    description: 'Power for Ada Lovelace',
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
      balance: 120_000,
    }),
    {
      id: 'tl-open',
      at: now,
      kind: 'delinquency.opened',
      actor: 'schedule',
      detail: `reminder to ${PERSON.email} is due`,
    },
  );
  await deps.delinquencies.storeLetter('t1', 'dlq-inv1', {
    id: 'ltr1',
    stepId: 'letter',
    html: `<p>Dear ${PERSON.name}</p>`,
    createdAt: now,
  });
});
afterAll(() => table.destroy());

type Handler = ReturnType<typeof createExport>;
const call = async (
  handler: Handler,
  key: string,
  options: {
    method: string;
    routePath: string;
    path: string;
    pathParameters?: Record<string, string>;
    body?: unknown;
    idempotencyKey?: string;
  },
) => {
  const headers: Record<string, string> = { authorization: `Bearer ${key}` };
  if (options.idempotencyKey !== undefined) headers['idempotency-key'] = options.idempotencyKey;
  const response = await asRoute(handler)(apiEvent({ ...options, headers }), context());
  return { status: response.statusCode, body: JSON.parse(response.body ?? '{}') };
};
const customerPath = (customerId: string) => ({ path: `/v1/customers/${customerId}`, pathParameters: { customerId } });
const exportOf = (key: string, customerId = 'c1') =>
  call(createExport(deps), key, {
    method: 'GET',
    routePath: '/v1/customers/{customerId}/export',
    ...customerPath(customerId),
    path: `/v1/customers/${customerId}/export`,
  });
const erase = (key: string, customerId = 'c1') =>
  call(createErase(deps), key, {
    method: 'DELETE',
    routePath: '/v1/customers/{customerId}',
    ...customerPath(customerId),
  });
const allItems = async () =>
  JSON.stringify((await table.client.send(new ScanCommand({ TableName: table.tableName }))).Items);

describe('GDPR export and erasure', () => {
  it('exports everything held about the customer, and nothing of another tenant', async () => {
    await call(createPostDispute(deps), MANAGER, {
      method: 'POST',
      routePath: '/v1/delinquencies/{delinquencyId}/disputes',
      path: '/v1/delinquencies/dlq-inv1/disputes',
      pathParameters: { delinquencyId: 'dlq-inv1' },
      body: { reason: `${PERSON.name} says the meter is wrong` },
    });
    await call(createPostPayment(deps), PARTNER, {
      method: 'POST',
      routePath: '/v1/invoices/{invoiceId}/payments',
      path: '/v1/invoices/inv1/payments',
      pathParameters: { invoiceId: 'inv1' },
      body: { amount: 20_000, currency: 'EUR', reference: 'bank-1' },
      idempotencyKey: 'pay-bank-1',
    });
    const answer = await exportOf(MANAGER);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      customerId: 'c1',
      customer: { name: PERSON.name, email: PERSON.email, phone: PERSON.phone },
      optOuts: [{ channel: 'sms', address: PERSON.phone }],
      invoices: [{ id: 'inv1', amount: 120_000 }],
      payments: [{ amount: 20_000, reference: 'bank-1', recordedBy: 'api:key_partner' }],
      delinquencies: [{ id: 'dlq-inv1' }],
      disputes: [{ reason: `${PERSON.name} says the meter is wrong` }],
      letters: [{ html: `<p>Dear ${PERSON.name}</p>` }],
      erasure: null,
    });
    expect(answer.body.timeline.map((entry: { kind: string }) => entry.kind)).toEqual(
      expect.arrayContaining(['delinquency.opened', 'dispute.opened']),
    );
    // Link tokens are credentials: not part of the export.
    expect(JSON.stringify(answer.body)).not.toMatch(/"token"/);
    expect((await exportOf('gdpr-other-tenant-01')).status).toBe(404);
    expect((await exportOf(MANAGER, 'nobody')).status).toBe(404);
  });

  it("erases the person with a manager's key, keeps the books anonymised, records the decision, and answers it again", async () => {
    expect((await erase(PARTNER)).body).toMatchObject({ status: 403 });
    expect((await erase('gdpr-other-tenant-01')).status).toBe(404);

    const erased = await erase(MANAGER);
    expect(erased).toMatchObject({
      status: 200,
      body: {
        customerId: 'c1',
        erasedAt: '2026-12-10T10:00:00.000Z',
        erasedBy: 'api:key_manager',
        retainUntil: '2036-12-10',
      },
    });
    // Nothing stored anywhere still names the person.
    const stored = await allItems();
    for (const value of [PERSON.name, PERSON.email, PERSON.phone, '"region"']) expect(stored).not.toContain(value);

    const customer = await call(createGetCustomer(deps), PARTNER, {
      method: 'GET',
      routePath: '/v1/customers/{customerId}',
      ...customerPath('c1'),
    });
    expect(customer.body).toMatchObject({
      id: 'c1',
      name: '(erased)',
      kind: 'consumer',
      timeZone: 'Europe/Oslo',
      country: 'NO',
      erasedBy: 'api:key_manager',
    });
    expect(customer.body.email).toBeUndefined();
    expect(customer.body.phone).toBeUndefined();
    // The opt-out is kept as a hash and still honoured if the number is given again.
    expect(customer.body.optOuts).toEqual([
      expect.objectContaining({ channel: 'sms', address: expect.stringMatching(/^erased:hmac-sha256:[0-9a-f]{64}$/) }),
    ]);
    expect(isOptedOut(customer.body.optOuts, 'sms', PERSON.phone, ERASURE_KEY)).toBe(true);
    expect(isOptedOut(customer.body.optOuts, 'sms', '+4799999999', ERASURE_KEY)).toBe(false);

    // The financial records stay, with the customer id.
    const invoice = await call(createGetInvoice(deps), PARTNER, {
      method: 'GET',
      routePath: '/v1/invoices/{invoiceId}',
      path: '/v1/invoices/inv1',
      pathParameters: { invoiceId: 'inv1' },
    });
    expect(invoice.body).toMatchObject({
      customerId: 'c1',
      amount: 120_000,
      paid: 20_000,
      description: 'Power for (erased)',
    });
    const after = await exportOf(MANAGER);
    expect(after.body.erasure).toEqual(erased.body);
    expect(after.body.timeline.map((entry: { kind: string }) => entry.kind)).toContain('customer.erased');
    expect(after.body.timeline.find((entry: { kind: string }) => entry.kind === 'customer.erased')).toMatchObject({
      actor: 'api:key_manager',
    });
    expect(after.body.letters).toEqual([expect.objectContaining({ html: '(erased)' })]);
    expect(after.body.disputes).toEqual([expect.objectContaining({ reason: '(erased)' })]);
    // The timeline quoted the reason: the quote is erased with it.
    expect(after.body.timeline.find((entry: { kind: string }) => entry.kind === 'dispute.opened').detail).toBe(
      'disputed ((erased)): escalation pauses until the dispute is decided',
    );
    // The unsubscribe link named the address: it is gone.
    expect(await deps.unsubscribeTokens.resolve(unsubscribeToken)).toBeNull();

    // Asking again answers the recorded decision; a partner's sync cannot bring the person back.
    clock.set('2026-12-11T10:00:00Z');
    expect((await erase(MANAGER)).body).toEqual(erased.body);
    const resync = await call(createPutCustomer(deps), PARTNER, {
      method: 'PUT',
      routePath: '/v1/customers/{customerId}',
      ...customerPath('c1'),
      body: { ...PERSON, kind: 'consumer', timeZone: 'Europe/Oslo' },
    });
    expect(resync.body).toMatchObject({ status: 409, type: 'urn:arrears:problem:customer-erased' });
    expect(await allItems()).not.toContain(PERSON.email);
  });

  it('records who wrote a customer and an invoice', async () => {
    const put = await call(createPutCustomer(deps), PARTNER, {
      method: 'PUT',
      routePath: '/v1/customers/{customerId}',
      ...customerPath('c9'),
      body: { name: 'Grace', kind: 'business', timeZone: 'UTC' },
    });
    expect(put.body).toMatchObject({ id: 'c9', updatedBy: 'api:key_partner' });
    const invoice = await call(createPutInvoice(deps), MANAGER, {
      method: 'PUT',
      routePath: '/v1/invoices/{invoiceId}',
      path: '/v1/invoices/inv9',
      pathParameters: { invoiceId: 'inv9' },
      body: { customerId: 'c9', amount: 5_000, currency: 'EUR', issuedAt: '2026-12-01', dueDate: '2026-12-31' },
    });
    expect(invoice.body).toMatchObject({ id: 'inv9', updatedBy: 'api:key_manager' });
  });
});
