// Webhook handlers that die midway: a payment's event is recorded in the payment's own transaction, so a delivery that
// died before it leaves nothing and one that died after it leaves the whole; a refund's leased record refuses its twin
// with 409 (so the provider keeps retrying) until the lease runs out and the retry finishes the work. Money lands once;
// a Checkout payment's link to its parts is written by the retry of an attempt that died before writing it.
import Stripe from 'stripe';
import { createHandler } from '../../functions/api/post-stripe-webhook.handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { putCustomer } from '../../shared/use-cases/customers';
import { putInvoice } from '../../shared/use-cases/invoices';
import { apiEvent, asRoute, context } from '../fixtures/api-event';
import { aDelinquency } from '../fixtures/delinquency';
import { createTestTable, fixedClock, type TestTable } from '../fixtures/test-table';

const SECRET = 'whsec_faults_0001';
const stripe = new Stripe('sk_test_not_used_offline');
let table: TestTable;
let deps: ApiDependencies;
const clock = fixedClock('2026-12-05T10:00:00Z');

const openInvoice = (invoiceId: string) =>
  putInvoice(deps, 't1', invoiceId, {
    customerId: 'c1',
    amount: 10_000,
    currency: 'EUR',
    issuedAt: '2026-11-01',
    dueDate: '2026-12-01',
  });

beforeAll(async () => {
  table = await createTestTable();
  deps = { ...table.deps(clock), webhookSecrets: { secretFor: async () => SECRET } };
  await putCustomer(deps, 't1', 'c1', { name: 'Ada', kind: 'consumer', timeZone: 'Europe/Oslo' });
});
afterAll(() => table.destroy());

const paymentEvent = (invoiceId: string) => ({
  id: `evt_pay_${invoiceId}`,
  object: 'event',
  type: 'payment_intent.succeeded',
  data: {
    object: {
      id: `pi_${invoiceId}`,
      object: 'payment_intent',
      amount_received: 4_000,
      currency: 'eur',
      metadata: { invoice_id: invoiceId },
    },
  },
});

const refundEvent = (invoiceId: string) => ({
  id: `evt_refund_${invoiceId}`,
  object: 'event',
  type: 'charge.refunded',
  data: {
    object: {
      id: `ch_${invoiceId}`,
      object: 'charge',
      payment_intent: `pi_${invoiceId}`,
      amount_refunded: 1_500,
      currency: 'eur',
    },
  },
});

const deliver = async (event: unknown) => {
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

const invoiceOf = async (invoiceId: string) => (await deps.invoices.get('t1', invoiceId))!;
const timedOut = () => Object.assign(new Error('Task timed out after 10.00 seconds'), { name: 'TimeoutError' });

/** Runs `work` with the invoice repository's payment write replaced, then puts the real one back. */
const withApplyPayment = async (
  replacement: (real: ApiDependencies['invoices']['applyPayment']) => ApiDependencies['invoices']['applyPayment'],
  work: () => Promise<void>,
) => {
  const real = deps.invoices.applyPayment.bind(deps.invoices);
  deps.invoices.applyPayment = replacement(real);
  try {
    await work();
  } finally {
    deps.invoices.applyPayment = real;
  }
};

it('leaves nothing behind when a delivery dies before its transaction: the retry applies the payment', async () => {
  await openInvoice('inv-before');
  await withApplyPayment(
    () => async () => {
      throw timedOut();
    },
    async () => {
      expect((await deliver(paymentEvent('inv-before'))).status).toBe(500);
    },
  );
  expect((await invoiceOf('inv-before')).invoice.paidTotal).toBe(0);
  expect(await deliver(paymentEvent('inv-before'))).toMatchObject({
    status: 200,
    body: { eventId: 'evt_pay_inv-before', outcome: 'applied', replayed: false },
  });
  expect((await invoiceOf('inv-before')).payments).toHaveLength(1);
});

it('answers the retry of a delivery that died after its transaction as a replay, the payment applied once', async () => {
  await openInvoice('inv-after');
  await withApplyPayment(
    (real) =>
      async (...args) => {
        await real(...args);
        throw timedOut();
      },
    async () => {
      expect((await deliver(paymentEvent('inv-after'))).status).toBe(500);
    },
  );
  // No lease to wait out: the event's record was written with the payment, so the retry at once finds it done.
  expect(await deliver(paymentEvent('inv-after'))).toMatchObject({
    status: 200,
    body: { eventId: 'evt_pay_inv-after', outcome: 'applied', replayed: true },
  });
  const { invoice, payments } = await invoiceOf('inv-after');
  expect(invoice.paidTotal).toBe(4_000);
  expect(payments).toHaveLength(1);
});

it('finishes a timed-out refund on the provider’s retry after the lease, reversing it once', async () => {
  await openInvoice('inv-refund');
  expect((await deliver(paymentEvent('inv-refund'))).body).toMatchObject({ outcome: 'applied' });
  // The first attempt reverses the money, then runs out of time before it can record that it finished.
  const finish = deps.webhookEvents.finish.bind(deps.webhookEvents);
  deps.webhookEvents.finish = async () => {
    throw timedOut();
  };
  try {
    expect((await deliver(refundEvent('inv-refund'))).status).toBe(500);
  } finally {
    deps.webhookEvents.finish = finish;
  }
  expect((await invoiceOf('inv-refund')).invoice.paidTotal).toBe(2_500);

  // A retry inside the lease is not acknowledged: a 2xx would end the provider's retries with the work unfinished.
  clock.set('2026-12-05T10:00:30Z');
  const early = await deliver(refundEvent('inv-refund'));
  expect(early.status).toBe(409);
  expect(early.body).toMatchObject({
    type: 'urn:arrears:problem:event-in-progress',
    eventId: 'evt_refund_inv-refund',
  });

  // After the lease the retry takes the event over, does the (idempotent) work again and records it.
  clock.set('2026-12-05T10:01:01Z');
  expect(await deliver(refundEvent('inv-refund'))).toMatchObject({
    status: 200,
    body: { eventId: 'evt_refund_inv-refund', outcome: 'applied', replayed: false },
  });
  expect(await deliver(refundEvent('inv-refund'))).toMatchObject({
    status: 200,
    body: { outcome: 'applied', replayed: true },
  });
  const { invoice, refunds } = await invoiceOf('inv-refund');
  expect(invoice.paidTotal).toBe(2_500);
  expect(refunds).toHaveLength(1);
});

it('links a Checkout payment to its parts on the retry of a delivery that died before, and applies the refund that waited', async () => {
  clock.set('2026-12-05T11:00:00Z');
  await putCustomer(deps, 't1', 'c2', { name: 'Bo', kind: 'consumer', timeZone: 'Europe/Oslo' });
  for (const [invoiceId, dueDate] of [
    ['inv-card-a', '2026-11-28'],
    ['inv-card-b', '2026-12-01'],
  ] as const)
    await putInvoice(deps, 't1', invoiceId, {
      customerId: 'c2',
      amount: 10_000,
      currency: 'EUR',
      issuedAt: '2026-11-01',
      dueDate,
    });
  const now = clock.now().toISOString();
  await deps.delinquencies.open(
    't1',
    aDelinquency({ id: 'dlq-card-a', invoiceId: 'inv-card-a', customerId: 'c2', stage: 'overdue', openedAt: now }),
    { id: 'tl-dlq-card-a', at: now, kind: 'delinquency.opened', actor: 'schedule', detail: 'opened for the test' },
  );
  const completed = {
    id: 'evt_card_paid',
    object: 'event',
    type: 'checkout.session.completed',
    data: {
      object: {
        id: 'cs_card',
        object: 'checkout.session',
        mode: 'payment',
        payment_status: 'paid',
        payment_intent: 'pi_card',
        amount_total: 15_000,
        currency: 'eur',
        metadata: { tenantId: 't1', delinquencyId: 'dlq-card-a', customerId: 'c2' },
      },
    },
  };
  const refund = (id: string, amountRefunded: number) => ({
    id,
    object: 'event',
    type: 'charge.refunded',
    data: {
      object: {
        id: 'ch_card',
        object: 'charge',
        payment_intent: 'pi_card',
        amount_refunded: amountRefunded,
        currency: 'eur',
      },
    },
  });
  const paid = async () => [
    (await invoiceOf('inv-card-a')).invoice.paidTotal,
    (await invoiceOf('inv-card-b')).invoice.paidTotal,
  ];

  // The parts are applied, then the attempt dies before it links the intent to them.
  const linkParts = deps.webhookEvents.linkParts.bind(deps.webhookEvents);
  deps.webhookEvents.linkParts = async () => {
    throw timedOut();
  };
  try {
    expect((await deliver(completed)).status).toBe(500);
  } finally {
    deps.webhookEvents.linkParts = linkParts;
  }
  expect(await paid()).toEqual([10_000, 5_000]);
  // A refund now finds no link: it waits for the payment.
  expect((await deliver(refund('evt_card_refund_1', 3_000))).body).toMatchObject({ outcome: 'waiting' });
  expect(await paid()).toEqual([10_000, 5_000]);

  // After the lease Stripe's retry pays nothing twice, links the parts and applies the refund that waited: from b, the
  // invoice paid last.
  clock.set('2026-12-05T11:01:01Z');
  expect(await deliver(completed)).toMatchObject({ status: 200, body: { outcome: 'applied', replayed: false } });
  expect(await paid()).toEqual([10_000, 2_000]);
  expect((await invoiceOf('inv-card-b')).payments).toHaveLength(1);

  // A later running total of 8 000: the rest of b (2 000 more), then 3 000 of a.
  expect((await deliver(refund('evt_card_refund_2', 8_000))).body).toMatchObject({ outcome: 'applied' });
  expect(await paid()).toEqual([7_000, 0]);
  expect((await invoiceOf('inv-card-a')).refunds.map((item) => item.amount)).toEqual([3_000]);
  expect((await invoiceOf('inv-card-b')).refunds.map((item) => item.amount).sort()).toEqual([2_000, 3_000]);
});
