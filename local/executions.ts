// Runs delinquency executions on one machine: the synthesized definition in the local ASL interpreter, the real task
// handlers behind its Task states, every wait parked on the runtime's timer queue so a virtual clock can drive it, and
// the limits Step Functions enforces on a Standard execution (a year, 25,000 history events, names never reused).
import './polyfills';
import { randomUUID } from 'node:crypto';
import { StateMachine } from 'aws-local-stepfunctions';
import type { Context } from 'aws-lambda';
import type { ExecutionStarter, ExecutionWaker, StartOutcome } from '../shared/ports/executions.port';
import type { Clock } from '../shared/ports/clock.port';
import { HISTORY_EVENTS, isExecutionName, STANDARD_EXECUTION_LIMITS } from '../shared/domain/execution-chain';
import { DelinquencyStates } from '../statemachines/delinquency/state-names';
import { EXECUTION_ALREADY_EXISTS } from '../statemachines/delinquency/delinquency.definition';
import { WaitInputSchema } from '../statemachines/delinquency/delinquency.schema';
import type { ExecutionStatusChange } from '../functions/events/execution-status.events';
import { lambdaContext } from './lambda-context';
import { LOCAL_ENVIRONMENT } from './synthesized-app';
import type { TimerQueue } from './timers';

type Handler = (event: unknown, context: Context) => Promise<unknown>;

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

export interface ExecutionRecord {
  name: string;
  status: ExecutionStatus;
  /** The input as Step Functions keeps it (a JSON string): a second start of the name must bring the same. */
  input: string;
  startedAt: string;
  stoppedAt: string | null;
  /** State transitions so far, counted as Step Functions bills them (one per state entered). */
  transitions: number;
  /** History events so far, counted as Step Functions writes them (HISTORY_EVENTS in shared/domain/execution-chain.ts). */
  historyEvents: number;
  /** Every state entered, in order: the execution history tests read. */
  states: string[];
  error?: string;
  cause?: string;
}

export interface LocalExecutionsOptions {
  /** Called with Step Functions' status-change event whenever an execution ends (the local EventBridge delivers it). */
  onStatusChange?: (change: ExecutionStatusChange) => void;
  /** Checks the machine's own StartExecution of a successor (the HandOver state) against the machine's role. */
  authorizeHandOver?: () => Promise<void>;
}

interface ParkedWait {
  execution: string;
  resume: () => void;
  timeOut: () => void;
}

interface Live {
  record: ExecutionRecord;
  abort: () => void;
}

/**
 * The one place the local interpreter differs from Step Functions that matters here: it reads a Task's
 * TimeoutSecondsPath from the input after Parameters, where Step Functions reads the state's own input. The wait's
 * payload carries the same number, so locally the path points there. Nothing else of the definition is touched.
 */
export const adaptForLocalInterpreter = (definition: Record<string, unknown>): Record<string, unknown> => {
  const states = definition.States as Record<string, Record<string, unknown>>;
  const wait = states[DelinquencyStates.WaitForWakeUp];
  if (!wait || wait.TimeoutSecondsPath !== '$.advance.waitSeconds') {
    throw new Error('the synthesized WaitForWakeUp state no longer has the timeout path this runtime adapts');
  }
  return {
    ...definition,
    States: { ...states, [DelinquencyStates.WaitForWakeUp]: { ...wait, TimeoutSecondsPath: '$.Payload.waitSeconds' } },
  };
};

const statesTimeout = () => Object.assign(new Error('the wait reached its timeout'), { name: 'States.Timeout' });

const LOCAL_STATE_MACHINE_ARN = `arn:aws:states:${LOCAL_ENVIRONMENT.region}:${LOCAL_ENVIRONMENT.account}:stateMachine:local-Delinquency`;
const executionArn = (name: string) => `${LOCAL_STATE_MACHINE_ARN.replace(':stateMachine:', ':execution:')}:${name}`;

export class LocalExecutions implements ExecutionStarter, ExecutionWaker {
  private readonly machine: StateMachine;
  private readonly records = new Map<string, ExecutionRecord>();
  private readonly live = new Map<string, Live>();
  /** Executions ended from outside the interpreter (aborted, timed out, out of history). */
  private readonly cutOff = new Set<string>();
  private readonly parked = new Map<string, ParkedWait & { abort: () => void }>();
  /** Executions currently doing work (not parked, not finished): the runtime is idle when there are none. */
  private readonly running = new Set<string>();
  private idleWaiters: (() => void)[] = [];
  private stopping = false;
  /** Lambda invocations by task state, as the deployed functions would count them. */
  readonly invocations: Record<string, number> = {};
  /** Milliseconds the task handlers ran, by task state (the wait task's run, not its parked time). */
  readonly invocationMs: Record<string, number> = {};

  constructor(
    definition: Record<string, unknown>,
    private readonly handlers: { advance: Handler; waitForWakeUp: Handler },
    private readonly clock: Clock,
    private readonly timers: TimerQueue,
    private readonly onError: (name: string, error: unknown) => void,
    private readonly options: LocalExecutionsOptions = {},
  ) {
    this.machine = new StateMachine(adaptForLocalInterpreter(definition) as never, {
      validationOptions: { checkArn: false },
    });
  }

  /**
   * As StartExecution: a new name starts; the name of a running execution with the same input answers that execution
   * ('exists'); the name of an ended execution, or of a running one with another input, is refused.
   */
  async start(name: string, input: { tenantId: string; delinquencyId: string }): Promise<StartOutcome> {
    const serialized = JSON.stringify(input);
    const existing = this.records.get(name);
    if (existing) return existing.status === 'RUNNING' && existing.input === serialized ? 'exists' : 'refused';
    if (!isExecutionName(name)) {
      throw Object.assign(new Error(`invalid execution name "${name}"`), { name: 'InvalidName' });
    }
    const startedAt = this.clock.now();
    const record: ExecutionRecord = {
      name,
      status: 'RUNNING',
      input: serialized,
      startedAt: startedAt.toISOString(),
      stoppedAt: null,
      transitions: 0,
      historyEvents: 0,
      states: [],
    };
    this.records.set(name, record);
    this.busy(name);
    const execution = this.machine.run(input as never, {
      noThrowOnAbort: true,
      overrides: {
        taskResourceLocalHandlers: {
          [DelinquencyStates.Advance]: (stateInput) => {
            this.count(name, HISTORY_EVENTS.lambdaAttempt);
            return this.invoke('Advance', () =>
              this.handlers.advance(this.withStartTime(stateInput, record), lambdaContext('Advance')),
            );
          },
          [DelinquencyStates.WaitForWakeUp]: (stateInput) => {
            this.count(name, HISTORY_EVENTS.waitAttempt);
            return this.park(name, stateInput as { Payload?: unknown });
          },
          [DelinquencyStates.HandOver]: (stateInput) => {
            this.count(name, HISTORY_EVENTS.startExecutionAttempt);
            return this.handOver(stateInput as { Name: string; Input: { tenantId: string; delinquencyId: string } });
          },
        },
        // Retries happen at once: their pauses are real seconds the local clock does not control.
        retryIntervalOverrides: { [DelinquencyStates.Advance]: 0, [DelinquencyStates.HandOver]: 0 },
      },
      context: {
        Execution: { Id: executionArn(name), Name: name },
        StateMachine: { Id: LOCAL_STATE_MACHINE_ARN },
        Task: { Token: 'replaced-per-wait' },
      } as never,
    });
    this.live.set(name, { record, abort: execution.abort });
    this.scheduleTimeout(name, new Date(startedAt.getTime() + STANDARD_EXECUTION_LIMITS.maxDurationMs));
    void (async () => {
      for await (const event of execution.eventLogs) {
        const logged = event as { type: string; state?: { name: string } };
        // Stopped from outside: whatever the interpreter still logs never happened in Step Functions.
        if (this.cutOff.has(name)) break;
        if (logged.type === 'ExecutionStarted' || logged.type === 'StateExited') this.count(name, 1);
        if (logged.type === 'StateEntered' && logged.state) {
          record.transitions += 1;
          record.states.push(logged.state.name);
          this.count(name, 1);
        }
      }
    })().catch((error: unknown) => this.onError(name, error));
    execution.result
      .then(() => this.end(name, 'SUCCEEDED', undefined, undefined, false))
      .catch((error: unknown) => {
        if (record.status !== 'RUNNING') return;
        const failure = error as { name?: string; message?: string; cause?: string };
        this.end(name, 'FAILED', failure.name ?? 'Error', failure.cause ?? failure.message ?? String(error), false);
        this.onError(name, error);
      });
    return 'started';
  }

  /** As StopExecution: a running execution ends ABORTED at once (its parked wait is released); false if it had ended. */
  abort(name: string, cause = 'stopped by an operator'): boolean {
    if (this.records.get(name)?.status !== 'RUNNING') return false;
    this.end(name, 'ABORTED', undefined, cause);
    return true;
  }

  async wake(taskToken: string): Promise<boolean> {
    const wait = this.parked.get(taskToken);
    if (!wait) return false;
    wait.resume();
    return true;
  }

  /** Resolves once every execution is parked or finished. */
  idle(): Promise<void> {
    if (this.running.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Ends every execution (the runtime is stopping): parked waits are released so no timer outlives it. */
  stop(): void {
    this.stopping = true;
    for (const live of [...this.live.values()]) live.abort();
    for (const wait of [...this.parked.values()]) wait.abort();
    this.live.clear();
  }

  list(): ExecutionRecord[] {
    return [...this.records.values()];
  }

  get(name: string): ExecutionRecord | undefined {
    return this.records.get(name);
  }

  /**
   * The interpreter stamps $$.Execution.StartTime with the wall clock; the execution's start on the runtime's clock is
   * what Step Functions would give, so the Advance payload carries that one.
   */
  private withStartTime(stateInput: unknown, record: ExecutionRecord): unknown {
    const payload = stateInput as { execution?: { name: string; startedAt: string } };
    return payload.execution
      ? { ...payload, execution: { ...payload.execution, startedAt: record.startedAt } }
      : stateInput;
  }

  /** The HandOver state's StartExecution: same rules as any start; a taken name fails as Step Functions' error does. */
  private async handOver(request: {
    Name: string;
    Input: { tenantId: string; delinquencyId: string };
  }): Promise<never> {
    await this.options.authorizeHandOver?.();
    const outcome = await this.start(request.Name, request.Input);
    if (outcome === 'refused') {
      throw Object.assign(new Error(`Execution Already Exists: '${executionArn(request.Name)}'`), {
        name: EXECUTION_ALREADY_EXISTS,
      });
    }
    return { ExecutionArn: executionArn(request.Name), StartDate: this.records.get(request.Name)!.startedAt } as never;
  }

  /**
   * Adds history events (the interpreter's log trails the run, so an execution's last states may be counted after it
   * ended); one whose history outgrows Step Functions' limit while running fails as it would there.
   */
  private count(name: string, events: number): void {
    const record = this.records.get(name);
    if (!record || this.cutOff.has(name)) return;
    record.historyEvents += events;
    if (record.status === 'RUNNING' && record.historyEvents > STANDARD_EXECUTION_LIMITS.maxHistoryEvents) {
      this.end(
        name,
        'FAILED',
        'States.Runtime',
        `The execution reached the maximum number of history events (${STANDARD_EXECUTION_LIMITS.maxHistoryEvents}).`,
      );
    }
  }

  /** The year's limit, on the runtime's timer queue (re-armed if a wall-clock queue fires early: setTimeout caps delays). */
  private scheduleTimeout(name: string, deadline: Date): void {
    this.timers.schedule(deadline, `execution ${name} reaches a year`, async () => {
      if (this.records.get(name)?.status !== 'RUNNING') return;
      if (this.clock.now().getTime() < deadline.getTime()) {
        this.scheduleTimeout(name, deadline);
        return;
      }
      this.end(
        name,
        'TIMED_OUT',
        'States.Timeout',
        'The execution reached the maximum duration of a Standard execution (one year).',
      );
      await this.idle();
    });
  }

  /** Ends an execution with a status: its interpreter run and parked wait are released, and its status event raised. */
  private end(
    name: string,
    status: Exclude<ExecutionStatus, 'RUNNING'>,
    error?: string,
    cause?: string,
    stopRun = true,
  ): void {
    const record = this.records.get(name);
    if (!record || record.status !== 'RUNNING') return;
    record.status = status;
    record.stoppedAt = this.clock.now().toISOString();
    record.historyEvents += 1;
    if (error !== undefined) record.error = error;
    if (cause !== undefined) record.cause = cause;
    // A run ended from outside the interpreter (aborted, timed out, out of history) is stopped where it stands.
    if (stopRun) {
      this.cutOff.add(name);
      this.live.get(name)?.abort();
    }
    this.live.delete(name);
    // Its wait is released: no callback can wake it, and the interpreter's own timer for it is cleared.
    for (const wait of [...this.parked.values()]) if (wait.execution === name) wait.abort();
    this.settle(name);
    if (this.stopping) return;
    this.options.onStatusChange?.({
      executionArn: executionArn(name),
      stateMachineArn: LOCAL_STATE_MACHINE_ARN,
      name,
      status,
      startDate: Date.parse(record.startedAt),
      stopDate: Date.parse(record.stoppedAt),
      input: record.input,
    });
  }

  private async invoke(name: string, call: () => Promise<unknown>): Promise<never> {
    this.invocations[name] = (this.invocations[name] ?? 0) + 1;
    const started = performance.now();
    try {
      return (await call()) as never;
    } finally {
      // Wall time of the handler on this machine: what the benchmark turns into Lambda GB-seconds.
      this.invocationMs[name] = (this.invocationMs[name] ?? 0) + (performance.now() - started);
    }
  }

  /** The wait: the real handler parks a fresh token; a virtual timer times it out; `wake` resumes it. */
  private park(execution: string, stateInput: { Payload?: unknown }): Promise<never> {
    const payload = WaitInputSchema.parse({ ...(stateInput.Payload as object), taskToken: 'pending' });
    const token = `local:${payload.delinquencyId}:${randomUUID()}`;
    const wakeAt = new Date(this.clock.now().getTime() + payload.waitSeconds * 1000);
    return new Promise<never>((resolve, reject) => {
      const finish = (outcome: () => void) => {
        if (!this.parked.delete(token)) return;
        this.busy(execution);
        outcome();
      };
      this.parked.set(token, {
        execution,
        resume: () => finish(() => resolve({ woken: true } as never)),
        timeOut: () => finish(() => reject(statesTimeout())),
        abort: () => {
          this.parked.delete(token);
          reject(Object.assign(new Error('the local runtime stopped'), { name: 'States.Runtime' }));
        },
      });
      this.timers.schedule(wakeAt, `wake ${payload.delinquencyId}`, async () => {
        this.parked.get(token)?.timeOut();
        await this.idle();
      });
      this.invoke('WaitForWakeUp', () =>
        this.handlers.waitForWakeUp({ ...payload, taskToken: token }, lambdaContext('WaitForWakeUp')),
      )
        .then(() => {
          if (this.parked.has(token)) this.settle(execution);
        })
        .catch((error: unknown) => {
          this.parked.delete(token);
          reject(error);
        });
    });
  }

  private busy(execution: string): void {
    if (this.records.get(execution)?.status === 'RUNNING') this.running.add(execution);
  }

  private settle(execution: string): void {
    this.running.delete(execution);
    if (this.running.size === 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const waiter of waiters) waiter();
    }
  }
}
