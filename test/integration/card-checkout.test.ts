// Paying a case by card end to end on the local runtime, no browser: a session made through the CardCheckout port, the
// Stripe stand-in's hosted page posted as a plain form, its signed checkout.session.completed landing on the webhook.
// Judged by what a user sees: the case's status and balance, its execution, the receipts in the outbox.
import { signatureHeader } from '../../shared/webhooks/signature';
import { tenantStripeSecretName, DEFAULT_SECRETS_NAMESPACE } from '../../shared/ports/secrets.port';
import { runAsFunction } from '../../local/iam/function-scope';
import { compactLadder } from '../fixtures/compact-ladder';
import { useCardRuntime } from '../fixtures/card-runtime';

const KEY = 'cards-key-00000001';
const SECRET = 'whsec_cards_local';
const { runtime, call, advance, payOnPage, sessionFor: requestFor } = useCardRuntime('cards', KEY, SECRET);
const sessionFor = (customerId: string, delinquencyId: string, amount: number, currency = 'NOK') =>
  requestFor(customerId, delinquencyId, amount, { currency, locale: 'nb' });

/**
 * The ladder of a customer whose escalation is followed past a payment: the default ladder's overdue e-mail and second
 * reminder, 4 days after due instead of 10, so the test waits days of hourly runs instead of a week and a half.
 */
const SEGMENT = 'cards-compact';
beforeAll(async () => {
  const ladder = compactLadder(SEGMENT, { overdue: 1, 'second-reminder': 4 });
  expect((await call('PUT', `/v1/strategies/${SEGMENT}`, ladder)).id).toBe(SEGMENT);
});

const receipts = async (customerId: string): Promise<number> =>
  ((await call('GET', '/local/outbox')).messages as { customerId: string; step: string }[]).filter(
    (message) => message.customerId === customerId && message.step === 'receipt',
  ).length;
const steps = async (customerId: string): Promise<string[]> =>
  ((await call('GET', '/local/outbox')).messages as { customerId: string; step: string }[])
    .filter((message) => message.customerId === customerId)
    .map((message) => message.step);

/** A customer owing overdue NOK invoices (each its own delinquency), opened by the overdue reminder; the first's id. */
const caseOf = async (
  customerId: string,
  invoices: readonly (readonly [string, number, string])[] = [['a', 100_000, '2026-12-01']],
  segment?: string,
): Promise<{ delinquencyId: string; balance: number }> => {
  await call('PUT', `/v1/customers/${customerId}`, {
    name: 'Kari Nordmann',
    kind: 'consumer',
    email: `${customerId}@example.no`,
    timeZone: 'Europe/Oslo',
    ...(segment ? { segment } : {}),
  });
  for (const [suffix, amount, dueDate] of invoices) {
    await call('PUT', `/v1/invoices/${customerId}-${suffix}`, {
      customerId,
      amount,
      currency: 'NOK',
      issuedAt: '2026-11-01',
      dueDate,
    });
  }
  await advance('P1D');
  const { delinquencyId } = await call('GET', `/v1/invoices/${customerId}-a`);
  return { delinquencyId, balance: (await call('GET', `/v1/delinquencies/${delinquencyId}`)).balance };
};

const replay = (body: string) =>
  fetch(`${runtime().url}/v1/webhooks/stripe/cards`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'stripe-signature': signatureHeader(body, SECRET, Math.floor(Date.now() / 1000)),
    },
    body,
  }).then(async (response) => ({ status: response.status, body: await response.json() }));

describe('pay now by card through Checkout', () => {
  it('pays the whole case: the webhook lands first, the case resolves, its execution ends, one receipt', async () => {
    const { delinquencyId, balance } = await caseOf('full');
    expect(balance).toBe(100_000);
    const session = await runtime().cardCheckout.createSession(sessionFor('full', delinquencyId, balance));
    expect(session!.url.startsWith(runtime().stripeStandIn!.url)).toBe(true);

    const page = await fetch(session!.url);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('<label for="cardNumber">Card number</label>');
    expect(html).toContain('<label for="expiry">');
    expect(html).toContain('<label for="cvc">CVC</label>');
    expect(html).toContain('<button type="submit">Pay</button>');
    expect(html).not.toContain('<script');

    const paid = await payOnPage(session!.url, '4242 4242 4242 4242');
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toBe(`${runtime().url}/done?session=${session!.id}`);
    // The webhook was answered before the customer was sent back.
    const [delivery] = runtime().stripeStandIn!.deliveries;
    expect(delivery).toMatchObject({ type: 'checkout.session.completed', tenantId: 'cards', status: 200 });

    await advance('PT1M');
    expect(await call('GET', `/v1/delinquencies/${delinquencyId}`)).toMatchObject({ status: 'resolved', balance: 0 });
    const executions = (await call('GET', '/local/executions')).executions as { name: string; status: string }[];
    expect(executions.filter((execution) => execution.name.startsWith(delinquencyId))).toEqual([
      expect.objectContaining({ name: delinquencyId, status: 'SUCCEEDED' }),
    ]);
    expect(await receipts('full')).toBe(1);
    await expect(runtime().cardCheckout.getSession('cards', session!.id)).resolves.toEqual({
      status: 'complete',
      paymentStatus: 'paid',
      amount: 100_000,
      currency: 'NOK',
    });

    // The same event again, another event about the same session, and Stripe's payment_intent.succeeded for the same
    // money: nothing is paid twice.
    const again = await replay(delivery!.body);
    expect(again).toMatchObject({ status: 200, body: { outcome: 'applied', replayed: true } });
    const twin = JSON.stringify({ ...JSON.parse(delivery!.body), id: 'evt_twin_full' });
    expect(await replay(twin)).toMatchObject({ status: 200, body: { outcome: 'applied', replayed: false } });
    const intent = runtime().stripeStandIn!.charges.at(-1)!;
    const succeeded = await replay(
      JSON.stringify({
        id: 'evt_intent_full',
        type: 'payment_intent.succeeded',
        data: {
          object: {
            id: intent.id,
            amount_received: intent.amount,
            currency: intent.currency,
            metadata: intent.metadata,
          },
        },
      }),
    );
    expect(succeeded).toMatchObject({ status: 200, body: { outcome: 'ignored' } });
    await advance('PT1M');
    const invoice = await call('GET', '/v1/invoices/full-a');
    expect([invoice.balance, invoice.payments.length]).toEqual([0, 1]);
    expect(await receipts('full')).toBe(1);
  });

  it('pays part: the oldest invoice first, the balance drops and escalation continues', async () => {
    const { delinquencyId } = await caseOf(
      'part',
      [
        ['a', 40_000, '2026-11-30'],
        ['b', 60_000, '2026-12-01'],
      ],
      SEGMENT,
    );
    const other = (await call('GET', '/v1/invoices/part-b')).delinquencyId;
    const session = await runtime().cardCheckout.createSession(sessionFor('part', delinquencyId, 55_000));
    expect((await payOnPage(session!.url, '4242424242424242')).status).toBe(303);
    await advance('PT1M');
    // The oldest invoice is paid off (its case resolves), the newer one owes the rest and its escalation goes on.
    expect((await call('GET', `/v1/delinquencies/${delinquencyId}`)).status).toBe('resolved');
    expect(await call('GET', `/v1/delinquencies/${other}`)).toMatchObject({ status: 'active', balance: 45_000 });
    expect((await call('GET', '/v1/invoices/part-a')).balance).toBe(0);
    expect((await call('GET', '/v1/invoices/part-b')).balance).toBe(45_000);
    // The second reminder still to come is the newer invoice's (a's falls due on 4 December, after a is paid off).
    expect(await steps('part')).not.toContain('second-reminder');
    await advance('P3D'); // b's second reminder falls due on the morning of 5 December
    expect(await steps('part')).toContain('second-reminder');
  });

  it('changes nothing when the card is declined: the page says so and no event is sent', async () => {
    const { delinquencyId } = await caseOf('declined');
    const deliveries = runtime().stripeStandIn!.deliveries.length;
    const session = await runtime().cardCheckout.createSession(sessionFor('declined', delinquencyId, 100_000));
    const declined = await payOnPage(session!.url, '4000 0000 0000 0002');
    expect(declined.status).toBe(402);
    expect(await declined.text()).toContain(
      '<p role="alert" style="color:#a00000;font-weight:bold">Your card was declined.</p>',
    );
    expect(runtime().stripeStandIn!.deliveries).toHaveLength(deliveries);
    await expect(runtime().cardCheckout.getSession('cards', session!.id)).resolves.toMatchObject({
      status: 'open',
      paymentStatus: 'unpaid',
    });
    await advance('PT1M');
    expect(await call('GET', `/v1/delinquencies/${delinquencyId}`)).toMatchObject({
      status: 'active',
      balance: 100_000,
    });
  });

  it('refuses money in another currency than the case: acknowledged, recorded as rejected, nothing applied', async () => {
    const { delinquencyId } = await caseOf('euros');
    const session = await runtime().cardCheckout.createSession(sessionFor('euros', delinquencyId, 10_000, 'EUR'));
    expect((await payOnPage(session!.url, '4242424242424242')).status).toBe(303);
    const delivery = runtime().stripeStandIn!.deliveries.at(-1)!;
    expect(delivery.status).toBe(200);
    expect((await replay(delivery.body)).body).toMatchObject({ outcome: 'rejected', replayed: true });
    await advance('PT1M');
    expect((await call('GET', `/v1/delinquencies/${delinquencyId}`)).balance).toBe(100_000);
  });

  it("lets only granted functions read a tenant's Stripe key from the local Secrets Manager", async () => {
    const name = tenantStripeSecretName(DEFAULT_SECRETS_NAMESPACE, 'cards');
    await expect(runAsFunction('GetInvoice', () => runtime().secrets.get(name))).rejects.toMatchObject({
      name: 'AccessDeniedException',
    });
    await expect(
      runAsFunction('PostStripeWebhook', () => runtime().cardCheckout.getSession('cards', 'cs_test_x')),
    ).rejects.toMatchObject({
      name: 'AccessDeniedException',
    });
    // The Wake task charges instalments with it; the operator (no function) reads what was seeded.
    await expect(runAsFunction('WakeTask', () => runtime().secrets.get(name))).resolves.toBe(
      runtime().stripeStandIn!.apiKey,
    );
    await expect(runtime().secrets.get(name)).resolves.toBe(runtime().stripeStandIn!.apiKey);
  });
});
