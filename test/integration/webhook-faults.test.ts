// A webhook handler that times out midway: its twin delivery is refused with 409 (so the provider keeps retrying), and
// once the lease has run out the provider's retry finishes the work; the payment lands once.
import Stripe from 'stripe';
import { createHandler } from '../../functions/api/post-stripe-webhook.handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { putCustomer } from '../../shared/use-cases/customers';
import { putInvoice } from '../../shared/use-cases/invoices';
import { apiEvent, asRoute, context } from '../fixtures/api-event';
import { createTestTable, fixedClock, type TestTable } from '../fixtures/test-table';

const SECRET = 'whsec_faults_0001';
const stripe = new Stripe('sk_test_not_used_offline');
let table: TestTable;
let deps: ApiDependencies;
const clock = fixedClock('2026-12-05T10:00:00Z');

beforeAll(async () => {
  table = await createTestTable();
  deps = { ...table.deps(clock), webhookSecrets: { secretFor: async () => SECRET } };
  await putCustomer(deps, 't1', 'c1', { name: 'Ada', kind: 'consumer', timeZone: 'Europe/Oslo' });
  await putInvoice(deps, 't1', 'inv-timeout', {
    customerId: 'c1',
    amount: 10_000,
    currency: 'EUR',
    issuedAt: '2026-11-01',
    dueDate: '2026-12-01',
  });
});
afterAll(() => table.destroy());

const event = {
  id: 'evt_timeout_1',
  object: 'event',
  type: 'payment_intent.succeeded',
  data: {
    object: {
      id: 'pi_timeout_1',
      object: 'payment_intent',
      amount_received: 4_000,
      currency: 'eur',
      metadata: { invoice_id: 'inv-timeout' },
    },
  },
};

const deliver = async () => {
  const payload = JSON.stringify(event);
  const signature = stripe.webhooks.generateTestHeaderString({
    payload,
    secret: SECRET,
    timestamp: Math.floor(Date.now() / 1000),
  });
  const response = await asRoute(createHandler(deps))(
    apiEvent({
      method: 'POST',
      routePath: '/v1/webhooks/stripe/{tenantId}',
      path: '/v1/webhooks/stripe/t1',
      pathParameters: { tenantId: 't1' },
      headers: { 'stripe-signature': signature },
      body: payload,
    }),
    context(),
  );
  return { status: response.statusCode, body: JSON.parse(response.body ?? '{}') as Record<string, unknown> };
};

const paid = async () => (await deps.invoices.get('t1', 'inv-timeout'))!.invoice.paidTotal;

it('finishes a timed-out delivery on the provider’s retry after the lease, applying the payment once', async () => {
  // The first attempt applies the payment, then runs out of time before it can record that it finished.
  const finish = deps.webhookEvents.finish.bind(deps.webhookEvents);
  deps.webhookEvents.finish = async () => {
    throw Object.assign(new Error('Task timed out after 10.00 seconds'), { name: 'TimeoutError' });
  };
  try {
    expect((await deliver()).status).toBe(500);
  } finally {
    deps.webhookEvents.finish = finish;
  }
  expect(await paid()).toBe(4_000);

  // A retry inside the lease is not acknowledged: a 2xx would end the provider's retries with the work unfinished.
  clock.set('2026-12-05T10:00:30Z');
  const early = await deliver();
  expect(early.status).toBe(409);
  expect(early.body).toMatchObject({ type: 'urn:arrears:problem:event-in-progress', eventId: 'evt_timeout_1' });

  // After the lease the retry takes the event over, does the (idempotent) work again and records it.
  clock.set('2026-12-05T10:01:01Z');
  expect(await deliver()).toMatchObject({
    status: 200,
    body: { eventId: 'evt_timeout_1', outcome: 'applied', replayed: false },
  });
  expect(await deliver()).toMatchObject({ status: 200, body: { outcome: 'applied', replayed: true } });
  expect(await paid()).toBe(4_000);
  expect((await deps.invoices.get('t1', 'inv-timeout'))!.payments).toHaveLength(1);
});
