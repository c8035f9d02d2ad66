// The chaos run: many lifecycles on the synthesized state machine with random faults everywhere and payments arriving
// at random (some replayed), then exact reconciliation of money, messages, fees and executions.
import Stripe from 'stripe';
import { buildApiDependencies } from '../../shared/env/api-dependencies';
import { receiveStripeWebhook } from '../../shared/use-cases/stripe-webhook';
import { createFaultHarness, type Fault, type FaultHarness } from '../fixtures/faults/fault-harness';
import { seededRandom } from '../fixtures/faults/fault-plan';
import { faultyDocumentClient } from '../fixtures/faults/faulty-dynamodb';
import { TENANT } from '../statemachines/harness';

const SEED = 20_261_201;
const LIFECYCLES = Number(process.env.ARREARS_CHAOS_LIFECYCLES ?? 60);
const SECRET = 'whsec_chaos';
const START = Date.parse('2027-01-01T00:00:00Z');
const DAY = 86_400_000;
/** Per call: what the dice make fail while the run is on. */
const RATES: Partial<Record<Fault, number>> = {
  sdkThrottle: 0.05,
  throttle: 0.01,
  transactionConflict: 0.03,
  emailThrottle: 0.05,
  smsThrottle: 0.05,
  emailCrashAfterAccept: 0.02,
  smsCrashAfterAccept: 0.02,
  putPartial: 0.05,
  putAll: 0.01,
};

interface PlannedPayment {
  invoiceId: string;
  intentId: string;
  amount: number;
}

let h: FaultHarness;
const stripe = new Stripe('sk_test_chaos');
const random = seededRandom(SEED);
const pick = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));

beforeAll(async () => {
  h = await createFaultHarness(new Date(START).toISOString(), { seed: SEED + 1 });
});
afterAll(() => h.stop());

it(`reconciles ${LIFECYCLES} lifecycles run under random faults`, async () => {
  // Payments go through the real Stripe webhook path, on a client of their own with the same faults.
  const api = {
    ...buildApiDependencies(faultyDocumentClient(h.faults), h.table.tableName, h.clock, 65_536, 2, h.executions),
    webhookSecrets: { secretFor: async () => SECRET },
    wallClockSeconds: () => Math.floor(Date.now() / 1000),
  };
  const cases: { id: string; invoiceId: string; amount: number }[] = [];
  h.faults.enabled = false;
  for (let index = 0; index < LIFECYCLES; index += 1) {
    const invoiceId = `chaos-${String(index).padStart(3, '0')}`;
    const amount = pick(50, 500) * 1_000;
    h.clock.set(new Date(START + pick(0, 20) * DAY + pick(0, 23) * 3_600_000));
    const id = await h.openCase({ invoiceId, dueDate: new Date(START + pick(0, 20) * DAY).toISOString().slice(0, 10), amount, customerId: `cus-${index % 40}` });
    cases.push({ id, invoiceId, amount });
  }
  h.clock.set(new Date(START + 21 * DAY));

  // Two thirds of the debtors pay: in full or in two parts, at random moments; one delivery in four is replayed.
  const planned: PlannedPayment[] = [];
  const deliveries = { attempts: 0, refused: 0, replays: 0 };
  const deliver = async (payment: PlannedPayment) => {
    deliveries.attempts += 1;
    const payload = JSON.stringify({
      id: `evt_${payment.intentId}`,
      object: 'event',
      type: 'payment_intent.succeeded',
      data: { object: { id: payment.intentId, object: 'payment_intent', amount_received: payment.amount, currency: 'nok', metadata: { invoice_id: payment.invoiceId } } },
    });
    const signature = stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET, timestamp: Math.floor(Date.now() / 1000) });
    try {
      await receiveStripeWebhook(api, TENANT, payload, signature);
    } catch {
      // A 5xx or 409: Stripe retries later, with its own backoff.
      deliveries.refused += 1;
      h.timers.schedule(new Date(h.clock.now().getTime() + 15 * 60_000), `redeliver ${payment.intentId}`, () => deliver(payment));
    }
    await h.executions.idle();
  };
  for (const { invoiceId, amount } of cases) {
    if (random() > 2 / 3) continue;
    const parts = random() < 0.5 ? [amount] : [Math.floor(amount / 3), amount - Math.floor(amount / 3)];
    for (const [part, share] of parts.entries()) {
      const payment = { invoiceId, intentId: `pi_${invoiceId}_${part}`, amount: share };
      planned.push(payment);
      const at = new Date(START + pick(1, 60) * DAY + pick(0, 86_399) * 1000);
      h.timers.schedule(at, `pay ${payment.intentId}`, () => deliver(payment));
      if (random() < 0.25) {
        deliveries.replays += 1;
        h.timers.schedule(new Date(at.getTime() + pick(1, 72) * 3_600_000), `replay ${payment.intentId}`, () => deliver(payment));
      }
    }
  }

  h.faults.rates = RATES;
  h.faults.enabled = true;
  await h.advanceTo(new Date(START + 120 * DAY).toISOString());
  // Quiet weather for the last sweep: stale claims are found, late redeliveries land, executions finish.
  h.faults.enabled = false;
  await h.advanceTo(new Date(START + 150 * DAY).toISOString());

  // Money: every planned payment applied exactly once, whatever was retried or replayed.
  let paidTotal = 0;
  let chargedTotal = 0;
  let feeCharges = 0;
  for (const { invoiceId } of cases) {
    const found = (await h.engine.invoices.get(TENANT, invoiceId))!;
    const expected = planned.filter((payment) => payment.invoiceId === invoiceId);
    expect(found.payments.map((payment) => payment.amount).sort()).toEqual(expected.map((payment) => payment.amount).sort());
    expect(found.invoice.paidTotal).toBe(expected.reduce((sum, payment) => sum + payment.amount, 0));
    paidTotal += found.invoice.paidTotal;
    // Fees: each charge once (ids are unique), and the invoice's total is exactly its charges.
    const fees = found.charges;
    expect(new Set(fees.map((charge) => charge.id)).size).toBe(fees.length);
    expect(fees.filter((charge) => charge.stepId !== null).length).toBeLessThanOrEqual(1);
    expect(found.invoice.feesTotal).toBe(fees.reduce((sum, charge) => sum + charge.amount, 0));
    chargedTotal += found.invoice.feesTotal;
    feeCharges += fees.length;
  }
  expect(paidTotal).toBe(planned.reduce((sum, payment) => sum + payment.amount, 0));

  // Messages: each (delinquency, step, channel) at most once; every send claim ended settled, none left in flight.
  const messages = h.outbox.list();
  const keys = messages.map((message) => `${message.delinquencyId}/${message.step}/${message.channel}`);
  expect(new Set(keys).size).toBe(keys.length);
  let unknown = 0;
  let leftInFlight = 0;
  for (const { id } of cases) {
    const claims = await h.engine.delinquencies.claims(TENANT, id);
    const unsettled = claims.filter((claim) => !['sent', 'unknown', 'skipped', 'suppressed', 'charged', 'done'].includes(claim.status));
    // A send left in flight (never resent) is only possible where the case closed, or a later step overtook it,
    // before a pass came back to it: never on a case still open.
    if (unsettled.length > 0) expect(['resolved', 'handed_off']).toContain((await h.engine.delinquencies.get(TENANT, id))!.status);
    leftInFlight += unsettled.length;
    unknown += claims.filter((claim) => claim.status === 'unknown').length;
    const doubts = (await h.engine.delinquencies.timeline(TENANT, id)).filter((entry) => entry.kind === 'reminder.unknown');
    expect(doubts).toHaveLength(claims.filter((claim) => claim.status === 'unknown').length);
  }
  expect(h.metrics.total('SendsUnknown')).toBe(unknown);
  // Every crash after accept is one unknown send, never a second message.
  expect(unknown).toBeLessThanOrEqual((h.faults.fired.emailCrashAfterAccept ?? 0) + (h.faults.fired.smsCrashAfterAccept ?? 0));

  // Executions: none failed, none stuck; each case ended (paid, or handed off at the end of its ladder).
  const executions = h.executions.list().filter((record) => cases.some((item) => item.id === record.name));
  expect(executions).toHaveLength(cases.length);
  expect(executions.filter((record) => record.status !== 'SUCCEEDED')).toEqual([]);
  const statuses: Record<string, number> = {};
  for (const { id, invoiceId, amount } of cases) {
    const delinquency = (await h.engine.delinquencies.get(TENANT, id))!;
    statuses[delinquency.status] = (statuses[delinquency.status] ?? 0) + 1;
    const paid = planned.filter((payment) => payment.invoiceId === invoiceId).reduce((sum, payment) => sum + payment.amount, 0);
    if (delinquency.status === 'resolved') expect(paid).toBeGreaterThanOrEqual(amount);
  }

  // Events: each reminder recorded as sent reached the bus or was parked for replay.
  let parked = 0;
  let recordedSends = 0;
  for (const { id } of cases) {
    const timeline = await h.engine.delinquencies.timeline(TENANT, id);
    recordedSends += timeline.filter((entry) => entry.kind === 'reminder.sent').length;
    parked += timeline
      .filter((entry) => entry.kind === 'events.unpublished')
      .flatMap((entry) => JSON.parse(String(entry.data!.events)) as { detailType: string }[])
      .filter((event) => event.detailType === 'reminder.sent').length;
  }
  const published = h.bus.accepted.filter((event) => event.detailType === 'reminder.sent' && cases.some((item) => item.id === event.detail.delinquencyId)).length;
  expect(published + parked).toBe(recordedSends);

  const summary = {
    lifecycles: cases.length,
    statuses,
    payments: { planned: planned.length, applied: planned.length, amount: paidTotal, deliveries: deliveries.attempts, refusedAndRetried: deliveries.refused, replays: deliveries.replays },
    messages: { sent: messages.length, unknownAfterCrash: unknown, leftInFlightOnClosedCases: leftInFlight },
    fees: { charges: feeCharges, amount: chargedTotal },
    events: { published, parked },
    faultsInjected: h.faults.fired,
  };
  process.stdout.write(`chaos summary ${JSON.stringify(summary)}\n`);
}, 300_000);
