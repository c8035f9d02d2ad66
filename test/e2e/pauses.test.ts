// Promises, payment plans and disputes end to end on `npm start` with the virtual clock: every way a pause can end
// (kept, partly kept, broken; completed by automatic collection, broken; accepted with a credit), judged by statuses,
// the outbox and the charges a local stand-in for Stripe's API received.
import { compactLadder } from '../fixtures/compact-ladder';
import { startFakeStripe, type FakeStripe } from '../fixtures/fake-stripe';
import { runtimeClient, stripeWebhook } from './client';
import { startRuntimeProcess, type RuntimeProcess } from './runtime-process';

const KEY = 'pauses-key-00000001';
const SECRET = 'whsec_pauses_e2e';
const STRIPE_KEY = 'sk_test_pauses_0001';
let runtime: RuntimeProcess;
let stripe: FakeStripe;

/**
 * The ladder of every customer here: the default ladder's overdue e-mail, second reminder and late fee, days apart
 * instead of weeks, so the pauses below end within days of hourly runs on the clock. Counted from the due date: the
 * second reminder falls due on the 5th day after a case is opened, the late fee on the 7th.
 */
const SEGMENT = 'pauses-compact';
const LADDER = compactLadder(SEGMENT, { overdue: 1, 'second-reminder': 7, 'late-fee': 9 });

beforeAll(async () => {
  stripe = await startFakeStripe(STRIPE_KEY);
  runtime = await startRuntimeProcess({
    ARREARS_CLOCK: 'virtual',
    ARREARS_CLOCK_START: '2027-01-04T08:00:00Z',
    ARREARS_LOCAL_TENANTS: `pauses:${KEY}:${SECRET}`,
    ARREARS_STRIPE_API_URL: stripe.url,
    ARREARS_STRIPE_API_KEY: STRIPE_KEY,
  });
  expect((await call('PUT', `/v1/strategies/${SEGMENT}`, LADDER)).id).toBe(SEGMENT);
});
afterAll(async () => {
  await runtime.stop();
  await stripe.stop();
});

const { call, advance } = runtimeClient(() => runtime.url, KEY);
const DAY = 86_400_000;
const day = (from: number, days: number) => new Date(from + days * DAY).toISOString().slice(0, 10);

/**
 * A customer with one 90,000 NOK invoice two days overdue, registered at 08:00 Oslo time on the next morning and
 * reminded at 09:00; the clock is left at 10:00 Oslo time, so every test counts its days from the same hour.
 */
const openCase = async (customerId: string) => {
  await call('PUT', `/v1/customers/${customerId}`, {
    name: 'Kari Nordmann',
    kind: 'consumer',
    email: `${customerId}@example.no`,
    timeZone: 'Europe/Oslo',
    locale: 'nb-NO',
    segment: SEGMENT,
  });
  const { now } = await call('GET', '/local/clock');
  const morning = new Date(`${day(Date.parse(now), 1)}T07:00:00Z`).getTime();
  await call('POST', '/local/clock/advance', { to: new Date(morning).toISOString() });
  const today = morning;
  await call('PUT', `/v1/invoices/inv-${customerId}`, {
    customerId,
    amount: 90_000,
    currency: 'NOK',
    issuedAt: day(today, -30),
    dueDate: day(today, -2),
  });
  await advance('PT2H');
  const { delinquencyId } = await call('GET', `/v1/invoices/inv-${customerId}`);
  return { delinquencyId: delinquencyId as string, today };
};
const steps = async (customerId: string): Promise<string[]> =>
  ((await call('GET', '/local/outbox')).messages as { customerId: string; step: string }[])
    .filter((message) => message.customerId === customerId)
    .map((message) => message.step.replace(/^(promise-reminder|plan-reminder)-.*?(-\d+)?$/, '$1$2'));
const pay = (customerId: string, amount: number) =>
  call('POST', `/v1/invoices/inv-${customerId}/payments`, { amount, currency: 'NOK', reference: `bank-${amount}` });
const view = (delinquencyId: string) => call('GET', `/v1/delinquencies/${delinquencyId}`);
const kinds = (timeline: { kind: string }[]) => timeline.map((entry) => entry.kind);

describe('promises to pay', () => {
  it('kept: reminded the day before, paid in full, the case resolves with a receipt', async () => {
    const { delinquencyId, today } = await openCase('kept');
    const promise = await call('POST', `/v1/delinquencies/${delinquencyId}/promises`, {
      amount: 90_000,
      date: day(today, 2),
    });
    expect(promise).toMatchObject({ status: 'open', holdsUntil: day(today, 4) });
    await advance('P1D');
    await pay('kept', 90_000);
    await advance('PT1M');
    expect(await view(delinquencyId)).toMatchObject({
      status: 'resolved',
      balance: 0,
      promises: [{ status: 'kept', paidTowards: 90_000 }],
    });
    expect(await steps('kept')).toEqual(['overdue', 'promise-reminder', 'receipt']);
  });

  it('partly kept: part of the promised amount by the last day, then the ladder resumes on what is still owed', async () => {
    const { delinquencyId, today } = await openCase('partly');
    await call('POST', `/v1/delinquencies/${delinquencyId}/promises`, { amount: 60_000, date: day(today, 2) });
    await advance('P1D');
    await pay('partly', 20_000);
    await advance('P4D'); // the promise holds until date + 2 grace days; it is decided the next morning
    const decided = await view(delinquencyId);
    expect(decided).toMatchObject({
      status: 'active',
      balance: 70_000,
      promises: [{ status: 'partially_kept', paidTowards: 20_000 }],
    });
    expect(kinds(decided.timeline)).toContain('promise.partially_kept');
    await advance('P2D'); // the second reminder (7 days after due) falls due the morning it is decided, and goes out once
    const sent = await steps('partly');
    expect(sent.slice(0, 2)).toEqual(['overdue', 'promise-reminder']);
    expect(sent.filter((step) => step === 'second-reminder')).toHaveLength(1);
  });

  it('broken: nothing paid, the promise is marked broken and escalation resumes from the facts', async () => {
    const { delinquencyId, today } = await openCase('broken');
    await call('POST', `/v1/delinquencies/${delinquencyId}/promises`, { amount: 30_000, date: day(today, 2) });
    const during = await steps('broken');
    await advance('P2D');
    expect(await steps('broken')).toEqual([...during, 'promise-reminder']);
    // Decided at midnight after the 2 grace days; looked at before the morning's send time.
    await advance('P2DT20H');
    const decided = await view(delinquencyId);
    expect(decided).toMatchObject({
      status: 'active',
      balance: 90_000,
      promises: [{ status: 'broken', paidTowards: 0 }],
    });
    expect(kinds(decided.timeline)).toEqual(expect.arrayContaining(['promise.made', 'promise.broken']));
    expect(await steps('broken')).toEqual([...during, 'promise-reminder']);
    await advance('PT4H');
    expect((await steps('broken')).slice(-1)).toEqual(['second-reminder']);
  });
});

describe('payment plans', () => {
  it('broken: the second instalment is missed past the grace days and escalation resumes', async () => {
    const { delinquencyId, today } = await openCase('planmiss');
    await call('POST', `/v1/delinquencies/${delinquencyId}/payment-plan`, {
      installments: [
        { dueDate: day(today, 4), amount: 40_000 },
        { dueDate: day(today, 6), amount: 50_000 },
      ],
    });
    await advance('P2D');
    await pay('planmiss', 40_000);
    await advance('P7D');
    // Broken on the 9th day; of the steps that fell due during the plan only the most advanced acts: the 2 % late fee
    // on the 50,000 still owed.
    const broken = await view(delinquencyId);
    expect(broken).toMatchObject({
      status: 'active',
      balance: 51_000,
      plans: [{ status: 'broken', installments: [{ status: 'paid' }, { status: 'missed' }] }],
    });
    expect(kinds(broken.timeline)).toContain('plan.broken');
    expect(await steps('planmiss')).toEqual(['overdue', 'plan-reminder-1', 'plan-reminder-2', 'late-fee']);
  });

  it('collected automatically from the saved card: a decline is retried the next day, each instalment is charged once', async () => {
    const { delinquencyId, today } = await openCase('autopay');
    const plan = await call('POST', `/v1/delinquencies/${delinquencyId}/payment-plan`, {
      installments: [
        { dueDate: day(today, 1), amount: 45_000 },
        { dueDate: day(today, 3), amount: 45_000 },
      ],
      autoCollect: { provider: 'stripe', customer: 'cus_autopay', paymentMethod: 'pm_card_flaky' },
    });
    expect(plan).toMatchObject({
      status: 'active',
      autoCollect: { customer: 'cus_autopay', paymentMethod: 'pm_card_flaky' },
    });
    await advance('P4D');
    const charges = stripe.charges.filter((charge) => charge.metadata.plan_id === plan.id);
    expect(charges.map((charge) => `${charge.metadata.installment}:${charge.status}:${charge.amount}`)).toEqual([
      '1:requires_payment_method:45000',
      '1:succeeded:45000',
      '2:requires_payment_method:45000',
      '2:succeeded:45000',
    ]);
    const done = await view(delinquencyId);
    expect(done).toMatchObject({ status: 'resolved', balance: 0, plans: [{ status: 'completed' }] });
    expect(kinds(done.timeline).filter((kind) => kind.startsWith('plan.collect'))).toEqual([
      'plan.collection_failed',
      'plan.collected',
      'plan.collection_failed',
      'plan.collected',
    ]);

    // Stripe's own report of a collected charge changes nothing; its refund finds the payment and reopens the case.
    const post = stripeWebhook(() => runtime.url, 'pauses', SECRET);
    const webhook = async (event: unknown) => (await post(event)).body as { outcome: string };
    const last = charges[3]!;
    const intent = {
      id: last.id,
      object: 'payment_intent',
      amount_received: 45_000,
      currency: 'nok',
      metadata: { invoice_id: 'inv-autopay' },
    };
    expect(
      await webhook({ id: 'evt_auto_paid', type: 'payment_intent.succeeded', data: { object: intent } }),
    ).toMatchObject({ outcome: 'applied' });
    expect((await call('GET', '/v1/invoices/inv-autopay')).payments).toHaveLength(2);
    const refund = await webhook({
      id: 'evt_auto_refund',
      type: 'charge.refunded',
      data: {
        object: { id: 'ch_auto', object: 'charge', payment_intent: last.id, amount_refunded: 45_000, currency: 'nok' },
      },
    });
    expect(refund).toMatchObject({ outcome: 'applied' });
    expect(await view(delinquencyId)).toMatchObject({ status: 'active', balance: 45_000 });
  });
});

describe('disputes', () => {
  it('accepted with a credit: the balance drops by the credit, the decision and its key are on the timeline, the ladder resumes', async () => {
    const { delinquencyId } = await openCase('credited');
    const dispute = await call('POST', `/v1/delinquencies/${delinquencyId}/disputes`, {
      reason: 'two items arrived broken',
    });
    const before = await steps('credited');
    await advance('P5D'); // the second reminder falls due on the 5th morning: the open dispute holds it back
    expect(await steps('credited')).toEqual(before);
    const accepted = await call('POST', `/v1/disputes/${dispute.id}/resolve`, {
      outcome: 'accepted',
      adjustment: 30_000,
      note: 'credit for the broken items',
    });
    expect(accepted).toMatchObject({ status: 'accepted', adjustment: 30_000, resolvedBy: 'api:local-pauses' });
    const after = await view(delinquencyId);
    expect(after).toMatchObject({ status: 'active', balance: 60_000, disputes: [{ status: 'accepted' }] });
    expect(after.timeline.find((entry: { kind: string }) => entry.kind === 'dispute.accepted')).toMatchObject({
      actor: 'api:local-pauses',
      detail: expect.stringContaining('credit of 30000'),
    });
    const invoice = await call('GET', '/v1/invoices/inv-credited');
    expect(invoice.payments).toEqual([expect.objectContaining({ amount: 30_000, source: 'adjustment' })]);
  });

  it('accepted with a credit of the whole balance: the case resolves without a thank-you for money never paid', async () => {
    const { delinquencyId } = await openCase('waived');
    const dispute = await call('POST', `/v1/delinquencies/${delinquencyId}/disputes`, {
      reason: 'service was never delivered',
    });
    await call('POST', `/v1/disputes/${dispute.id}/resolve`, { outcome: 'accepted', adjustment: 90_000 });
    await advance('PT1M');
    expect(await view(delinquencyId)).toMatchObject({ status: 'resolved', balance: 0 });
    expect(await steps('waived')).toEqual(['overdue']);
    const listed = await call('GET', '/v1/disputes');
    expect(listed.items.map((item: { id: string }) => item.id)).toContain(dispute.id);
  });
});
