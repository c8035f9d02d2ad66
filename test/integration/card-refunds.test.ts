// Refunds and chargebacks of a card payment that paid several invoices through Checkout, on the local runtime: the
// money given back reopens the last invoice paid first, exactly once per running total, and the reopened debt escalates
// again. Judged by what a user sees: balances in minor units, case statuses, disputes, executions and the outbox.
import { signatureHeader } from '../../shared/webhooks/signature';
import { compactLadder } from '../fixtures/compact-ladder';
import { useCardRuntime } from '../fixtures/card-runtime';

const KEY = 'refunds-key-0000001';
const SECRET = 'whsec_refunds_local';
const { runtime, call, advance, payOnPage, sessionFor: requestFor } = useCardRuntime('refunds', KEY, SECRET);
const sessionFor = (customerId: string, delinquencyId: string, amount: number) =>
  requestFor(customerId, delinquencyId, amount, { locale: 'en' });

/**
 * The ladder of a customer whose reopened debts are followed up the ladder: the default ladder's overdue e-mail and
 * second reminder, 5 days after due instead of 10, so the test waits days of hourly runs instead of a week and a half.
 */
const SEGMENT = 'refunds-compact';
beforeAll(async () => {
  const ladder = compactLadder(SEGMENT, { overdue: 1, 'second-reminder': 5 });
  expect((await call('PUT', `/v1/strategies/${SEGMENT}`, ladder)).id).toBe(SEGMENT);
});

/** The virtual clock's date `days` from today (each test starts where the previous one left the clock). */
const dateFromToday = async (days: number): Promise<string> => {
  const { now } = (await call('GET', '/local/clock')) as { now: string };
  return new Date(Date.parse(now) + days * 86_400_000).toISOString().slice(0, 10);
};

/** A customer with two overdue NOK invoices, a (older, 40 000) and b (newer, 60 000), each its own case. */
const twoCases = async (customerId: string, segment?: string): Promise<{ a: string; b: string }> => {
  await call('PUT', `/v1/customers/${customerId}`, {
    name: 'Ola Nordmann',
    kind: 'consumer',
    email: `${customerId}@example.no`,
    timeZone: 'Europe/Oslo',
    ...(segment ? { segment } : {}),
  });
  for (const [suffix, amount, dueDate] of [
    ['a', 40_000, await dateFromToday(-3)],
    ['b', 60_000, await dateFromToday(0)],
  ] as const) {
    await call('PUT', `/v1/invoices/${customerId}-${suffix}`, {
      customerId,
      amount,
      currency: 'NOK',
      issuedAt: '2026-11-01',
      dueDate,
    });
  }
  await advance('P1D');
  return {
    a: (await call('GET', `/v1/invoices/${customerId}-a`)).delinquencyId,
    b: (await call('GET', `/v1/invoices/${customerId}-b`)).delinquencyId,
  };
};

/** Pays the whole amount by card on the stand-in's hosted page; answers the PaymentIntent that carried the money. */
const payByCard = async (customerId: string, delinquencyId: string, amount: number): Promise<string> => {
  const session = await runtime().cardCheckout.createSession(sessionFor(customerId, delinquencyId, amount));
  const paid = await payOnPage(session!.url, '4242424242424242');
  expect(paid.status).toBe(303);
  expect(runtime().stripeStandIn!.deliveries.at(-1)).toMatchObject({ type: 'checkout.session.completed', status: 200 });
  return runtime().stripeStandIn!.charges.at(-1)!.id;
};

/** A Stripe event posted to the tenant's webhook, signed as Stripe signs it. */
const send = (event: { id: string; type: string; object: Record<string, unknown> }) => {
  const body = JSON.stringify({ id: event.id, type: event.type, data: { object: event.object } });
  return fetch(`${runtime().url}/v1/webhooks/stripe/refunds`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'stripe-signature': signatureHeader(body, SECRET, Math.floor(Date.now() / 1000)),
    },
    body,
  }).then(async (response) => ({ status: response.status, body: await response.json() }));
};

const refunded = (eventId: string, paymentIntent: string, amountRefunded: number) =>
  send({
    id: eventId,
    type: 'charge.refunded',
    object: {
      id: `ch_${paymentIntent}`,
      payment_intent: paymentIntent,
      amount_refunded: amountRefunded,
      currency: 'nok',
    },
  });

const balances = async (customerId: string) => ({
  a: (await call('GET', `/v1/invoices/${customerId}-a`)).balance as number,
  b: (await call('GET', `/v1/invoices/${customerId}-b`)).balance as number,
});
const statusOf = async (delinquencyId: string): Promise<string> =>
  (await call('GET', `/v1/delinquencies/${delinquencyId}`)).status;
const executionsOf = async (delinquencyId: string) =>
  ((await call('GET', '/local/executions')).executions as { name: string; status: string }[])
    .filter((execution) => execution.name.startsWith(delinquencyId))
    .map((execution) => execution.name)
    .sort();
const steps = async (customerId: string): Promise<string[]> =>
  ((await call('GET', '/local/outbox')).messages as { customerId: string; step: string }[])
    .filter((message) => message.customerId === customerId)
    .map((message) => message.step);

describe('refunds and chargebacks of a card payment that paid several invoices', () => {
  it('reopens the last invoice paid first, by exactly the running total, once; the reopened debt escalates again', async () => {
    const cases = await twoCases('refund', SEGMENT);
    const intent = await payByCard('refund', cases.a, 100_000);
    await advance('PT1M');
    expect(await balances('refund')).toEqual({ a: 0, b: 0 });
    expect([await statusOf(cases.a), await statusOf(cases.b)]).toEqual(['resolved', 'resolved']);
    const before = (await steps('refund')).length;

    // 25 000 given back: all of it from b, the invoice the payment reached last.
    expect(await refunded('evt_refund_1', intent, 25_000)).toMatchObject({
      status: 200,
      body: { outcome: 'applied', replayed: false },
    });
    await advance('PT1M');
    expect(await balances('refund')).toEqual({ a: 0, b: 25_000 });
    expect([await statusOf(cases.a), await statusOf(cases.b)]).toEqual(['resolved', 'active']);
    expect(await executionsOf(cases.b)).toEqual([cases.b, `${cases.b}-r1`]);

    // The same event again, and another event reporting the same total: nothing more is given back.
    expect(await refunded('evt_refund_1', intent, 25_000)).toMatchObject({
      status: 200,
      body: { outcome: 'applied', replayed: true },
    });
    expect(await refunded('evt_refund_1_twin', intent, 25_000)).toMatchObject({
      status: 200,
      body: { outcome: 'applied', replayed: false },
    });
    await advance('PT1M');
    expect(await balances('refund')).toEqual({ a: 0, b: 25_000 });

    // 75 000 in all: the rest of b (35 000 more) and then 15 000 of a, whose case reopens too.
    expect(await refunded('evt_refund_2', intent, 75_000)).toMatchObject({ status: 200, body: { outcome: 'applied' } });
    await advance('PT1M');
    expect(await balances('refund')).toEqual({ a: 15_000, b: 60_000 });
    expect([await statusOf(cases.a), await statusOf(cases.b)]).toEqual(['active', 'active']);
    expect(await executionsOf(cases.a)).toEqual([cases.a, `${cases.a}-r1`]);
    const b = await call('GET', '/v1/invoices/refund-b');
    expect(b.refunds.map((refund: { amount: number }) => refund.amount)).toEqual([25_000, 35_000]);
    expect(
      (await call('GET', '/v1/invoices/refund-a')).refunds.map((refund: { amount: number }) => refund.amount),
    ).toEqual([15_000]);

    // An older, smaller total arriving late gives nothing back.
    expect(await refunded('evt_refund_late', intent, 30_000)).toMatchObject({ body: { outcome: 'applied' } });
    await advance('PT1M');
    expect(await balances('refund')).toEqual({ a: 15_000, b: 60_000 });

    // Owing again, both debts climb the ladder from where they were (second reminders due on 3 and 6 December).
    await advance('P5D');
    expect((await steps('refund')).slice(before)).toContain('second-reminder');
  });

  it('a chargeback opens a dispute on each case it takes money from and gives the money back, once', async () => {
    const cases = await twoCases('chargeback');
    const intent = await payByCard('chargeback', cases.a, 100_000);
    await advance('PT1M');
    const dispute = {
      id: 'evt_dispute_1',
      type: 'charge.dispute.created',
      object: { id: 'dp_chargeback_1', payment_intent: intent, amount: 70_000, currency: 'nok', reason: 'fraudulent' },
    };
    expect(await send(dispute)).toMatchObject({ status: 200, body: { outcome: 'applied', replayed: false } });
    await advance('PT1M');
    // 60 000 from b, the remaining 10 000 from a: each case comes back disputed (paused), not escalating.
    expect(await balances('chargeback')).toEqual({ a: 10_000, b: 60_000 });
    expect([await statusOf(cases.a), await statusOf(cases.b)]).toEqual(['disputed', 'disputed']);
    const disputes = ((await call('GET', '/v1/disputes?limit=100')).items as Record<string, unknown>[])
      .filter((item) => item.delinquencyId === cases.a || item.delinquencyId === cases.b)
      .map((item) => [item.delinquencyId, item.status, item.amount, item.providerDisputeId, item.source]);
    expect(disputes.sort()).toEqual(
      [
        [cases.a, 'open', 10_000, 'dp_chargeback_1', 'stripe'],
        [cases.b, 'open', 60_000, 'dp_chargeback_1', 'stripe'],
      ].sort(),
    );

    expect(await send(dispute)).toMatchObject({ status: 200, body: { outcome: 'applied', replayed: true } });
    expect(await send({ ...dispute, id: 'evt_dispute_1_twin' })).toMatchObject({ body: { outcome: 'applied' } });
    await advance('PT1M');
    expect(await balances('chargeback')).toEqual({ a: 10_000, b: 60_000 });
    const again = ((await call('GET', '/v1/disputes?limit=100')).items as { delinquencyId: string }[]).filter(
      (item) => item.delinquencyId === cases.a || item.delinquencyId === cases.b,
    );
    expect(again).toHaveLength(2);
  });

  it('a refund that arrives before its payment waits, and is applied when the payment lands', async () => {
    const cases = await twoCases('early');
    const session = await runtime().cardCheckout.createSession(sessionFor('early', cases.a, 100_000));
    const intent = 'pi_early_0001';
    expect(await refunded('evt_early_refund', intent, 70_000)).toMatchObject({
      status: 200,
      body: { outcome: 'waiting' },
    });
    await advance('PT1M');
    expect(await balances('early')).toEqual({ a: 40_000, b: 60_000 });

    // The payment's event, as Stripe would have sent it for this session, arrives afterwards.
    const completed = {
      id: 'evt_early_paid',
      type: 'checkout.session.completed',
      object: {
        id: session!.id,
        mode: 'payment',
        payment_status: 'paid',
        payment_intent: intent,
        amount_total: 100_000,
        currency: 'nok',
        metadata: { tenantId: 'refunds', delinquencyId: cases.a, customerId: 'early' },
      },
    };
    expect(await send(completed)).toMatchObject({ status: 200, body: { outcome: 'applied', replayed: false } });
    await advance('PT1M');
    // 100 000 paid over a then b; the 70 000 given back takes all of b and 10 000 of a.
    expect(await balances('early')).toEqual({ a: 10_000, b: 60_000 });

    // Another event about the same money (a twin naming the same intent) pays nothing twice and gives nothing back twice.
    expect(await send({ ...completed, id: 'evt_early_paid_twin' })).toMatchObject({ body: { outcome: 'applied' } });
    expect(await refunded('evt_early_refund_again', intent, 70_000)).toMatchObject({ body: { outcome: 'applied' } });
    await advance('PT1M');
    expect(await balances('early')).toEqual({ a: 10_000, b: 60_000 });
    expect([await statusOf(cases.a), await statusOf(cases.b)]).toEqual(['active', 'active']);
  });
});
