// Reconciliation on the synthesized state machine: an execution aborted or failed mid-ladder raises Step Functions'
// status event, the case is marked, and the next hourly run restarts it under the next name of its chain; the ladder
// goes on from the facts and no message goes out twice.
import {
  createHandler as createExecutionEndedHandler,
  type ExecutionStatusEvent,
} from '../../functions/events/execution-ended.handler';
import { lambdaContext } from '../../local/lambda-context';
import { DelinquencyStates } from '../../statemachines/delinquency/state-names';
import { wakeScheduleName } from '../../shared/domain/wake-schedule';
import { recordPayment } from '../../shared/use-cases/invoices';
import { runReminders } from '../../shared/use-cases/reminder-run';
import { createHarness, TENANT, type Harness } from './harness';

let harness: Harness;
/** While set, every task invocation fails as a broken deployment would (the Wake task's retries included). */
let failing = false;
beforeAll(async () => {
  harness = await createHarness('2027-03-01T23:30:00Z', {
    invocation: async (run) => {
      if (failing) throw Object.assign(new Error('the function cannot reach its dependencies'), { name: 'Error' });
      return run();
    },
  });
});
afterAll(() => harness.stop());

const LADDER = ['overdue', 'overdue-sms', 'second-reminder', 'late-fee', 'final-notice'];
const steps = (delinquencyId: string) =>
  harness.outbox
    .list()
    .filter((message) => message.delinquencyId === delinquencyId)
    .map((message) => message.step);
const execution = (name: string) => harness.executions.get(name)!;
const chainOf = (id: string) =>
  harness.executions.list().filter((candidate) => candidate.name === id || candidate.name.startsWith(`${id}.`));
/** When the one-time schedule of the case's current wait runs. */
const nextWake = async (id: string) => {
  const { taskToken } = (await harness.engine.delinquencies.get(TENANT, id))!;
  return harness.timers.pending().find((timer) => timer.label === `schedule ${wakeScheduleName(taskToken!)}`)!.at;
};
const nextHour = (iso: string) => {
  const at = new Date(iso);
  at.setUTCMinutes(0, 0, 0);
  return new Date(at.getTime() + 3600_000).toISOString();
};
/** The hourly run as the schedule fires it: at the top of the hour, then whatever it started runs until it parks. */
const hourlyRun = async (iso: string) => {
  await harness.advanceTo(iso);
  const totals = await harness.asFunction('ReminderRun', () => runReminders(harness.engine));
  await harness.executions.idle();
  return totals;
};

describe('restarting executions that ended early', () => {
  it('restarts an execution aborted mid-ladder at the next hourly run; the ladder goes on and sends nothing twice', async () => {
    const started = performance.now();
    const id = await harness.openCase({ invoiceId: 'aborted', dueDate: '2027-03-01' });
    await harness.advanceTo('2027-03-02T12:00:00Z');
    expect(steps(id)).toEqual(['overdue']);

    expect(harness.executions.abort(id)).toBe(true);
    await harness.advanceTo('2027-03-02T12:30:00Z');
    expect(await harness.engine.restartMarkers.list(TENANT, 10)).toEqual([
      expect.objectContaining({ delinquencyId: id, execution: id, generation: 1, status: 'ABORTED' }),
    ]);

    const restartedBefore = harness.metrics.total('ExecutionsRestarted');
    const run = await hourlyRun('2027-03-02T13:00:00Z');
    expect(run.executionsRestarted).toBe(1);
    expect(harness.metrics.total('ExecutionsRestarted') - restartedBefore).toBe(1);
    expect(execution(`${id}.2`).status).toBe('RUNNING');
    expect(await harness.engine.currentExecutions.get(TENANT, id)).toMatchObject({ name: `${id}.2`, generation: 2 });
    expect(await harness.engine.restartMarkers.list(TENANT, 10)).toEqual([]);
    const timeline = await harness.engine.delinquencies.timeline(TENANT, id);
    expect(timeline.filter((entry) => entry.kind === 'execution.restarted')).toEqual([
      expect.objectContaining({
        data: expect.objectContaining({ ended: id, status: 'ABORTED', restartedAs: `${id}.2` }),
      }),
    ]);
    // The restarted execution re-derived the ladder: the overdue reminder was not sent again.
    expect(steps(id)).toEqual(['overdue']);

    // A second run finds nothing to restart.
    expect((await hourlyRun('2027-03-02T14:00:00Z')).executionsRestarted).toBe(0);

    await harness.advanceTo('2027-05-01T00:00:00Z');
    expect(steps(id)).toEqual(LADDER);
    expect((await harness.engine.delinquencies.get(TENANT, id))!.status).toBe('handed_off');
    expect(chainOf(id).map((candidate) => `${candidate.name.replace(id, '<id>')}:${candidate.status}`)).toEqual([
      '<id>:ABORTED',
      '<id>.2:SUCCEEDED',
    ]);
    expect(execution(`${id}.2`).states.at(-1)).toBe(DelinquencyStates.Done);
    report('aborted', id, started);
  });

  it('restarts an execution that failed at its next wake-up, and the ladder goes on with no message twice', async () => {
    const started = performance.now();
    harness.clock.set(new Date('2027-06-01T23:30:00Z'));
    const id = await harness.openCase({ invoiceId: 'failed', dueDate: '2027-06-01' });
    await harness.advanceTo('2027-06-02T12:00:00Z');
    expect(steps(id)).toEqual(['overdue']);

    // Its next wake-up fails, retries included: the execution ends in Failed.
    failing = true;
    const failsAt = await nextWake(id);
    await harness.advanceTo(failsAt);
    failing = false;
    expect(execution(id)).toMatchObject({ status: 'FAILED' });
    expect(execution(id).states.at(-1)).toBe(DelinquencyStates.Failed);
    expect(execution(id).states.filter((state) => state === DelinquencyStates.Wake).length).toBeGreaterThan(0);

    const run = await hourlyRun(nextHour(failsAt));
    expect(run.executionsRestarted).toBe(1);
    expect(execution(`${id}.2`).status).toBe('RUNNING');
    // What fell due at the failed wake-up is sent by the restarted execution, once.
    expect(steps(id)).toEqual(['overdue', 'overdue-sms']);

    await harness.advanceTo('2027-08-01T00:00:00Z');
    expect(steps(id)).toEqual(LADDER);
    expect((await harness.engine.delinquencies.get(TENANT, id))!.status).toBe('handed_off');
    expect(chainOf(id).map((candidate) => `${candidate.name.replace(id, '<id>')}:${candidate.status}`)).toEqual([
      '<id>:FAILED',
      '<id>.2:SUCCEEDED',
    ]);
    report('failed', id, started);
  });
});

/** The status event Step Functions sends (EventBridge delivers at least once: a repeat is a normal event). */
const statusEvent = (name: string, status: string, delinquencyId: string): ExecutionStatusEvent =>
  ({
    id: `evt-${name}-${status}`,
    'detail-type': 'Step Functions Execution Status Change',
    source: 'aws.states',
    time: harness.clock.now().toISOString(),
    detail: {
      executionArn: `arn:aws:states:us-east-1:000000000000:execution:x:${name}`,
      stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:x',
      name,
      status,
      startDate: 0,
      stopDate: harness.clock.now().getTime(),
      input: JSON.stringify({ tenantId: TENANT, delinquencyId }),
    },
  }) as unknown as ExecutionStatusEvent;

describe('ends that need no restart', () => {
  it('ignores a repeated event of an execution already replaced, and any end once the case is closed', async () => {
    harness.clock.set(new Date('2027-09-01T23:30:00Z'));
    const id = await harness.openCase({ invoiceId: 'repeat', dueDate: '2027-09-01' });
    await harness.advanceTo('2027-09-02T12:00:00Z');
    harness.executions.abort(id);
    expect((await hourlyRun('2027-09-02T13:00:00Z')).executionsRestarted).toBe(1);
    const ended = createExecutionEndedHandler(harness.engine);

    // The first execution's ABORTED event again: its successor escalates the case now.
    expect(await ended(statusEvent(id, 'ABORTED', id), lambdaContext('ExecutionEnded'))).toEqual({
      outcome: 'superseded',
    });
    // A success is not an early end.
    expect(await ended(statusEvent(`${id}.2`, 'SUCCEEDED', id), lambdaContext('ExecutionEnded'))).toEqual({
      outcome: 'ignored',
    });
    expect(await harness.engine.restartMarkers.list(TENANT, 10)).toEqual([]);

    await recordPayment({ ...harness.engine, clock: harness.clock }, TENANT, 'repeat', {
      amount: 125_000,
      currency: 'NOK',
      reference: 'bank',
    });
    await harness.executions.idle();
    expect((await harness.engine.delinquencies.get(TENANT, id))!.status).toBe('resolved');
    expect(await ended(statusEvent(`${id}.2`, 'FAILED', id), lambdaContext('ExecutionEnded'))).toEqual({
      outcome: 'closed',
    });
    expect((await hourlyRun('2027-09-02T14:00:00Z')).executionsRestarted).toBe(0);
    expect(chainOf(id).map((candidate) => candidate.status)).toEqual(['ABORTED', 'SUCCEEDED']);
  });
});

const report = (what: string, id: string, started: number) => {
  if (!process.env.ARREARS_REPORT_FIGURES) return;
  const figures = chainOf(id).map(
    (candidate) =>
      `${candidate.name.replace(id, '<id>')} ${candidate.status}: ${candidate.transitions} transitions, ${candidate.historyEvents} events`,
  );
  process.stdout.write(`restart (${what}): ${figures.join('; ')}; ${Math.round(performance.now() - started)} ms\n`);
};
