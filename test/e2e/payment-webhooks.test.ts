// Stripe webhooks end to end on `npm start` with the virtual clock: a payment ends the escalation, a refund reopens it,
// a chargeback pauses it as a dispute. Signed with Stripe's own library; judged by statuses, executions and the outbox.
import { compactLadder } from '../fixtures/compact-ladder';
import { runtimeClient, stripeWebhook } from './client';
import { startRuntimeProcess, type RuntimeProcess } from './runtime-process';

let runtime: RuntimeProcess;
const KEY = 'webhooks-key-00000001';
const SECRET = 'whsec_webhooks_e2e';

/**
 * The ladder of the customers whose escalation is followed for days: the default ladder up to the late fee, days apart
 * instead of weeks (counted from the due date: the SMS step on the 3rd day, the second reminder on the 5th, the late
 * fee on the 8th), so each test waits a few days of hourly runs on the clock.
 */
const SEGMENT = 'hooks-compact';
const LADDER = compactLadder(SEGMENT, {
  upcoming: -3,
  overdue: 1,
  'overdue-sms': 3,
  'second-reminder': 5,
  'late-fee': 8,
});

beforeAll(async () => {
  runtime = await startRuntimeProcess({
    ARREARS_CLOCK: 'virtual',
    ARREARS_CLOCK_START: '2026-12-01T08:00:00Z',
    ARREARS_LOCAL_TENANTS: `hooks:${KEY}:${SECRET}`,
  });
  expect((await call('PUT', `/v1/strategies/${SEGMENT}`, LADDER)).id).toBe(SEGMENT);
});
afterAll(() => runtime.stop());

const { call, advance } = runtimeClient(() => runtime.url, KEY);

const webhook = stripeWebhook(() => runtime.url, 'hooks', SECRET);
const paid = (intentId: string, invoiceId: string, amount: number) => ({
  id: `evt_${intentId}`,
  type: 'payment_intent.succeeded',
  data: {
    object: {
      id: intentId,
      object: 'payment_intent',
      amount_received: amount,
      currency: 'nok',
      metadata: { invoice_id: invoiceId },
    },
  },
});

const steps = async (customerId: string): Promise<string[]> =>
  ((await call('GET', '/local/outbox')).messages as { customerId: string; step: string }[])
    .filter((m) => m.customerId === customerId)
    .map((m) => m.step);
const executionsOf = async (delinquencyId: string): Promise<{ name: string; status: string }[]> =>
  ((await call('GET', '/local/executions')).executions as { name: string; status: string }[]).filter((e) =>
    e.name.startsWith(delinquencyId),
  );

describe('payments from Stripe', () => {
  const customer = {
    name: 'Kari Nordmann',
    kind: 'consumer',
    email: 'kari@example.no',
    timeZone: 'Europe/Oslo',
    locale: 'nb-NO',
    segment: SEGMENT,
  };
  let refundedCase: string;
  let disputedCase: string;

  beforeAll(async () => {
    for (const id of ['refund', 'chargeback']) {
      await call('PUT', `/v1/customers/${id}`, { ...customer, email: `${id}@example.no` });
      await call('PUT', `/v1/invoices/inv-${id}`, {
        customerId: id,
        amount: 100_000,
        currency: 'NOK',
        issuedAt: '2026-11-01',
        dueDate: '2026-12-01',
      });
    }
    await advance('P2D'); // the overdue reminder goes out on 2 December
    refundedCase = (await call('GET', '/v1/invoices/inv-refund')).delinquencyId;
    disputedCase = (await call('GET', '/v1/invoices/inv-chargeback')).delinquencyId;
  });

  it('resolves the delinquency and ends its execution when a full payment arrives by webhook', async () => {
    expect(await steps('refund')).toEqual(['upcoming', 'overdue']);
    expect(await webhook(paid('pi_refund', 'inv-refund', 100_000))).toMatchObject({
      status: 200,
      body: { outcome: 'applied' },
    });
    await advance('PT1M');
    expect((await call('GET', `/v1/delinquencies/${refundedCase}`)).status).toBe('resolved');
    expect(await executionsOf(refundedCase)).toEqual([
      expect.objectContaining({ name: refundedCase, status: 'SUCCEEDED' }),
    ]);
  });

  it('reopens it with a new execution when part of the payment is refunded, and escalation resumes from the facts', async () => {
    const refund = await webhook({
      id: 'evt_refund_1',
      type: 'charge.refunded',
      data: {
        object: {
          id: 'ch_refund',
          object: 'charge',
          payment_intent: 'pi_refund',
          amount_refunded: 30_000,
          currency: 'nok',
        },
      },
    });
    expect(refund.body.outcome).toBe('applied');
    const view = await call('GET', `/v1/delinquencies/${refundedCase}`);
    expect(view).toMatchObject({ status: 'active', balance: 30_000 });
    expect(view.timeline.map((entry: { kind: string }) => entry.kind)).toEqual(
      expect.arrayContaining(['delinquency.resolved', 'delinquency.reopened']),
    );
    await advance('P2D'); // 4 December: the SMS step (no phone: suppressed); 6 December: the second reminder
    await advance('P2D');
    expect(await steps('refund')).toEqual(['upcoming', 'overdue', 'receipt', 'second-reminder']);
    expect((await executionsOf(refundedCase)).map((e) => e.name)).toEqual([refundedCase, `${refundedCase}-r1`]);
  });

  it('pauses a chargeback as a dispute: the money owes again but no reminder goes out', async () => {
    await webhook(paid('pi_chargeback', 'inv-chargeback', 100_000));
    await advance('PT1M');
    const chargeback = await webhook({
      id: 'evt_dispute_1',
      type: 'charge.dispute.created',
      data: {
        object: {
          id: 'dp_1',
          object: 'dispute',
          payment_intent: 'pi_chargeback',
          amount: 100_000,
          currency: 'nok',
          reason: 'fraudulent',
        },
      },
    });
    expect(chargeback.body.outcome).toBe('applied');
    const view = await call('GET', `/v1/delinquencies/${disputedCase}`);
    expect(view).toMatchObject({
      status: 'disputed',
      balance: 100_000,
      disputes: [{ status: 'open', source: 'stripe', providerDisputeId: 'dp_1', reason: 'chargeback: fraudulent' }],
    });
    const before = await steps('chargeback');
    // Past the late fee's morning (9 December); the second reminder went out on 6 December, before the payment.
    await advance('P3D');
    expect(await steps('chargeback')).toEqual(before);
    expect((await call('GET', `/v1/delinquencies/${disputedCase}`)).status).toBe('disputed');
  });
});

describe('promises over the API', () => {
  it('takes a promise (201, replayable), refuses bad ones by field, and shows the pause on the delinquency', async () => {
    await call('PUT', '/v1/customers/promiser', {
      name: 'Ola Nordmann',
      kind: 'consumer',
      email: 'ola@example.no',
      timeZone: 'Europe/Oslo',
    });
    const { now } = await call('GET', '/local/clock');
    const dueDate = new Date(Date.parse(now) - 3 * 86_400_000).toISOString().slice(0, 10);
    await call('PUT', '/v1/invoices/inv-promiser', {
      customerId: 'promiser',
      amount: 50_000,
      currency: 'NOK',
      issuedAt: dueDate,
      dueDate,
    });
    await advance('PT2H');
    const { delinquencyId } = await call('GET', '/v1/invoices/inv-promiser');
    const date = new Date(Date.parse(now) + 7 * 86_400_000).toISOString().slice(0, 10);
    const post = (body: unknown, key = 'promise-1') =>
      fetch(`${runtime.url}/v1/delinquencies/${delinquencyId}/promises`, {
        method: 'POST',
        headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify(body),
      });
    const refused = await post({ amount: 50_001, date: '2020-01-01' }, 'promise-bad');
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { errors: { path: string }[] }).errors.map((error) => error.path)).toEqual([
      'amount',
      'date',
    ]);
    const made = await post({ amount: 20_000, date });
    expect(made.status).toBe(201);
    const promise = (await made.json()) as { id: string; status: string; holdsUntil: string };
    expect(promise).toMatchObject({ status: 'open' });
    const replay = await post({ amount: 20_000, date });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(((await replay.json()) as { id: string }).id).toBe(promise.id);
    expect((await post({ amount: 1_000, date }, 'promise-2')).status).toBe(409);
    const view = await call('GET', `/v1/delinquencies/${delinquencyId}`);
    expect(view).toMatchObject({ status: 'promised', promises: [{ id: promise.id, status: 'open', amount: 20_000 }] });
  });
});

describe("the customer's portal", () => {
  it('shows what is owed behind the link in every reminder, and takes a promise from the customer', async () => {
    await call('PUT', '/v1/customers/selfserve', {
      name: 'Sato Hanako',
      kind: 'consumer',
      email: 'hanako@example.jp',
      timeZone: 'Asia/Tokyo',
      locale: 'en',
    });
    const { now } = await call('GET', '/local/clock');
    const dueDate = new Date(Date.parse(now) - 2 * 86_400_000).toISOString().slice(0, 10);
    await call('PUT', '/v1/invoices/inv-selfserve', {
      customerId: 'selfserve',
      amount: 12_000,
      currency: 'JPY',
      issuedAt: dueDate,
      dueDate,
    });
    await advance('P1D');
    const reminder = ((await call('GET', '/local/outbox')).messages as { customerId: string; body: string }[]).find(
      (message) => message.customerId === 'selfserve',
    )!;
    const link = /\/portal\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}/.exec(reminder.body)![0];
    const page = await fetch(`${runtime.url}${link}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Invoice inv-selfserve');
    expect(html).toContain('¥12,000');
    expect(html).toContain(`action="${link}/promise"`);
    const form = (body: string, action: string) =>
      fetch(`${runtime.url}${link}/${action}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
        redirect: 'manual',
      });
    const refused = await form('invoiceId=inv-selfserve&category=other&text=', 'dispute');
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain(
      'role="alert">Please tell us a little more, in no more than 1000 characters.',
    );
    const inAWeek = new Date(Date.parse(now) + 7 * 86_400_000).toISOString().slice(0, 10);
    const promised = await form(`date=${inAWeek}`, 'promise');
    expect(promised.status).toBe(303);
    expect(promised.headers.get('location')).toBe(`${link}?done=promise`);
    const thanked = await (await fetch(`${runtime.url}${link}?done=promise`)).text();
    expect(thanked).toContain('Your promise to pay has been recorded.');
    expect(thanked).toContain('You have promised to pay ¥12,000 by');
    const { delinquencyId } = await call('GET', '/v1/invoices/inv-selfserve');
    const view = await call('GET', `/v1/delinquencies/${delinquencyId}`);
    expect(view).toMatchObject({
      status: 'promised',
      promises: [{ amount: 12_000, date: inAWeek, createdBy: 'customer:portal' }],
    });
    expect((await fetch(`${runtime.url}/v1/pay/${'x'.repeat(32)}`)).status).toBe(404);
    expect((await fetch(`${runtime.url}/portal/${'x'.repeat(32)}`)).status).toBe(404);
  });
});

describe('plans and disputes over the API, on the virtual clock', () => {
  const openCase = async (customerId: string, segment?: string) => {
    await call('PUT', `/v1/customers/${customerId}`, {
      name: 'Kari Nordmann',
      kind: 'consumer',
      email: `${customerId}@example.no`,
      timeZone: 'Europe/Oslo',
      locale: 'nb-NO',
      ...(segment ? { segment } : {}),
    });
    const { now } = await call('GET', '/local/clock');
    const dueDate = new Date(Date.parse(now) - 2 * 86_400_000).toISOString().slice(0, 10);
    await call('PUT', `/v1/invoices/inv-${customerId}`, {
      customerId,
      amount: 90_000,
      currency: 'NOK',
      issuedAt: dueDate,
      dueDate,
    });
    await advance('PT2H');
    return {
      delinquencyId: (await call('GET', `/v1/invoices/inv-${customerId}`)).delinquencyId as string,
      today: Date.parse(now),
    };
  };
  const day = (from: number, days: number) => new Date(from + days * 86_400_000).toISOString().slice(0, 10);

  it('completes a plan paid on time and resolves the case, with a reminder before each instalment', async () => {
    const { delinquencyId, today } = await openCase('planner');
    const before = (await steps('planner')).length;
    const plan = await call('POST', `/v1/delinquencies/${delinquencyId}/payment-plan`, {
      installments: [
        { dueDate: day(today, 4), amount: 45_000 },
        { dueDate: day(today, 7), amount: 45_000 },
      ],
    });
    expect(plan).toMatchObject({
      status: 'active',
      installments: [
        { number: 1, status: 'pending' },
        { number: 2, status: 'pending' },
      ],
    });
    await advance('P3D'); // the first instalment's reminder went out 3 days before it, on day 1
    await call('POST', '/v1/invoices/inv-planner/payments', {
      amount: 45_000,
      currency: 'NOK',
      reference: 'instalment-1',
    });
    await advance('P3D'); // the second's on day 4
    await call('POST', '/v1/invoices/inv-planner/payments', {
      amount: 45_000,
      currency: 'NOK',
      reference: 'instalment-2',
    });
    await advance('PT1M');
    const view = await call('GET', `/v1/delinquencies/${delinquencyId}`);
    expect(view).toMatchObject({ status: 'resolved', plans: [{ status: 'completed' }] });
    const sent = (await steps('planner'))
      .slice(before)
      .map((step) => step.replace(/^plan-reminder-.*-(\d)$/, 'plan-reminder-$1'));
    expect(sent).toEqual(['plan-reminder-1', 'plan-reminder-2', 'receipt']);
  });

  it('pauses on a dispute and resumes the ladder when it is rejected', async () => {
    const { delinquencyId } = await openCase('disputer', SEGMENT);
    const dispute = await call('POST', `/v1/delinquencies/${delinquencyId}/disputes`, {
      reason: 'never received the goods',
    });
    expect(dispute).toMatchObject({ status: 'open' });
    const before = await steps('disputer');
    await advance('P4D'); // past the SMS step's and the second reminder's mornings (3 and 5 days after due)
    expect(await steps('disputer')).toEqual(before);
    const rejected = await call('POST', `/v1/disputes/${dispute.id}/resolve`, {
      outcome: 'rejected',
      note: 'delivery signed for',
    });
    expect(rejected).toMatchObject({ status: 'rejected' });
    await advance('P1D');
    const after = await steps('disputer');
    // Of the steps that fell due during the pause, the most advanced goes out once and the rest are recorded as skipped.
    expect(after.slice(before.length)[0]).toBe('second-reminder');
    expect(after.filter((step) => step === 'second-reminder')).toHaveLength(1);
    const view = await call('GET', `/v1/delinquencies/${delinquencyId}`);
    expect(view.status).toBe('active');
    expect(
      view.timeline
        .filter((entry: { kind: string }) => entry.kind === 'step.skipped')
        .map((entry: { stepId: string }) => entry.stepId),
    ).toEqual(['overdue-sms']);
  });
});
