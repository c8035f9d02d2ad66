// Stripe webhooks against DynamoDB Local, signed by Stripe's own library: what verifies, what is refused, what applies once.
import Stripe from 'stripe';
import { createHandler } from '../../functions/api/post-stripe-webhook.handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { putCustomer } from '../../shared/use-cases/customers';
import { getInvoice, putInvoice } from '../../shared/use-cases/invoices';
import { apiEvent, asRoute, context } from '../fixtures/api-event';
import { createTestTable, fixedClock, type TestTable } from '../fixtures/test-table';

const SECRET = 'whsec_integration_0001';
const stripe = new Stripe('sk_test_not_used_offline');
let table: TestTable;
let deps: ApiDependencies;
const clock = fixedClock('2026-12-05T10:00:00Z');

beforeAll(async () => {
  table = await createTestTable();
  deps = {
    ...table.deps(clock),
    webhookSecrets: { secretFor: async (tenantId) => (tenantId === 't1' ? SECRET : null) },
  };
  await putCustomer(deps, 't1', 'c1', { name: 'Ada', kind: 'consumer', timeZone: 'Europe/Oslo' });
});
afterAll(() => table.destroy());

const openInvoice = (id: string, amount = 10_000) =>
  putInvoice(deps, 't1', id, {
    customerId: 'c1',
    amount,
    currency: 'EUR',
    issuedAt: '2026-11-01',
    dueDate: '2026-12-01',
  });

let sequence = 0;
const paymentSucceeded = (invoiceId: string, amount: number, intentId = `pi_${(sequence += 1)}`) => ({
  id: `evt_pay_${intentId}`,
  object: 'event',
  type: 'payment_intent.succeeded',
  data: {
    object: {
      id: intentId,
      object: 'payment_intent',
      amount_received: amount,
      currency: 'eur',
      metadata: { invoice_id: invoiceId },
    },
  },
});
const chargeRefunded = (intentId: string, totalRefunded: number, eventId = `evt_ref_${intentId}_${totalRefunded}`) => ({
  id: eventId,
  object: 'event',
  type: 'charge.refunded',
  data: {
    object: {
      id: `ch_${intentId}`,
      object: 'charge',
      payment_intent: intentId,
      amount_refunded: totalRefunded,
      currency: 'eur',
    },
  },
});

const post = async (
  event: unknown,
  options: { secret?: string; timestamp?: number; tamper?: (body: string) => string; tenantId?: string } = {},
) => {
  const payload = JSON.stringify(event);
  const signature = stripe.webhooks.generateTestHeaderString({
    payload,
    secret: options.secret ?? SECRET,
    timestamp: options.timestamp ?? Math.floor(Date.now() / 1000),
  });
  const tenantId = options.tenantId ?? 't1';
  const response = await asRoute(createHandler(deps))(
    apiEvent({
      method: 'POST',
      routePath: '/v1/webhooks/stripe/{tenantId}',
      path: `/v1/webhooks/stripe/${tenantId}`,
      pathParameters: { tenantId },
      headers: { 'stripe-signature': signature },
      body: options.tamper ? options.tamper(payload) : payload,
    }),
    context(),
  );
  return { status: response.statusCode, body: JSON.parse(response.body ?? '{}') };
};

describe('Stripe webhooks', () => {
  it('applies a signed payment_intent.succeeded to the invoice named in its metadata', async () => {
    await openInvoice('inv-pay');
    const answer = await post(paymentSucceeded('inv-pay', 4_000, 'pi_pay'));
    expect(answer).toEqual({
      status: 200,
      body: { received: true, eventId: 'evt_pay_pi_pay', outcome: 'applied', replayed: false },
    });
    const invoice = await getInvoice(deps, 't1', 'inv-pay');
    expect(invoice.balance).toBe(6_000);
    expect(invoice.payments).toEqual([
      expect.objectContaining({
        amount: 4_000,
        currency: 'EUR',
        source: 'stripe',
        reference: 'pi_pay',
        recordedBy: 'provider:stripe',
      }),
    ]);
  });

  it.each([
    ['a tampered body', { tamper: (body: string) => body.replace('4000', '9000') }],
    ['another secret', { secret: 'whsec_someone_else' }],
    ['a timestamp older than 300 s', { timestamp: Math.floor(Date.now() / 1000) - 301 }],
  ])('refuses %s with 400 and changes nothing', async (_case, options) => {
    await openInvoice('inv-refused');
    const answer = await post(paymentSucceeded('inv-refused', 4_000), options);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ status: 400, errors: [{ path: 'header.stripe-signature' }] });
    expect((await getInvoice(deps, 't1', 'inv-refused')).balance).toBe(10_000);
  });

  it('answers 404 for a tenant with no signing secret', async () => {
    expect((await post(paymentSucceeded('inv-pay', 1), { tenantId: 'nobody' })).status).toBe(404);
  });

  it('applies an event replayed 10 times once', async () => {
    await openInvoice('inv-replay');
    const event = paymentSucceeded('inv-replay', 2_500);
    const answers = await Promise.all(Array.from({ length: 10 }, () => post(event)));
    // The event's record is written in the payment's transaction: racing copies lose its condition and answer as
    // replays at once, with no lease to wait out; none is applied twice.
    expect(answers.filter((answer) => answer.status !== 200 || answer.body.outcome !== 'applied')).toEqual([]);
    expect(answers.filter((answer) => !answer.body.replayed)).toHaveLength(1);
    const invoice = await getInvoice(deps, 't1', 'inv-replay');
    expect(invoice.balance).toBe(7_500);
    expect(invoice.payments).toHaveLength(1);
  });

  it('holds a refund that arrives before its payment and applies it when the payment lands', async () => {
    await openInvoice('inv-order');
    const refund = await post(chargeRefunded('pi_order', 1_000));
    expect(refund.body.outcome).toBe('waiting');
    expect((await getInvoice(deps, 't1', 'inv-order')).balance).toBe(10_000);
    await post(paymentSucceeded('inv-order', 10_000, 'pi_order'));
    const invoice = await getInvoice(deps, 't1', 'inv-order');
    expect(invoice.balance).toBe(1_000);
    expect(invoice.refunds).toEqual([
      expect.objectContaining({ amount: 1_000, kind: 'refund', reversedApplied: 1_000 }),
    ]);
    // A later refund event reports the running total; only the difference is reversed, and a stale repeat nothing.
    await post(chargeRefunded('pi_order', 2_500));
    await post(chargeRefunded('pi_order', 1_000, 'evt_late_duplicate_total'));
    expect((await getInvoice(deps, 't1', 'inv-order')).balance).toBe(2_500);
  });

  it('applies a refund racing its payment once, whichever of the two lands first', async () => {
    const races = ['race-1', 'race-2', 'race-3', 'race-4'];
    await Promise.all(races.map((id) => openInvoice(`inv-${id}`)));
    await Promise.all(
      races.flatMap((id) => [
        post(chargeRefunded(`pi_${id}`, 1_000)),
        post(paymentSucceeded(`inv-${id}`, 10_000, `pi_${id}`)),
      ]),
    );
    for (const id of races) {
      const invoice = await getInvoice(deps, 't1', `inv-${id}`);
      expect({ id, balance: invoice.balance, refunds: invoice.refunds.length }).toEqual({
        id,
        balance: 1_000,
        refunds: 1,
      });
    }
  });

  it('takes a refund from the credit of an overpayment first', async () => {
    await openInvoice('inv-credit', 5_000);
    await post(paymentSucceeded('inv-credit', 6_000, 'pi_credit'));
    await post(chargeRefunded('pi_credit', 1_500));
    const invoice = await getInvoice(deps, 't1', 'inv-credit');
    expect(invoice.refunds[0]).toMatchObject({ reversedCredit: 1_000, reversedApplied: 500 });
    expect(invoice.balance).toBe(500);
  });

  it('acknowledges an unknown invoice and an event type it does not act on, without retrying forever', async () => {
    expect((await post(paymentSucceeded('no-such-invoice', 100))).body.outcome).toBe('unmatched');
    expect(
      (await post({ id: 'evt_other', object: 'event', type: 'customer.created', data: { object: { id: 'cus_1' } } }))
        .body,
    ).toMatchObject({ outcome: 'ignored' });
    const foreignCurrency = paymentSucceeded('inv-pay', 100);
    foreignCurrency.data.object.currency = 'usd';
    expect((await post(foreignCurrency)).body.outcome).toBe('rejected');
  });

  it('leaves the exact balance after 50 concurrent webhooks for one invoice', async () => {
    await openInvoice('inv-50', 100_000);
    // Fifty writers on one invoice may outlast the optimistic retries of some of them on a busy machine: such a
    // delivery answers 500 with nothing applied, and Stripe delivers it again, as here (at most 3 times each).
    const deliver = async (event: unknown) => {
      for (let attempt = 1; ; attempt += 1) {
        const answer = await post(event);
        if (answer.status < 500 || attempt === 4) return answer;
      }
    };
    const answers = await Promise.all(Array.from({ length: 50 }, () => deliver(paymentSucceeded('inv-50', 999))));
    expect(answers.filter((answer) => answer.status !== 200 || answer.body.outcome !== 'applied')).toEqual([]);
    const invoice = await getInvoice(deps, 't1', 'inv-50');
    expect(invoice.paid).toBe(50 * 999);
    expect(invoice.balance).toBe(100_000 - 50 * 999);
    // Fifty writers taking turns on one item is work, not a race: on a loaded two-core machine it outlasts a minute.
  }, 240_000);
});
