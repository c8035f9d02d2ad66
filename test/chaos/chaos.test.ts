// The chaos run: many lifecycles on the synthesized state machine with random faults everywhere, payments arriving at
// random (some replayed) and event-bus outages, then exact reconciliation of money, messages, fees, events and executions.
import Stripe from 'stripe';
import { buildApiDependencies } from '../../shared/env/api-dependencies';
import { receiveStripeWebhook } from '../../shared/use-cases/stripe-webhook';
import { replayParkedEvents } from '../../shared/use-cases/replay-parked-events';
import type { IntegrationEvent } from '../../events/catalog';
import { createFaultHarness, type Fault, type FaultHarness } from '../fixtures/faults/fault-harness';
import { seededRandom } from '../fixtures/faults/fault-plan';
import { faultyDocumentClient } from '../fixtures/faults/faulty-dynamodb';
import { TENANT } from '../statemachines/harness';

const SEED = 20_261_201;
const LIFECYCLES = Number(process.env.ARREARS_CHAOS_LIFECYCLES ?? 150);
/** Debtors: three invoices for every two of them, as many cases share a customer (and its case messages). */
const CUSTOMERS = Math.max(1, Math.round((LIFECYCLES * 2) / 3));
const SECRET = 'whsec_chaos';
const START = Date.parse('2027-01-01T00:00:00Z');
const DAY = 86_400_000;
const HOUR = 3_600_000;
/** How often the run's replay of parked events comes by (hourly when deployed; rarer here, to spend the time on cases). */
const REPLAY_EVERY_HOURS = 6;
/** Whole-bus outages: every PutEvents is refused for a few hours, so passes park events and replays meet refusals. */
const BUS_OUTAGES = Math.max(3, Math.round(LIFECYCLES / 8));
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
    ...buildApiDependencies(
      h.iam.instrument(faultyDocumentClient(h.faults)),
      h.table.tableName,
      h.clock,
      65_536,
      2,
      h.iam.guardExecutions(h.executions),
    ),
    webhookSecrets: h.iam.guardSecrets({ secretFor: async () => SECRET }),
    wallClockSeconds: () => Math.floor(Date.now() / 1000),
  };
  const cases: { id: string; invoiceId: string; amount: number }[] = [];
  h.faults.enabled = false;
  for (let index = 0; index < LIFECYCLES; index += 1) {
    const invoiceId = `chaos-${String(index).padStart(3, '0')}`;
    const amount = pick(50, 500) * 1_000;
    h.clock.set(new Date(START + pick(0, 20) * DAY + pick(0, 23) * 3_600_000));
    const id = await h.openCase({
      invoiceId,
      dueDate: new Date(START + pick(0, 20) * DAY).toISOString().slice(0, 10),
      amount,
      customerId: `cus-${index % CUSTOMERS}`,
    });
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
      data: {
        object: {
          id: payment.intentId,
          object: 'payment_intent',
          amount_received: payment.amount,
          currency: 'nok',
          metadata: { invoice_id: payment.invoiceId },
        },
      },
    });
    const signature = stripe.webhooks.generateTestHeaderString({
      payload,
      secret: SECRET,
      timestamp: Math.floor(Date.now() / 1000),
    });
    try {
      await h.asFunction('PostStripeWebhook', () => receiveStripeWebhook(api, TENANT, payload, signature));
    } catch {
      // A 5xx or 409: Stripe retries later, with its own backoff.
      deliveries.refused += 1;
      h.timers.schedule(new Date(h.clock.now().getTime() + 15 * 60_000), `redeliver ${payment.intentId}`, () =>
        deliver(payment),
      );
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
        h.timers.schedule(new Date(at.getTime() + pick(1, 72) * 3_600_000), `replay ${payment.intentId}`, () =>
          deliver(payment),
        );
      }
    }
  }

  // The bus goes down now and then; the run's replay comes by every few hours, as a failed invocation it logs and the
  // next one makes up for.
  let outagesOn = 0;
  const busOutage = (change: 1 | -1) => async () => {
    outagesOn += change;
    h.faults.rates = outagesOn > 0 ? { ...RATES, putAll: 1 } : RATES;
  };
  const outages: { from: number; hours: number }[] = [];
  for (let index = 0; index < BUS_OUTAGES; index += 1) {
    // Mornings (UTC) mostly: the hours the ladders' sends go out, so passes meet the outage.
    const from = START + pick(1, 110) * DAY + pick(2, 7) * HOUR;
    const hours = pick(2, 10);
    outages.push({ from, hours });
    h.timers.schedule(new Date(from), 'bus outage starts', busOutage(1));
    h.timers.schedule(new Date(from + hours * HOUR), 'bus outage ends', busOutage(-1));
  }
  const replays = { runs: 0, events: 0, overdue: 0, failedTenants: 0 };
  const replayRun = (at: number) =>
    h.timers.schedule(new Date(at), 'replay parked events', async () => {
      replayRun(at + REPLAY_EVERY_HOURS * HOUR);
      const totals = await h.asFunction('ReminderRun', () => replayParkedEvents(h.engine));
      replays.runs += 1;
      replays.events += totals.eventsReplayed;
      replays.overdue = Math.max(replays.overdue, totals.eventsOverdue);
      replays.failedTenants += totals.tenantsFailed;
    });
  replayRun(START + 21 * DAY + 30 * 60_000);

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
    expect(found.payments.map((payment) => payment.amount).sort()).toEqual(
      expected.map((payment) => payment.amount).sort(),
    );
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
    const unsettled = claims.filter(
      (claim) => !['sent', 'unknown', 'skipped', 'suppressed', 'charged', 'done'].includes(claim.status),
    );
    // No send is left in flight, even where the case closed first: the closing passes settle it (unknown, or freed).
    expect(unsettled.filter((claim) => claim.kind === 'SEND')).toEqual([]);
    // Another claim left unsettled (a charge whose pass failed) is only possible where the case closed before a pass
    // came back to it: never on a case still open.
    if (unsettled.length > 0)
      expect(['resolved', 'handed_off']).toContain((await h.engine.delinquencies.get(TENANT, id))!.status);
    leftInFlight += unsettled.length;
    unknown += claims.filter((claim) => claim.status === 'unknown').length;
    const doubts = (await h.engine.delinquencies.timeline(TENANT, id)).filter(
      (entry) => entry.kind === 'reminder.unknown',
    );
    expect(doubts).toHaveLength(claims.filter((claim) => claim.status === 'unknown').length);
  }
  expect(h.metrics.total('SendsUnknown')).toBe(unknown);
  // An unknown send is a task that died after the provider took it, or a 'sent' mark still throttled after the SDK's
  // retries (the next pass cannot tell them apart): never a second message.
  expect(unknown).toBeLessThanOrEqual(
    (h.faults.fired.emailCrashAfterAccept ?? 0) +
      (h.faults.fired.smsCrashAfterAccept ?? 0) +
      (h.faults.fired.throttle ?? 0),
  );

  // Executions: none failed, none stuck; each case ended (paid, or handed off at the end of its ladder).
  const executions = h.executions.list().filter((record) => cases.some((item) => item.id === record.name));
  expect(executions).toHaveLength(cases.length);
  expect(executions.filter((record) => record.status !== 'SUCCEEDED')).toEqual([]);
  const statuses: Record<string, number> = {};
  for (const { id, invoiceId, amount } of cases) {
    const delinquency = (await h.engine.delinquencies.get(TENANT, id))!;
    statuses[delinquency.status] = (statuses[delinquency.status] ?? 0) + 1;
    const paid = planned
      .filter((payment) => payment.invoiceId === invoiceId)
      .reduce((sum, payment) => sum + payment.amount, 0);
    if (delinquency.status === 'resolved') expect(paid).toBeGreaterThanOrEqual(amount);
  }

  // Events: every batch the bus refused was replayed, nothing waits; each parked event reached the bus exactly once by
  // its replay (replays alone set the envelope's time: the parking time), and the counts agree with the metrics.
  await h.asFunction('ReminderRun', () => replayParkedEvents(h.engine));
  expect(await h.engine.parkedEvents.listParked(TENANT, 1_000)).toEqual([]);
  const parkedEvents: { event: IntegrationEvent; at: string }[] = [];
  let replayedNoted = 0;
  const sentIds: string[] = [];
  const unknownSteps = new Set<string>();
  for (const { id } of cases) {
    const timeline = await h.engine.delinquencies.timeline(TENANT, id);
    for (const entry of timeline.filter((item) => item.kind === 'events.unpublished')) {
      for (const event of JSON.parse(String(entry.data!.events)) as IntegrationEvent[])
        parkedEvents.push({ event, at: entry.at });
    }
    replayedNoted += timeline
      .filter((entry) => entry.kind === 'events.replayed')
      .reduce((sum, entry) => sum + Number(entry.data!.count), 0);
    sentIds.push(
      ...timeline.filter((entry) => entry.kind === 'reminder.sent').map((entry) => String(entry.data!.messageId)),
    );
    for (const claim of await h.engine.delinquencies.claims(TENANT, id))
      if (claim.status === 'unknown') unknownSteps.add(`${id}/${claim.stepId}`);
  }
  // The cases' events, and the credit holds their debts started (announced by an execution's pass, so parked likewise).
  const ours = h.bus.accepted.filter(
    (event) =>
      cases.some((item) => item.id === event.detail.delinquencyId) ||
      (event.detailType.startsWith('customer.credit_') && event.detail.tenantId === TENANT),
  );
  const replayedOnBus = ours.filter((event) => event.time !== undefined);
  expect(replayedOnBus).toHaveLength(parkedEvents.length);
  const key = (detailType: string, detail: unknown, time: string) => `${detailType} ${time} ${JSON.stringify(detail)}`;
  expect(replayedOnBus.map((event) => key(event.detailType, event.detail, event.time!)).sort()).toEqual(
    parkedEvents.map(({ event, at }) => key(event.detailType, event.detail, at)).sort(),
  );
  expect(h.metrics.total('EventsUnpublished')).toBe(parkedEvents.length);
  expect(h.metrics.total('EventsReplayed')).toBe(parkedEvents.length);
  expect(replayedNoted).toBe(parkedEvents.length);
  // Every reminder recorded as sent is on the bus (directly or by replay), and nothing else is. Events are at least
  // once: a pass that published and then died before marking its claim announced is retried and announces again, so a
  // consumer dedupes by messageId; the copies are counted, and each one needs a fault that ended a pass.
  const busSends = ours
    .filter((event) => event.detailType === 'reminder.sent')
    .map((event) => String(event.detail.messageId));
  expect([...new Set(busSends)].sort()).toEqual([...new Set(sentIds)].sort());
  expect(new Set(sentIds).size).toBe(sentIds.length);
  const reminderCopies = busSends.length - sentIds.length;
  // Every fee charged is on the bus (a copy only where a pass died after publishing it); one is missing only where its
  // step's send died after the provider took it (the pass ended there, before it published what it had done).
  const busCharges = ours
    .filter((event) => event.detailType === 'charge.applied')
    .map((event) => String(event.detail.chargeId));
  const chargeCopies = busCharges.length - new Set(busCharges).size;
  const passEndingFaults =
    (h.faults.fired.throttle ?? 0) +
    (h.faults.fired.emailCrashAfterAccept ?? 0) +
    (h.faults.fired.smsCrashAfterAccept ?? 0);
  expect(reminderCopies + chargeCopies).toBeLessThanOrEqual(passEndingFaults);
  let chargeEventsLost = 0;
  for (const { id, invoiceId } of cases) {
    for (const charge of (await h.engine.invoices.get(TENANT, invoiceId))!.charges) {
      if (busCharges.includes(charge.id)) continue;
      chargeEventsLost += 1;
      expect(unknownSteps).toContain(`${id}/${charge.stepId}`);
    }
  }

  const summary = {
    lifecycles: cases.length,
    statuses,
    payments: {
      planned: planned.length,
      applied: planned.length,
      amount: paidTotal,
      deliveries: deliveries.attempts,
      refusedAndRetried: deliveries.refused,
      replays: deliveries.replays,
    },
    messages: { sent: messages.length, unknownAfterCrash: unknown, leftInFlightOnClosedCases: leftInFlight },
    fees: { charges: feeCharges, amount: chargedTotal },
    events: {
      onBus: ours.length,
      parked: parkedEvents.length,
      replayed: replayedOnBus.length,
      reminderCopies,
      chargeCopies,
      chargeEventsLostInCrashes: chargeEventsLost,
    },
    busOutages: { count: outages.length, hours: outages.reduce((sum, outage) => sum + outage.hours, 0) },
    replays,
    faultsInjected: h.faults.fired,
  };
  process.stdout.write(`chaos summary ${JSON.stringify(summary)}\n`);
}, 600_000);
