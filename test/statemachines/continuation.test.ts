// A payment plan longer than a Standard execution may live: 730 days of quarterly instalments collected from a saved card
// on the synthesized state machine, across executions that hand over before a year (<id>, <id>.2, <id>.3).
import { StripeCollector } from '../../shared/adapters/stripe/stripe-collector';
import { addDays } from '../../shared/domain/calendar';
import {
  HAND_OVER_AFTER_MS,
  HAND_OVER_AFTER_PASSES,
  MAX_EVENTS_PER_PASS,
  STANDARD_EXECUTION_LIMITS,
} from '../../shared/domain/execution-chain';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../shared/adapters/dynamodb/keys';
import { makePlan } from '../../shared/use-cases/plans';
import { DelinquencyStates } from '../../statemachines/delinquency/state-names';
import { startFakeStripe, type FakeStripe } from '../fixtures/fake-stripe';
import { createHarness, TENANT, type Harness } from './harness';

let harness: Harness;
let stripe: FakeStripe;
beforeAll(async () => {
  stripe = await startFakeStripe('sk_test_fake_long');
  const collector = new StripeCollector(
    { get: async (name) => (name.endsWith('/stripe') ? 'sk_test_fake_long' : null) },
    () => 'arrears',
    stripe.url,
  );
  harness = await createHarness('2027-01-01T23:30:00Z', { collector });
});
afterAll(async () => {
  harness.stop();
  await stripe.stop();
});

// Quarterly: each instalment costs two wakes (its reminder, its charge), and a wake some 20-40 DynamoDB Local calls.
const INSTALMENTS = 8;
const INSTALMENT_AMOUNT = 15_000;

describe('a case longer than an execution may live', () => {
  it('collects a 730-day plan to the end across executions that hand over before a year, each instalment once', async () => {
    const started = performance.now();
    const id = await harness.openCase({ invoiceId: 'long-plan', dueDate: '2027-01-01', amount: 120_000 });
    await harness.advanceTo('2027-01-02T12:00:00Z');
    const today = '2027-01-02';
    const installments = Array.from({ length: INSTALMENTS }, (_, index) => ({
      dueDate: addDays(today, Math.round((730 * (index + 1)) / INSTALMENTS)),
      amount: INSTALMENT_AMOUNT,
    }));
    expect(installments.at(-1)!.dueDate).toBe(addDays(today, 730));
    const made = await makePlan(
      { ...harness.engine, clock: harness.clock },
      TENANT,
      id,
      { installments, autoCollect: { provider: 'stripe', customer: 'cus_long', paymentMethod: 'pm_card_visa' } },
      'api:test',
    );
    await harness.executions.idle();

    await harness.advanceTo('2029-01-15T12:00:00Z');

    // Every instalment charged once, the plan completed and the case resolved.
    const charges = stripe.charges.filter((charge) => charge.metadata.plan_id === made.id);
    expect(charges.map((charge) => Number(charge.metadata.installment))).toEqual(
      Array.from({ length: INSTALMENTS }, (_, index) => index + 1),
    );
    expect(charges.every((charge) => charge.status === 'succeeded' && charge.amount === INSTALMENT_AMOUNT)).toBe(true);
    const plan = (await harness.engine.delinquencies.plans(TENANT, id))[0]!;
    expect(plan.status).toBe('completed');
    expect(plan.installments.every((installment) => installment.status === 'paid')).toBe(true);
    expect((await harness.engine.delinquencies.get(TENANT, id))!.status).toBe('resolved');
    // Each reminder before an instalment went out once, and the thank-you once.
    const sent = harness.outbox
      .list()
      .filter((message) => message.delinquencyId === id)
      .map((message) => message.step);
    expect(new Set(sent).size).toBe(sent.length);
    expect(sent.filter((step) => step.startsWith('plan-reminder-'))).toHaveLength(INSTALMENTS);
    expect(sent.at(-1)).toBe('receipt');

    // The chain: readable names, each hands over to the next, none lives a year.
    const chain = harness.executions
      .list()
      .filter((execution) => execution.name === id || execution.name.startsWith(`${id}.`));
    expect(chain.map((execution) => execution.name)).toEqual([id, `${id}.2`, `${id}.3`]);
    expect(chain.map((execution) => execution.status)).toEqual(['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED']);
    expect(chain.map((execution) => execution.states.at(-1))).toEqual([
      DelinquencyStates.HandedOver,
      DelinquencyStates.HandedOver,
      DelinquencyStates.Done,
    ]);
    for (const execution of chain) {
      const lived = Date.parse(execution.stoppedAt!) - Date.parse(execution.startedAt);
      expect(lived).toBeLessThan(STANDARD_EXECUTION_LIMITS.maxDurationMs);
      expect(execution.historyEvents).toBeLessThan(STANDARD_EXECUTION_LIMITS.maxHistoryEvents);
    }
    // A hand-over happens at the hand-over age: no wait outlasts it, so the execution wakes then (whole seconds at most later).
    for (const [earlier, later] of [
      [chain[0]!, chain[1]!],
      [chain[1]!, chain[2]!],
    ] as const) {
      expect(later.startedAt).toBe(earlier.stoppedAt);
      const age = Date.parse(earlier.stoppedAt!) - Date.parse(earlier.startedAt);
      expect(age).toBeGreaterThanOrEqual(HAND_OVER_AFTER_MS);
      expect(age).toBeLessThan(HAND_OVER_AFTER_MS + 1000);
    }
    expect(await harness.engine.currentExecutions.get(TENANT, id)).toMatchObject({
      name: `${id}.3`,
      generation: 3,
      startedAt: chain[2]!.startedAt,
    });

    if (process.env.ARREARS_REPORT_FIGURES) {
      const figures = chain.map(
        (execution) =>
          `${execution.name.replace(id, '<id>')}: ${execution.startedAt.slice(0, 10)}..${execution.stoppedAt!.slice(0, 10)}, ${execution.transitions} transitions, ${execution.historyEvents} events`,
      );
      process.stdout.write(
        `continuation: ${chain.length} executions; ${figures.join('; ')}; ${Math.round(performance.now() - started)} ms\n`,
      );
    }
  });

  it('hands over after as many passes as a worst-case history can hold, long before the history limit', async () => {
    const started = performance.now();
    harness.clock.set(new Date('2029-02-01T23:30:00Z'));
    const id = await harness.openCase({ invoiceId: 'restless', dueDate: '2029-02-01' });
    // The case counts its execution's passes. Counted as if payments, promises and disputes had woken it all but the
    // last MEASURED times, the real threshold is met by MEASURED real wakes, whose history is measured pass by pass
    // (the history a full run of passes writes is that of its passes added up, with the hand-over at its end).
    const MEASURED = 40;
    const opened = (await harness.engine.delinquencies.get(TENANT, id))!;
    expect(opened.wakes).toEqual({ execution: id, passes: 1 });
    await harness.table.client.send(
      new UpdateCommand({
        TableName: harness.table.tableName,
        Key: keys.delinquency(TENANT, id),
        UpdateExpression: 'SET wakes.passes = :passes',
        ExpressionAttributeValues: { ':passes': HAND_OVER_AFTER_PASSES - MEASURED },
      }),
    );
    const openingEvents = harness.executions.get(id)!.historyEvents;
    const eventsPerPass: number[] = [];
    for (let pass = 1; harness.executions.get(`${id}.2`) === undefined; pass += 1) {
      const token = (await harness.engine.delinquencies.get(TENANT, id))!.taskToken!;
      const before = harness.executions.get(id)!.historyEvents;
      expect(await harness.engine.waker.wake(token)).toBe(true);
      await harness.executions.idle();
      eventsPerPass.push(harness.executions.get(id)!.historyEvents - before);
      expect(pass).toBeLessThanOrEqual(MEASURED);
    }
    const first = harness.executions.get(id)!;
    // Handed over at the threshold exactly: the opening pass and MEASURED wakes, the last of them the hand-over.
    expect(eventsPerPass).toHaveLength(MEASURED);
    expect(first.states.filter((state) => state === DelinquencyStates.Wake)).toHaveLength(MEASURED + 1);
    expect(first.states.at(-1)).toBe(DelinquencyStates.HandedOver);
    const handOver = eventsPerPass.at(-1)!;
    const perPass = Math.max(...eventsPerPass.slice(0, -1));
    expect(perPass).toBeLessThanOrEqual(MAX_EVENTS_PER_PASS);
    // A whole execution of such passes: the opening, every pass but the last, and the hand-over.
    const fullHistory = openingEvents + (HAND_OVER_AFTER_PASSES - 2) * perPass + handOver;
    expect(fullHistory).toBeLessThan(STANDARD_EXECUTION_LIMITS.maxHistoryEvents / 4);
    expect(harness.executions.get(`${id}.2`)).toMatchObject({ status: 'RUNNING' });
    expect(await harness.engine.currentExecutions.get(TENANT, id)).toMatchObject({ name: `${id}.2`, generation: 2 });
    if (process.env.ARREARS_REPORT_FIGURES) {
      process.stdout.write(
        `hand-over by passes: ${HAND_OVER_AFTER_PASSES} passes, ${perPass} events a pass, ${fullHistory} events in all; ${Math.round(performance.now() - started)} ms\n`,
      );
    }
  });
});
