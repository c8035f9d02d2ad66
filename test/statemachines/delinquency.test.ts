// The synthesized delinquency state machine with its real tasks, judged by execution history, outbox and stored facts.
import { DelinquencyStates } from '../../statemachines/delinquency/state-names';
import { recordPayment } from '../../shared/use-cases/invoices';
import { createHarness, TENANT, type Harness } from './harness';

let harness: Harness;
beforeAll(async () => {
  harness = await createHarness('2026-12-01T23:30:00Z');
});
afterAll(() => harness.stop());

const steps = (delinquencyId: string) =>
  harness.outbox
    .list()
    .filter((message) => message.delinquencyId === delinquencyId)
    .map((message) => message.step);
const record = (delinquencyId: string) =>
  harness.executions.list().find((execution) => execution.name === delinquencyId)!;

describe('delinquency state machine', () => {
  it('runs the payment-free ladder to hand-off at one transition per wake, at most two per escalation step', async () => {
    // Its DynamoDB budget is test/statemachines/lifecycle-capacity.test.ts.
    const id = await harness.openCase({ invoiceId: 'ladder', dueDate: '2026-12-01' });
    await harness.advanceTo('2027-01-31T00:00:00Z');

    expect(steps(id)).toEqual(['overdue', 'overdue-sms', 'second-reminder', 'late-fee', 'final-notice']);
    const execution = record(id);
    expect(execution.status).toBe('SUCCEEDED');
    // Every wake is the one Wake state; the last ends the wait with Arrears.CaseClosed, caught into Done.
    const states = execution.states;
    expect(states.at(-1)).toBe(DelinquencyStates.Done);
    expect(new Set(states.slice(0, -1))).toEqual(new Set([DelinquencyStates.Wake]));
    const stepsActed = (await harness.engine.delinquencies.timeline(TENANT, id)).filter(
      (entry) => entry.kind === 'stage.changed',
    ).length;
    expect(stepsActed).toBe(7);
    expect(states.length / stepsActed).toBeLessThanOrEqual(2);
    const delinquency = (await harness.engine.delinquencies.get(TENANT, id))!;
    expect(delinquency).toMatchObject({ status: 'handed_off', stage: 'hand-off' });
    const handOff = harness.events
      .list()
      .find((event) => event.detailType === 'delinquency.handed_off' && event.detail.delinquencyId === id);
    expect(handOff?.detail).toMatchObject({ caseFile: { balance: 127_500, currency: 'NOK' } });
    const invoice = await harness.engine.invoices.get(TENANT, 'ladder');
    expect(invoice?.invoice.feesTotal).toBe(2_500);
  });

  it('ignores a duplicate start and a spurious wake-up: nothing is sent twice or early', async () => {
    harness.clock.set(new Date('2027-02-01T00:00:00Z'));
    const id = await harness.openCase({ invoiceId: 'dupe', dueDate: '2027-01-31' });
    expect(await harness.executions.start(id, { tenantId: TENANT, delinquencyId: id })).toBe('exists');
    await harness.advanceTo('2027-02-01T09:00:00Z');
    expect(steps(id)).toEqual(['overdue']);
    const parked = (await harness.engine.delinquencies.get(TENANT, id))!;
    expect(await harness.engine.waker.wake(parked.taskToken!)).toBe(true);
    await harness.executions.idle();
    expect(await harness.engine.waker.wake(parked.taskToken!)).toBe(false);
    await harness.advanceTo('2027-02-04T07:00:00Z');
    expect(steps(id)).toEqual(['overdue']);
    const wakes = record(id).states.filter((state) => state === DelinquencyStates.Wake).length;
    expect(wakes).toBe(3); // open, the overdue step, the spurious wake-up
  });

  it('ends within the wait when a payment wakes it through its task token, and sends only the thank-you', async () => {
    harness.clock.set(new Date('2027-03-01T00:00:00Z'));
    const id = await harness.openCase({ invoiceId: 'paid', dueDate: '2027-02-28' });
    await harness.advanceTo('2027-03-02T12:00:00Z');
    expect(steps(id)).toEqual(['overdue']);
    const parkedToken = (await harness.engine.delinquencies.get(TENANT, id))!.taskToken;
    // Recording the payment bumps the delinquency's facts and hands its parked token back: the wait ends at once.
    await recordPayment({ ...harness.engine, clock: harness.clock }, TENANT, 'paid', {
      amount: 125_000,
      currency: 'NOK',
      reference: 'bank',
    });
    await harness.executions.idle();
    expect(await harness.engine.waker.wake(parkedToken!)).toBe(false);
    expect(record(id).status).toBe('SUCCEEDED');
    expect((await harness.engine.delinquencies.get(TENANT, id))!.status).toBe('resolved');
    expect(steps(id)).toEqual(['overdue', 'receipt']);
    await harness.advanceTo('2027-04-30T00:00:00Z');
    expect(steps(id)).toEqual(['overdue', 'receipt']);
  });

  it('retries a failing send and sends it exactly once', async () => {
    harness.clock.set(new Date('2027-05-01T00:00:00Z'));
    const id = await harness.openCase({ invoiceId: 'flaky', dueDate: '2027-04-30' });
    harness.email.failuresLeft = 2;
    const attemptsBefore = harness.email.attempts;
    await harness.advanceTo('2027-05-01T12:00:00Z');
    expect(harness.email.attempts - attemptsBefore).toBe(3);
    expect(steps(id)).toEqual(['overdue']);
    const timeline = await harness.engine.delinquencies.timeline(TENANT, id);
    expect(timeline.filter((entry) => entry.kind === 'reminder.sent')).toHaveLength(1);
    expect(record(id).status).toBe('RUNNING');
  });

  it('catches a late-opened delinquency up with one message and records the skipped steps', async () => {
    harness.clock.set(new Date('2027-06-15T10:00:00Z'));
    const id = await harness.openCase({ invoiceId: 'late', dueDate: '2027-06-01' });
    expect(steps(id)).toEqual(['second-reminder']);
    const timeline = await harness.engine.delinquencies.timeline(TENANT, id);
    expect(timeline.filter((entry) => entry.kind === 'step.skipped').map((entry) => entry.stepId)).toEqual([
      'overdue',
      'overdue-sms',
    ]);
  });
  it('holds the thank-you for a payment made at night until 08:00 in the customer’s zone', async () => {
    harness.clock.set(new Date('2027-09-01T00:00:00Z'));
    const id = await harness.openCase({ invoiceId: 'night', dueDate: '2027-08-31' });
    await harness.advanceTo('2027-09-01T21:30:00Z'); // 23:30 in Oslo
    await recordPayment({ ...harness.engine, clock: harness.clock }, TENANT, 'night', {
      amount: 125_000,
      currency: 'NOK',
      reference: 'bank',
    });
    await harness.executions.idle();
    expect(steps(id)).toEqual(['overdue']);
    expect(record(id).status).toBe('RUNNING');
    await harness.advanceTo('2027-09-02T12:00:00Z');
    const receipt = harness.outbox.list().find((message) => message.delinquencyId === id && message.step === 'receipt');
    expect(receipt?.sentAt).toBe('2027-09-02T06:00:00.000Z'); // 08:00 CEST
    expect(record(id).status).toBe('SUCCEEDED');
  });
  it('sends no reminder when a payment is recorded while the send is in flight (after the facts were read)', async () => {
    harness.clock.set(new Date('2027-10-01T00:00:00Z'));
    const id = await harness.openCase({ invoiceId: 'race', dueDate: '2027-09-30' });
    // The payment lands exactly between the execution reading the facts and claiming the send: the worst moment.
    const repository = harness.engine.delinquencies;
    const claim = repository.claim.bind(repository);
    let paid = false;
    repository.claim = async (tenantId, delinquencyId, attempt) => {
      if (delinquencyId === id && attempt.kind === 'SEND' && !paid) {
        paid = true;
        await recordPayment({ ...harness.engine, clock: harness.clock }, TENANT, 'race', {
          amount: 125_000,
          currency: 'NOK',
          reference: 'bank',
        });
      }
      return claim(tenantId, delinquencyId, attempt);
    };
    try {
      await harness.advanceTo('2027-10-01T12:00:00Z');
    } finally {
      repository.claim = claim;
    }
    expect(paid).toBe(true);
    expect(steps(id)).toEqual(['receipt']);
    expect((await harness.engine.delinquencies.get(TENANT, id))!.status).toBe('resolved');
  });

  it('re-derives when a payment lands between a pass reading the facts and saving its token: the case closes at once', async () => {
    harness.clock.set(new Date('2027-11-01T00:00:00Z'));
    const id = await harness.openCase({ invoiceId: 'token-race', dueDate: '2027-10-31' });
    const spentToken = (await harness.engine.delinquencies.get(TENANT, id))!.taskToken!;
    // The payment lands as the 09:00 pass saves the case with its new token: it bumps the facts, but the token it finds
    // stored is the spent one that woke this pass, so only the save's version condition can notice it.
    const repository = harness.engine.delinquencies;
    const save = repository.save.bind(repository);
    let paid = false;
    repository.save = async (tenantId, delinquency, expectedVersion, entries) => {
      if (delinquency.id === id && delinquency.taskToken !== null && delinquency.taskToken !== spentToken && !paid) {
        paid = true;
        await harness.asFunction('PostPayment', () =>
          recordPayment({ ...harness.engine, clock: harness.clock }, TENANT, 'token-race', {
            amount: 125_000,
            currency: 'NOK',
            reference: 'bank',
          }),
        );
      }
      return save(tenantId, delinquency, expectedVersion, entries);
    };
    try {
      await harness.advanceTo('2027-11-01T09:00:00Z');
    } finally {
      repository.save = save;
    }
    expect(paid).toBe(true);
    // The refused save made the pass derive again from the paid facts: resolved, thanked and ended in that same wake,
    // not at the next scheduled one.
    expect((await harness.engine.delinquencies.get(TENANT, id))!.status).toBe('resolved');
    expect(steps(id)).toEqual(['overdue', 'receipt']);
    expect(record(id)).toMatchObject({ status: 'SUCCEEDED', stoppedAt: '2027-11-01T08:00:00.000Z' }); // 09:00 in Oslo
    expect(record(id).states).toEqual([DelinquencyStates.Wake, DelinquencyStates.Wake, DelinquencyStates.Done]);
  });
});
