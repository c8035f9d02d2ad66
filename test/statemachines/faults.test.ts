// Each fault the issue names, injected into the synthesized state machine's real tasks: nothing lost, nothing twice.
import { DelinquencyStates } from '../../statemachines/delinquency/state-names';
import { recordPayment } from '../../shared/use-cases/invoices';
import { PARKED_OVERDUE_HOURS, replayParkedEvents } from '../../shared/use-cases/replay-parked-events';
import type { ParkedEvents } from '../../shared/schemas/parked-events.schema';
import { createFaultHarness, type FaultHarness } from '../fixtures/faults/fault-harness';
import { TENANT } from './harness';

let h: FaultHarness;
beforeAll(async () => {
  h = await createFaultHarness('2026-12-01T00:00:00Z');
});
afterAll(() => h.stop());

const sent = (id: string) =>
  h.outbox
    .list()
    .filter((message) => message.delinquencyId === id)
    .map((message) => message.step);
const execution = (id: string) => h.executions.list().find((record) => record.name === id)!;
const timeline = (id: string) => h.engine.delinquencies.timeline(TENANT, id);
const FULL_LADDER = ['overdue', 'overdue-sms', 'second-reminder', 'late-fee', 'final-notice'];
/** The case's parked batches as stored (the index only lists the waiting ones). */
const parkedOf = async (id: string): Promise<ParkedEvents[]> => {
  const entries = (await timeline(id)).filter((entry) => entry.kind === 'events.unpublished');
  const waiting = await h.engine.parkedEvents.listParked(TENANT, 100);
  return entries.map(
    (entry) =>
      waiting.find((batch) => batch.id === entry.data!.parkedId) ??
      ({ id: String(entry.data!.parkedId), status: 'replayed' } as ParkedEvents),
  );
};
const onBus = (id: string, detailType: string) =>
  h.bus.accepted.filter((event) => event.detail.delinquencyId === id && event.detailType === detailType);

/** Runs a fresh case from its due date to the end of its ladder, in the month `month` (so cases do not overlap). */
const ladder = async (invoiceId: string, month: string) => {
  h.clock.set(new Date(`${month}-01T00:00:00Z`));
  const id = await h.openCase({ invoiceId, dueDate: `${month}-01` });
  return {
    id,
    finish: async () => {
      await h.advanceTo(`${month}-28T00:00:00Z`);
      const next = new Date(`${month}-01T00:00:00Z`);
      next.setUTCMonth(next.getUTCMonth() + 2);
      await h.advanceTo(next.toISOString());
    },
  };
};

const expectWholeLadderOnce = async (id: string, invoiceId: string) => {
  expect(sent(id)).toEqual(FULL_LADDER);
  expect(execution(id).status).toBe('SUCCEEDED');
  const invoice = await h.engine.invoices.get(TENANT, invoiceId);
  expect(invoice!.charges.filter((charge) => charge.kind === 'fee')).toHaveLength(1);
  expect(invoice!.invoice.feesTotal).toBe(2_500);
  expect((await timeline(id)).filter((entry) => entry.kind === 'reminder.sent')).toHaveLength(5);
};

describe('faults, one at a time', () => {
  it('rides out DynamoDB throttling: the SDK retries most, Step Functions retries the task for the rest', async () => {
    const { id, finish } = await ladder('throttled', '2027-01');
    // A pass makes some thirty DynamoDB calls: 2 % of them still throttled after the SDK's retries fails about every other
    // attempt, which the task's six retries ride out.
    h.faults.rates = { sdkThrottle: 0.2, throttle: 0.02 };
    try {
      await finish();
    } finally {
      h.faults.rates = {};
    }
    expect(h.faults.fired.sdkThrottle).toBeGreaterThan(10);
    expect(h.faults.fired.throttle).toBeGreaterThan(0);
    await expectWholeLadderOnce(id, 'throttled');
    // Some passes failed and were retried (retries stay in the Wake state), and none ran out of retries.
    expect(execution(id).states.filter((state) => state === DelinquencyStates.Failed)).toHaveLength(0);
  });

  it('re-reads and retries when a conflicting transaction cancels a save', async () => {
    const { id, finish } = await ladder('conflict', '2027-03');
    h.faults.cue('transactionConflict', 4);
    await finish();
    await expectWholeLadderOnce(id, 'conflict');
  });

  it('retries SES and SNS throttling with backoff and sends each step once', async () => {
    const { id, finish } = await ladder('ses-sns', '2027-05');
    h.faults.cue('emailThrottle', 3);
    h.faults.cue('smsThrottle', 3);
    await finish();
    expect(h.faults.fired).toMatchObject({ emailThrottle: 3, smsThrottle: 3 });
    await expectWholeLadderOnce(id, 'ses-sns');
  });

  it('never resends a message the provider accepted before the task crashed: the claim is marked unknown and counted', async () => {
    const { id, finish } = await ladder('crash', '2027-07');
    h.faults.cue('emailCrashAfterAccept', 1);
    const unknownBefore = h.metrics.total('SendsUnknown', 'email');
    await finish();
    // The first email went out once; the crash kept it from being recorded; no retry or later pass sent it again.
    expect(sent(id)).toEqual(FULL_LADDER);
    const claims = await h.engine.delinquencies.claims(TENANT, id);
    expect(claims.find((claim) => claim.kind === 'SEND' && claim.stepId === 'overdue')).toMatchObject({
      status: 'unknown',
    });
    const doubts = (await timeline(id)).filter((entry) => entry.kind === 'reminder.unknown');
    expect(doubts).toHaveLength(1);
    expect(doubts[0]).toMatchObject({ stepId: 'overdue', rule: 'send.at-most-once' });
    expect(execution(id).status).toBe('SUCCEEDED');
    expect(h.metrics.total('SendsUnknown', 'email') - unknownBefore).toBe(1);
  });

  it('retries refused PutEvents entries only, parks what the bus keeps refusing, and the hourly replay publishes it once', async () => {
    const { id, finish } = await ladder('bus', '2027-09');
    h.faults.cue('putPartial', 2);
    const before = h.bus.accepted.length;
    await h.advanceTo('2027-09-02T12:00:00Z');
    const first = h.bus.accepted.slice(before).filter((event) => event.detail.delinquencyId === id);
    expect(first.map((event) => event.detailType)).toEqual(['reminder.sent']);
    // The next step's events meet a bus that refuses everything, every time the publisher asks.
    h.faults.cue('putAll', 5);
    await finish();
    expect(h.metrics.total('EventsUnpublished')).toBe(1);
    const parked = (await timeline(id)).filter((entry) => entry.kind === 'events.unpublished');
    expect(parked).toHaveLength(1);
    expect(JSON.parse(String(parked[0]!.data!.events))).toEqual([
      expect.objectContaining({ detailType: 'reminder.sent' }),
    ]);
    await expectWholeLadderOnce(id, 'bus');
    expect(onBus(id, 'reminder.sent')).toHaveLength(4); // five sends, one parked
    const [batch] = await parkedOf(id);
    expect(batch).toMatchObject({ status: 'parked', eventCount: 1, attempts: 0 });

    // The hourly run's replay (two at once, as overlapping runs would): the parked event goes out once, unchanged,
    // under the time it happened; a later replay finds nothing to do.
    const replayedBefore = h.metrics.total('EventsReplayed');
    const [one, two] = await Promise.all([
      h.asFunction('ReminderRun', () => replayParkedEvents(h.engine)),
      h.asFunction('ReminderRun', () => replayParkedEvents(h.engine)),
    ]);
    expect(one.eventsReplayed + two.eventsReplayed).toBe(1);
    expect(await h.asFunction('ReminderRun', () => replayParkedEvents(h.engine))).toMatchObject({
      eventsReplayed: 0,
      eventsOverdue: 0,
    });
    const sends = onBus(id, 'reminder.sent');
    expect(sends).toHaveLength(5);
    const messageIds = (await timeline(id))
      .filter((entry) => entry.kind === 'reminder.sent')
      .map((entry) => entry.data!.messageId);
    expect(sends.map((event) => event.detail.messageId).sort()).toEqual([...messageIds].sort());
    const replayed = sends.find((event) => event.time !== undefined)!;
    expect(replayed.detail).toEqual((JSON.parse(batch!.events) as { detail: unknown }[])[0]!.detail);
    expect(replayed.time).toBe(batch!.parkedAt);
    expect(h.metrics.total('EventsReplayed') - replayedBefore).toBe(1);
    expect((await parkedOf(id)).map((parked) => parked.status)).toEqual(['replayed']);
    const notes = (await timeline(id)).filter((entry) => entry.kind === 'events.replayed');
    expect(notes).toHaveLength(1);
    expect(notes[0]!.data).toMatchObject({ parkedId: batch!.id, count: 1, remaining: 0 });
  });

  it('retries a throttled wake schedule instead of failing the execution', async () => {
    const { id, finish } = await ladder('wait', '2027-11');
    const schedules = h.scheduler;
    const create = schedules.wakeAt.bind(schedules);
    let refusals = 2;
    schedules.wakeAt = async (...args) => {
      if (refusals > 0) {
        refusals -= 1;
        throw Object.assign(new Error('throttled (injected)'), { name: 'ThrottlingException' });
      }
      return create(...args);
    };
    try {
      await finish();
    } finally {
      schedules.wakeAt = create;
    }
    expect(refusals).toBe(0);
    await expectWholeLadderOnce(id, 'wait');
  });

  it('parks only the refused events of a batch; a replay the bus refuses keeps them parked and pages after hours', async () => {
    // A ladder whose first day asks for a call and a letter: that pass publishes both escalations in one batch. Four
    // attempts refuse both, the fifth the call's only.
    h.clock.set(new Date('2028-01-01T00:00:00Z'));
    const strategy = {
      name: 'Call and letter at once',
      steps: [
        { id: 'call', offsetDays: 1, channel: 'call' as const },
        { id: 'letter', offsetDays: 1, channel: 'letter' as const, template: 'final-notice' },
        { id: 'agency', offsetDays: 10, channel: 'agency' as const },
      ],
    };
    const id = await h.openCase({ invoiceId: 'bus-partial', dueDate: '2028-01-01', strategy });
    const escalated = (channel: string) =>
      onBus(id, 'delinquency.escalated').filter((event) => event.detail.channel === channel);
    await h.advanceTo('2028-01-02T07:00:00Z');
    h.faults.cue('putPartial', 9);
    await h.advanceTo('2028-01-02T09:00:00Z');
    expect(escalated('call')).toHaveLength(0);
    expect(escalated('letter')).toHaveLength(1);
    const calls = () => escalated('call');
    const [batch] = await parkedOf(id);
    expect((JSON.parse(batch!.events) as { detailType: string }[]).map((event) => event.detailType)).toEqual([
      'delinquency.escalated',
    ]);

    // The bus is still down at the next runs: the batch waits (tried, with the reason), and once it has waited longer
    // than the alarm's hours it is counted overdue.
    const overdueBefore = h.metrics.total('EventsParkedOverdue');
    h.faults.cue('putAll', 5);
    expect(await h.asFunction('ReminderRun', () => replayParkedEvents(h.engine))).toMatchObject({
      eventsReplayed: 0,
      eventsOverdue: 0,
    });
    await h.advanceTo(new Date(Date.parse(batch!.parkedAt) + PARKED_OVERDUE_HOURS * 3_600_000 + 60_000).toISOString());
    h.faults.cue('putAll', 5);
    expect(await h.asFunction('ReminderRun', () => replayParkedEvents(h.engine))).toMatchObject({
      eventsReplayed: 0,
      eventsOverdue: 1,
    });
    expect(h.metrics.total('EventsParkedOverdue') - overdueBefore).toBe(1);
    const [waiting] = await parkedOf(id);
    expect(waiting).toMatchObject({
      status: 'parked',
      attempts: 2,
      eventCount: 1,
      lastError: expect.stringContaining('refused'),
    });
    expect(calls()).toHaveLength(0);

    // The bus is back: the call's event goes out once, and the ladder goes on unharmed.
    expect(await h.asFunction('ReminderRun', () => replayParkedEvents(h.engine))).toMatchObject({
      eventsReplayed: 1,
      eventsOverdue: 0,
    });
    expect(await h.asFunction('ReminderRun', () => replayParkedEvents(h.engine))).toMatchObject({ eventsReplayed: 0 });
    expect(calls()).toEqual([expect.objectContaining({ time: batch!.parkedAt })]);
    await h.advanceTo('2028-03-01T00:00:00Z');
    expect(execution(id).status).toBe('SUCCEEDED');
    expect((await h.engine.delinquencies.get(TENANT, id))!.status).toBe('handed_off');
    expect(escalated('call')).toHaveLength(1);
    expect(escalated('letter')).toHaveLength(1);
  });

  it("keeps a fee's record and event when the step's send then fails: the retry announces nothing twice", async () => {
    const { id, finish } = await ladder('fee-then-throttle', '2028-05');
    await h.advanceTo('2028-05-16T07:00:00Z');
    // The late-fee pass charges the fee, then SES refuses the email on every try of that pass's first attempts.
    h.faults.cue('emailThrottle', 2);
    await finish();
    await expectWholeLadderOnce(id, 'fee-then-throttle');
    const charges = (await timeline(id)).filter((entry) => entry.kind === 'charge.applied');
    expect(charges).toHaveLength(1);
    expect(onBus(id, 'charge.applied')).toEqual([
      expect.objectContaining({ detail: expect.objectContaining({ chargeId: charges[0]!.data!.chargeId }) }),
    ]);
  });

  it('settles a send left in flight when the case closes: marked unknown, counted, on the timeline, never resent', async () => {
    h.clock.set(new Date('2028-09-01T00:00:00Z'));
    const id = await h.openCase({ invoiceId: 'closed-in-flight', dueDate: '2028-09-01' });
    // The first reminder's task dies after SES accepted it; the retry finds the claim in flight and waits out its lease.
    h.faults.cue('emailCrashAfterAccept', 1);
    await h.advanceTo('2028-09-02T07:01:00Z');
    const overdueClaim = async () =>
      (await h.engine.delinquencies.claims(TENANT, id)).find(
        (claim) => claim.kind === 'SEND' && claim.stepId === 'overdue',
      );
    expect(await overdueClaim()).toMatchObject({ status: 'sending' });
    // Paid in full meanwhile: the case closes before any ladder pass comes back to that claim.
    const unknownBefore = h.metrics.total('SendsUnknown', 'email');
    await recordPayment({ ...h.engine, clock: h.clock }, TENANT, 'closed-in-flight', {
      amount: 125_000,
      currency: 'NOK',
      reference: 'bank',
    });
    await h.executions.idle();
    expect((await h.engine.delinquencies.get(TENANT, id))!.status).toBe('resolved');
    expect(execution(id).status).toBe('RUNNING');
    await h.advanceTo('2028-09-02T08:00:00Z');
    expect(await overdueClaim()).toMatchObject({ status: 'unknown' });
    expect(h.metrics.total('SendsUnknown', 'email') - unknownBefore).toBe(1);
    const doubts = (await timeline(id)).filter((entry) => entry.kind === 'reminder.unknown');
    expect(doubts).toEqual([expect.objectContaining({ stepId: 'overdue', rule: 'send.at-most-once' })]);
    expect(sent(id)).toEqual(['overdue', 'receipt']);
    expect(execution(id).status).toBe('SUCCEEDED');
    const claims = await h.engine.delinquencies.claims(TENANT, id);
    expect(claims.filter((claim) => claim.status === 'claimed' || claim.status === 'sending')).toEqual([]);
  });
});
