// The local runtime refuses what Step Functions refuses for a Standard execution: a run past one year times out, a
// history past 25,000 events fails, a name is never reused; and StopExecution aborts. The synthesized definition runs
// with stand-in task handlers, on the virtual clock.
import { LocalExecutions } from '../../../local/executions';
import { VirtualClock } from '../../../local/clock';
import { synthesizedStateMachines } from '../../../local/synthesized-definitions';
import { VirtualTimerQueue } from '../../../local/timers';
import type { ExecutionStatusChange } from '../../../functions/events/execution-status.events';
import { STANDARD_EXECUTION_LIMITS } from '../../../shared/domain/execution-chain';
import { DelinquencyStates, WakeEnds } from '../../../statemachines/delinquency/state-names';

const definition = synthesizedStateMachines().get('DelinquencyStateMachine')!.definition;
const DAY = 24 * 3600;
const input = { tenantId: 't1', delinquencyId: 'dlq_limits' };

interface Rig {
  clock: VirtualClock;
  timers: VirtualTimerQueue;
  executions: LocalExecutions;
  changes: ExecutionStatusChange[];
  parkedTokens: string[];
}

/**
 * The Wake task always waits `waitSeconds` on a timer of the queue (as its schedule would), or ends its wait when told
 * (the case closed, or a hand-over to the name `handOver` gives for the execution it runs in), or wakes itself at once
 * when `wakeAtOnce`.
 */
const rig = (behaviour: {
  waitSeconds: number;
  done?: () => boolean;
  wakeAtOnce?: boolean;
  handOver?: (execution: string) => string | undefined;
}): Rig => {
  const clock = new VirtualClock(new Date('2027-01-01T00:00:00Z'));
  const timers = new VirtualTimerQueue(clock, (label, error) => {
    throw new Error(`timer ${label} failed: ${String(error)}`);
  });
  const changes: ExecutionStatusChange[] = [];
  const parkedTokens: string[] = [];
  const late: { executions?: LocalExecutions } = {};
  const executions = new LocalExecutions(
    definition,
    {
      wake: async (event) => {
        const { taskToken: token, execution } = event as { taskToken: string; execution: { name: string } };
        parkedTokens.push(token);
        const handOverTo = behaviour.handOver?.(execution.name);
        if (behaviour.done?.()) return late.executions!.end(token, WakeEnds.CaseClosed, 'the case is resolved');
        if (handOverTo) return late.executions!.end(token, WakeEnds.HandOver, handOverTo);
        if (behaviour.wakeAtOnce) return late.executions!.wake(token);
        timers.schedule(new Date(clock.now().getTime() + behaviour.waitSeconds * 1000), 'wake', async () => {
          await late.executions!.wake(token);
          await late.executions!.idle();
        });
        return true;
      },
    },
    clock,
    timers,
    () => undefined,
    { onStatusChange: (change) => changes.push(change) },
  );
  late.executions = executions;
  return { clock, timers, executions, changes, parkedTokens };
};

let current: Rig | undefined;
afterEach(() => {
  current?.executions.stop();
  current?.timers.stop();
  current = undefined;
});

describe('local Step Functions limits', () => {
  it('ends an execution still running a year after its start as TIMED_OUT, releasing its parked wait', async () => {
    const r = (current = rig({ waitSeconds: 7 * DAY }));
    expect(await r.executions.start('dlq_limits', input)).toBe('started');
    await r.executions.idle();
    await r.timers.advanceTo(new Date('2027-12-31T23:59:00Z'));
    expect(r.executions.get('dlq_limits')?.status).toBe('RUNNING');

    await r.timers.advanceTo(new Date('2028-01-02T00:00:00Z'));
    const record = r.executions.get('dlq_limits')!;
    expect(record).toMatchObject({
      status: 'TIMED_OUT',
      error: 'States.Timeout',
      stoppedAt: '2028-01-01T00:00:00.000Z',
    });
    expect(Date.parse(record.stoppedAt!) - Date.parse(record.startedAt)).toBe(STANDARD_EXECUTION_LIMITS.maxDurationMs);
    // The wait it was parked in is gone: its token wakes nothing, and nothing runs after the end.
    expect(await r.executions.wake(r.parkedTokens.at(-1)!)).toBe(false);
    const states = record.states.length;
    await r.timers.advanceTo(new Date('2028-02-01T00:00:00Z'));
    expect(record.states).toHaveLength(states);
    expect(r.changes.map((change) => `${change.name}:${change.status}`)).toEqual(['dlq_limits:TIMED_OUT']);
  });

  it('fails an execution whose history passes 25,000 events with States.Runtime', async () => {
    // Woken at once after every pass: the history grows by 6 events a pass (the Wake state entered and exited, its
    // task scheduled, started, submitted and succeeded).
    const r = (current = rig({ waitSeconds: 3600, wakeAtOnce: true }));
    const started = performance.now();
    await r.executions.start('dlq_limits', input);
    await r.executions.idle();
    const record = r.executions.get('dlq_limits')!;
    expect(record).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    expect(record.cause).toContain('25000');
    expect(record.historyEvents).toBeGreaterThan(STANDARD_EXECUTION_LIMITS.maxHistoryEvents);
    expect(record.historyEvents).toBeLessThan(STANDARD_EXECUTION_LIMITS.maxHistoryEvents + 10);
    const passes = record.states.filter((state) => state === DelinquencyStates.Wake).length;
    expect(Math.abs(passes - STANDARD_EXECUTION_LIMITS.maxHistoryEvents / 6)).toBeLessThan(2);
    expect(r.changes.map((change) => change.status)).toEqual(['FAILED']);
    if (process.env.ARREARS_REPORT_FIGURES)
      process.stdout.write(
        `history limit: ${passes} passes, ${record.transitions} transitions, ${record.historyEvents} events, ${Math.round(performance.now() - started)} ms\n`,
      );
  });

  it('never reuses a name: a running one with the same input answers exists, an ended one or another input is refused', async () => {
    let finish = false;
    const r = (current = rig({ waitSeconds: DAY, done: () => finish }));
    expect(await r.executions.start('dlq_limits', input)).toBe('started');
    await r.executions.idle();
    expect(await r.executions.start('dlq_limits', input)).toBe('exists');
    expect(await r.executions.start('dlq_limits', { ...input, delinquencyId: 'other' })).toBe('refused');

    finish = true;
    await r.timers.advanceTo(new Date('2027-01-02T00:00:00Z'));
    await r.executions.idle();
    expect(r.executions.get('dlq_limits')?.status).toBe('SUCCEEDED');
    expect(await r.executions.start('dlq_limits', input)).toBe('refused');
    // A success is not an early end: no status event reaches the restart marker's rule.
    expect(r.changes.map((change) => change.status)).toEqual(['SUCCEEDED']);
    await expect(r.executions.start('dlq_limits/bad', input)).rejects.toMatchObject({ name: 'InvalidName' });
  });

  it('runs the hand-over state: the successor starts with the same input, and one already running is fine', async () => {
    const r = (current = rig({
      waitSeconds: DAY,
      handOver: (execution) =>
        execution === 'dlq_limits' || execution === 'dlq_limits.3'
          ? `${execution === 'dlq_limits' ? 'dlq_limits.2' : 'dlq_limits.4'}`
          : undefined,
    }));
    await r.executions.start('dlq_limits', input);
    await r.executions.idle();
    expect(r.executions.get('dlq_limits')).toMatchObject({ status: 'SUCCEEDED' });
    expect(r.executions.get('dlq_limits')!.states).toEqual([
      DelinquencyStates.Wake,
      DelinquencyStates.HandOver,
      DelinquencyStates.HandedOver,
    ]);
    expect(r.executions.get('dlq_limits.2')).toMatchObject({ status: 'RUNNING', input: JSON.stringify(input) });

    // The successor's name already runs (a restart got there first): the start answers it, and the hand-over succeeds.
    await r.executions.start('dlq_limits.4', input);
    await r.executions.start('dlq_limits.3', input);
    await r.executions.idle();
    expect(r.executions.get('dlq_limits.3')!.states.at(-1)).toBe(DelinquencyStates.HandedOver);
    expect(r.executions.list().map((execution) => execution.name)).toEqual([
      'dlq_limits',
      'dlq_limits.2',
      'dlq_limits.4',
      'dlq_limits.3',
    ]);
  });

  it('aborts a running execution as StopExecution would, and refuses its name afterwards', async () => {
    const r = (current = rig({ waitSeconds: 7 * DAY }));
    await r.executions.start('dlq_limits', input);
    await r.executions.idle();
    r.clock.set(new Date('2027-01-03T00:00:00Z'));
    expect(r.executions.abort('dlq_limits')).toBe(true);
    expect(r.executions.abort('dlq_limits')).toBe(false);
    expect(r.executions.get('dlq_limits')).toMatchObject({ status: 'ABORTED', stoppedAt: '2027-01-03T00:00:00.000Z' });
    expect(await r.executions.wake(r.parkedTokens.at(-1)!)).toBe(false);
    expect(await r.executions.start('dlq_limits', input)).toBe('refused');
    expect(r.changes).toEqual([
      expect.objectContaining({
        name: 'dlq_limits',
        status: 'ABORTED',
        input: JSON.stringify(input),
        stopDate: Date.parse('2027-01-03T00:00:00Z'),
      }),
    ]);
  });
});
