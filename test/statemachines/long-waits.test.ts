// A wait that outlasts a minute of the machine's own time (a thousand wakes due at one instant, a loaded machine) is
// still one wait: one Wake invocation and one schedule per wake, never a retry the definition did not ask for.
import { DelinquencyStates } from '../../statemachines/delinquency/state-names';
import { createHarness, type Harness } from './harness';

let harness: Harness;
beforeAll(async () => {
  harness = await createHarness('2027-01-01T23:30:00Z');
});
afterAll(() => {
  jest.useRealTimers();
  harness.stop();
});

const wakes = () => harness.executions.invocations[DelinquencyStates.Wake] ?? 0;

describe('a long wait on the machine clock', () => {
  it('wakes the case once, at its time, however much of the machine clock its wait took', async () => {
    // Only the machine's timers are faked, and they keep moving by themselves; the case's time is the virtual clock.
    jest.useFakeTimers({
      advanceTimers: true,
      doNotFake: [
        'Date',
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
      ],
    });
    // Overdue in Oslo at once; the first reminder is due at the tenant's send time, 09:00 there (08:00 UTC).
    const id = await harness.openCase({ invoiceId: 'long-wait', dueDate: '2027-01-01' });
    expect(wakes()).toBe(1);
    expect(harness.scheduler.created).toBe(1);

    // An hour of the machine's time passes while the case waits for its morning.
    await jest.advanceTimersByTimeAsync(3_600_000);
    await harness.executions.idle();
    expect(wakes()).toBe(1);
    expect(harness.scheduler.created).toBe(1);

    await harness.advanceTo('2027-01-02T12:00:00Z');
    expect(harness.outbox.list().map((message) => message.step)).toEqual(['overdue']);
    expect(wakes()).toBe(2);
    expect(harness.scheduler).toMatchObject({ created: 2, invocations: 1 });
    const execution = harness.executions.get(id)!;
    expect(execution).toMatchObject({ status: 'RUNNING', states: [DelinquencyStates.Wake, DelinquencyStates.Wake] });
  });

  it('lets no schedule of an attempt the interpreter gave up on wake the case or hold the runtime busy', async () => {
    // Past the longest timer a process holds (about 24.8 days) even a local wait is timed out and retried: the retry
    // waits on a fresh token and schedule, and the first one's schedule must find nothing left to resume.
    // Only this case waits (the earlier one is stopped), so the counts below are its own.
    for (const execution of harness.executions.list()) harness.executions.abort(execution.name);
    harness.clock.set(new Date('2027-02-01T23:30:00Z'));
    const id = await harness.openCase({ invoiceId: 'given-up', dueDate: '2027-02-01' });
    const before = { wakes: wakes(), created: harness.scheduler.created, sent: harness.outbox.list().length };
    await jest.advanceTimersByTimeAsync(25 * 86_400_000);
    await harness.executions.idle();
    expect(wakes() - before.wakes).toBe(1);
    expect(harness.scheduler.created - before.created).toBe(1);

    await harness.advanceTo('2027-02-02T12:00:00Z');
    const sent = harness.outbox.list().slice(before.sent);
    expect(sent.map((message) => message.step)).toEqual(['overdue']);
    // Both schedules ran; only the retry's token woke the case.
    expect(harness.executions.get(id)!.states).toEqual([DelinquencyStates.Wake, DelinquencyStates.Wake]);
  });
});
