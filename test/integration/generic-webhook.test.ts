// The generic provider webhook (HMAC-SHA256 over "t.body"): payments, running-total refunds and chargebacks, once each.
import { createHandler } from '../../functions/api/post-generic-webhook.handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { putCustomer } from '../../shared/use-cases/customers';
import { getInvoice, putInvoice } from '../../shared/use-cases/invoices';
import { signatureHeader } from '../../shared/webhooks/signature';
import { apiEvent, asRoute, context } from '../fixtures/api-event';
import { createTestTable, fixedClock, type TestTable } from '../fixtures/test-table';

const SECRET = 'generic-secret-0001';
let table: TestTable;
let deps: ApiDependencies;
const clock = fixedClock('2026-12-05T10:00:00Z');

beforeAll(async () => {
  table = await createTestTable();
  deps = {
    ...table.deps(clock),
    webhookSecrets: {
      secretFor: async (tenantId, provider) => (tenantId === 't1' && provider === 'generic' ? SECRET : null),
    },
  };
  await putCustomer(deps, 't1', 'c1', { name: 'Ada', kind: 'consumer', timeZone: 'Europe/Oslo' });
  await putInvoice(deps, 't1', 'inv-g', {
    customerId: 'c1',
    amount: 10_000,
    currency: 'EUR',
    issuedAt: '2026-11-01',
    dueDate: '2026-12-01',
  });
});
afterAll(() => table.destroy());

const post = async (
  event: unknown,
  sign: (body: string) => string = (body) => signatureHeader(body, SECRET, Math.floor(Date.now() / 1000)),
) => {
  const body = JSON.stringify(event);
  const response = await asRoute(createHandler(deps))(
    apiEvent({
      method: 'POST',
      routePath: '/v1/webhooks/generic/{tenantId}',
      path: '/v1/webhooks/generic/t1',
      pathParameters: { tenantId: 't1' },
      headers: { 'arrears-signature': sign(body) },
      body,
    }),
    context(),
  );
  return { status: response.statusCode, body: JSON.parse(response.body ?? '{}') };
};

describe('generic payment webhook', () => {
  it('applies a payment, then refunds by running total, each event once', async () => {
    const payment = {
      id: 'g-1',
      type: 'payment.succeeded',
      payment: { id: 'pay-1', invoiceId: 'inv-g', amount: 10_000, currency: 'EUR' },
    };
    expect((await post(payment)).body).toMatchObject({ outcome: 'applied', replayed: false });
    expect((await post(payment)).body).toMatchObject({ outcome: 'applied', replayed: true });
    expect((await getInvoice(deps, 't1', 'inv-g')).balance).toBe(0);
    await post({ id: 'g-2', type: 'payment.refunded', payment: { id: 'pay-1', totalRefunded: 3_000 } });
    await post({ id: 'g-3', type: 'payment.refunded', payment: { id: 'pay-1', totalRefunded: 2_000 } }); // stale total: nothing
    const invoice = await getInvoice(deps, 't1', 'inv-g');
    expect(invoice.balance).toBe(3_000);
    expect(invoice.payments[0]).toMatchObject({ source: 'webhook', reference: 'pay-1' });
  });

  it('refuses a bad signature (400, nothing changed) and a body that is not one of its events (400)', async () => {
    const payment = {
      id: 'g-bad',
      type: 'payment.succeeded',
      payment: { id: 'pay-bad', invoiceId: 'inv-g', amount: 1, currency: 'EUR' },
    };
    const forged = await post(payment, (body) =>
      signatureHeader(body, 'not-the-secret', Math.floor(Date.now() / 1000)),
    );
    expect(forged).toMatchObject({ status: 400, body: { errors: [{ path: 'header.arrears-signature' }] } });
    expect((await post({ id: 'g-odd', type: 'payment.teleported', payment: {} })).status).toBe(400);
    expect((await getInvoice(deps, 't1', 'inv-g')).balance).toBe(3_000);
  });
});
