// Each fault the issue names, injected into the synthesized state machine's real tasks: nothing lost, nothing twice.
import { DelinquencyStates } from '../../statemachines/delinquency/state-names';
import { createFaultHarness, type FaultHarness } from '../fixtures/faults/fault-harness';
import { TENANT } from './harness';

let h: FaultHarness;
beforeAll(async () => {
  h = await createFaultHarness('2026-12-01T00:00:00Z');
});
afterAll(() => h.stop());

const sent = (id: string) => h.outbox.list().filter((message) => message.delinquencyId === id).map((message) => message.step);
const execution = (id: string) => h.executions.list().find((record) => record.name === id)!;
const timeline = (id: string) => h.engine.delinquencies.timeline(TENANT, id);
const FULL_LADDER = ['overdue', 'overdue-sms', 'second-reminder', 'late-fee', 'final-notice'];

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
    h.faults.rates = { sdkThrottle: 0.2, throttle: 0.05 };
    try {
      await finish();
    } finally {
      h.faults.rates = {};
    }
    expect(h.faults.fired.sdkThrottle).toBeGreaterThan(10);
    expect(h.faults.fired.throttle).toBeGreaterThan(0);
    await expectWholeLadderOnce(id, 'throttled');
    // Some passes failed and were retried: more Advance entries than the clean ladder's one per wake-up.
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
    expect(claims.find((claim) => claim.kind === 'SEND' && claim.stepId === 'overdue')).toMatchObject({ status: 'unknown' });
    const doubts = (await timeline(id)).filter((entry) => entry.kind === 'reminder.unknown');
    expect(doubts).toHaveLength(1);
    expect(doubts[0]).toMatchObject({ stepId: 'overdue', rule: 'send.at-most-once' });
    expect(execution(id).status).toBe('SUCCEEDED');
    expect(h.metrics.total('SendsUnknown', 'email') - unknownBefore).toBe(1);
  });

  it('retries refused PutEvents entries only, and parks events the bus keeps refusing on the timeline', async () => {
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
    expect(JSON.parse(String(parked[0]!.data!.events))).toEqual([expect.objectContaining({ detailType: 'reminder.sent' })]);
    await expectWholeLadderOnce(id, 'bus');
    const published = h.bus.accepted.filter((event) => event.detail.delinquencyId === id && event.detailType === 'reminder.sent');
    expect(published).toHaveLength(4); // five sends, one parked
  });

  it('retries a throttled WaitForWakeUp instead of failing the execution', async () => {
    const { id, finish } = await ladder('wait', '2027-11');
    const repository = h.engine.delinquencies;
    const park = repository.parkTaskToken.bind(repository);
    let refusals = 2;
    repository.parkTaskToken = async (...args) => {
      if (args[1] === id && refusals > 0) {
        refusals -= 1;
        throw Object.assign(new Error('throttled (injected)'), { name: 'ProvisionedThroughputExceededException' });
      }
      return park(...args);
    };
    try {
      await finish();
    } finally {
      repository.parkTaskToken = park;
    }
    expect(refusals).toBe(0);
    await expectWholeLadderOnce(id, 'wait');
  });
});
