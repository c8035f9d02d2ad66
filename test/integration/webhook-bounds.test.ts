// Issue 13 item 8: provider webhooks hold the API's bounds: amounts at most 10^15, the payment's currency, ids of sane
// length. What breaks them is recorded as rejected and acknowledged (2xx), so the provider stops retrying.
import Stripe from 'stripe';
import { createHandler as createStripeHandler } from '../../functions/api/post-stripe-webhook.handler';
import { createHandler as createGenericHandler } from '../../functions/api/post-generic-webhook.handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { putCustomer } from '../../shared/use-cases/customers';
import { getInvoice, putInvoice } from '../../shared/use-cases/invoices';
import { signatureHeader } from '../../shared/webhooks/signature';
import { apiEvent, asRoute, context } from '../fixtures/api-event';
import { createTestTable, fixedClock, type TestTable } from '../fixtures/test-table';

const SECRET = 'whsec_bounds_0001';
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

const openInvoice = (id: string, currency = 'NOK') =>
  putInvoice(deps, 't1', id, {
    customerId: 'c1',
    amount: 10_000,
    currency,
    issuedAt: '2026-11-01',
    dueDate: '2026-12-01',
  });

const postStripe = async (event: unknown) => {
  const payload = JSON.stringify(event);
  const signature = stripe.webhooks.generateTestHeaderString({
    payload,
    secret: SECRET,
    timestamp: Math.floor(Date.now() / 1000),
  });
  const response = await asRoute(createStripeHandler(deps))(
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
  return { status: response.statusCode, body: JSON.parse(response.body ?? '{}') };
};
const postGeneric = async (event: unknown) => {
  const body = JSON.stringify(event);
  const response = await asRoute(createGenericHandler(deps))(
    apiEvent({
      method: 'POST',
      routePath: '/v1/webhooks/generic/{tenantId}',
      path: '/v1/webhooks/generic/t1',
      pathParameters: { tenantId: 't1' },
      headers: { 'arrears-signature': signatureHeader(body, SECRET, Math.floor(Date.now() / 1000)) },
      body,
    }),
    context(),
  );
  return { status: response.statusCode, body: JSON.parse(response.body ?? '{}') };
};
const intentSucceeded = (eventId: string, intentId: string, invoiceId: string, amount: number, currency: string) => ({
  id: eventId,
  object: 'event',
  type: 'payment_intent.succeeded',
  data: {
    object: {
      id: intentId,
      object: 'payment_intent',
      amount_received: amount,
      currency,
      metadata: { invoice_id: invoiceId },
    },
  },
});
const chargeRefunded = (eventId: string, intentId: string, totalRefunded: number, currency: string) => ({
  id: eventId,
  object: 'event',
  type: 'charge.refunded',
  data: {
    object: {
      id: `ch_${intentId}`,
      object: 'charge',
      payment_intent: intentId,
      amount_refunded: totalRefunded,
      currency,
    },
  },
});

describe('item 8: webhook amounts, currencies and ids', () => {
  it('item 8: two payment intents of 2^53 - 1 are recorded as rejected with a 2xx and credit nothing', async () => {
    await openInvoice('inv-huge');
    for (const n of [1, 2]) {
      const answer = await postStripe(
        intentSucceeded(`evt_huge_${n}`, `pi_huge_${n}`, 'inv-huge', Number.MAX_SAFE_INTEGER, 'nok'),
      );
      expect(answer).toMatchObject({ status: 200, body: { outcome: 'rejected' } });
    }
    const generic = await postGeneric({
      id: 'g-huge',
      type: 'payment.succeeded',
      payment: { id: 'gp-huge', invoiceId: 'inv-huge', amount: 10 ** 15 + 1, currency: 'NOK' },
    });
    expect(generic.status).toBe(400);
    const invoice = await getInvoice(deps, 't1', 'inv-huge');
    expect(invoice).toMatchObject({ paid: 0, balance: 10_000, payments: [] });
  });

  it('item 8: a refund in EUR of a NOK payment is recorded as rejected with a 2xx and reverses nothing', async () => {
    await openInvoice('inv-nok');
    expect((await postStripe(intentSucceeded('evt_nok_pay', 'pi_nok', 'inv-nok', 4_000, 'nok'))).body).toMatchObject({
      outcome: 'applied',
    });
    expect(await postStripe(chargeRefunded('evt_nok_ref_eur', 'pi_nok', 4_000, 'eur'))).toMatchObject({
      status: 200,
      body: { outcome: 'rejected' },
    });
    expect((await getInvoice(deps, 't1', 'inv-nok')).balance).toBe(6_000);
    // A refund that arrives before its payment, in another currency, is not applied when the payment comes.
    expect((await postStripe(chargeRefunded('evt_early_ref', 'pi_nok_2', 1_000, 'eur'))).body).toMatchObject({
      outcome: 'waiting',
    });
    expect(
      (await postStripe(intentSucceeded('evt_nok_pay_2', 'pi_nok_2', 'inv-nok', 1_000, 'nok'))).body,
    ).toMatchObject({ outcome: 'applied' });
    expect((await getInvoice(deps, 't1', 'inv-nok')).balance).toBe(5_000);
    // The generic webhook may name the refund's currency too; when it does, it must match.
    expect(
      (
        await postGeneric({
          id: 'g-pay',
          type: 'payment.succeeded',
          payment: { id: 'gp-1', invoiceId: 'inv-nok', amount: 500, currency: 'NOK' },
        })
      ).body,
    ).toMatchObject({ outcome: 'applied' });
    expect(
      await postGeneric({
        id: 'g-ref',
        type: 'payment.refunded',
        payment: { id: 'gp-1', totalRefunded: 500, currency: 'EUR' },
      }),
    ).toMatchObject({ status: 200, body: { outcome: 'rejected' } });
    expect((await getInvoice(deps, 't1', 'inv-nok')).balance).toBe(4_500);
    // The same currency still refunds.
    expect((await postStripe(chargeRefunded('evt_nok_ref', 'pi_nok', 1_000, 'nok'))).body).toMatchObject({
      outcome: 'applied',
    });
    expect((await getInvoice(deps, 't1', 'inv-nok')).balance).toBe(5_500);
  });

  it('item 8: a payment intent id of 3,000 characters is recorded as rejected with a 2xx, not a 500 the provider retries forever', async () => {
    await openInvoice('inv-long');
    const answer = await postStripe(
      intentSucceeded('evt_long_id', `pi_${'x'.repeat(3_000)}`, 'inv-long', 1_000, 'nok'),
    );
    expect(answer).toMatchObject({ status: 200, body: { outcome: 'rejected', replayed: false } });
    expect(
      (await postStripe(intentSucceeded('evt_long_invoice', 'pi_long_invoice', 'i'.repeat(3_000), 1_000, 'nok')))
        .status,
    ).toBeLessThan(300);
    expect((await postStripe(chargeRefunded('evt_long_refund', 'x'.repeat(3_000), 1_000, 'nok'))).status).toBeLessThan(
      300,
    );
    expect((await getInvoice(deps, 't1', 'inv-long')).paid).toBe(0);
  });
});
