// Runs delinquency executions on one machine: the synthesized definition in the local ASL interpreter, the real task
// handler behind its Wake state (whose task token a schedule on the runtime's timer queue, an event, or the handler
// itself answers), and the limits Step Functions enforces on a Standard execution (a year, 25,000 history events,
// names never reused).
import './polyfills';
import { randomBytes } from 'node:crypto';
import type { StateMachine } from 'aws-local-stepfunctions';
import type { Context } from 'aws-lambda';
import type { ExecutionStarter, ExecutionWaker, StartOutcome, WaitEnder } from '../shared/ports/executions.port';
import type { Clock } from '../shared/ports/clock.port';
import { HISTORY_EVENTS, isExecutionName, STANDARD_EXECUTION_LIMITS } from '../shared/domain/execution-chain';
import { DelinquencyStates } from '../statemachines/delinquency/state-names';
import { EXECUTION_ALREADY_EXISTS } from '../statemachines/delinquency/delinquency.definition';
import type { ExecutionStatusChange } from '../functions/events/execution-status.events';
import { lambdaContext } from './lambda-context';
import { LOCAL_ENVIRONMENT } from './synthesized-app';
import type { TimerQueue } from './timers';
import { validatedMachine } from './validated-machine';

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
  fail: (error: string, cause: string) => void;
  abort: () => void;
}

interface Live {
  record: ExecutionRecord;
  abort: () => void;
}

/**
 * A task token as Step Functions hands one out: an opaque string of several hundred characters up to about 2 KB. Local
 * tokens are 1,000 characters of base64url, so what the case stores and the write units it costs are AWS-sized.
 */
const newTaskToken = (): string => randomBytes(750).toString('base64url');

/** The longest delay a timer of this process holds (setTimeout's limit, 2^31 - 1 ms): about 24.8 days, in seconds. */
const LONGEST_TIMER_SECONDS = Math.floor(2_147_483_647 / 1000);

/**
 * The definition as the interpreter must run it to time tasks out as Step Functions does. A task without TimeoutSeconds
 * has none there (the default is 99,999,999 s, past an execution's year); the interpreter instead gives it 60 s of this
 * machine's own clock. A Wake waits for its token days of virtual time, and whenever that took over a minute of real
 * time (a thousand wakes due at one instant, a busy machine) its attempt was failed with States.Timeout and retried at
 * once: a second invocation and schedule per minute for every waiting case, while the first token stayed parked.
 * Such tasks get the longest timeout a timer holds instead; the execution's year is enforced on the runtime's clock.
 */
const withStepFunctionsTaskTimeouts = (definition: Record<string, unknown>): Record<string, unknown> => {
  const states = definition.States as Record<string, Record<string, unknown>>;
  return {
    ...definition,
    States: Object.fromEntries(
      Object.entries(states).map(([name, state]) => [
        name,
        state.Type === 'Task' && state.TimeoutSeconds === undefined && state.TimeoutSecondsPath === undefined
          ? { ...state, TimeoutSeconds: LONGEST_TIMER_SECONDS }
          : state,
      ]),
    ),
  };
};

const LOCAL_STATE_MACHINE_ARN = `arn:aws:states:${LOCAL_ENVIRONMENT.region}:${LOCAL_ENVIRONMENT.account}:stateMachine:local-Delinquency`;
const executionArn = (name: string) => `${LOCAL_STATE_MACHINE_ARN.replace(':stateMachine:', ':execution:')}:${name}`;

export class LocalExecutions implements ExecutionStarter, ExecutionWaker, WaitEnder {
  private readonly machine: StateMachine;
  private readonly records = new Map<string, ExecutionRecord>();
  private readonly live = new Map<string, Live>();
  /** Executions ended from outside the interpreter (aborted, timed out, out of history). */
  private readonly cutOff = new Set<string>();
  private readonly parked = new Map<string, ParkedWait>();
  /** Executions currently moving between states (not parked, not finished). */
  private readonly running = new Set<string>();
  /** Task handlers still running (one may finish after its token was answered): the runtime is idle with neither. */
  private handlersRunning = 0;
  private idleWaiters: (() => void)[] = [];
  private stopping = false;
  /** Lambda invocations by task state, as the deployed functions would count them. */
  readonly invocations: Record<string, number> = {};
  /** Milliseconds the task handlers ran, by task state (the handler's run, not the time its token waited). */
  readonly invocationMs: Record<string, number> = {};

  constructor(
    definition: Record<string, unknown>,
    private readonly handlers: { wake: Handler },
    private readonly clock: Clock,
    private readonly timers: TimerQueue,
    private readonly onError: (name: string, error: unknown) => void,
    private readonly options: LocalExecutionsOptions = {},
  ) {
    this.machine = validatedMachine(withStepFunctionsTaskTimeouts(definition));
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
          [DelinquencyStates.Wake]: (stateInput) => {
            this.count(name, HISTORY_EVENTS.waitAttempt);
            return this.wait(name, record, stateInput as { Payload?: Record<string, unknown> });
          },
          [DelinquencyStates.HandOver]: (stateInput) => {
            this.count(name, HISTORY_EVENTS.startExecutionAttempt);
            return this.handOver(stateInput as { Name: string; Input: { tenantId: string; delinquencyId: string } });
          },
        },
        // Retries happen at once: their pauses are real seconds the local clock does not control.
        retryIntervalOverrides: { [DelinquencyStates.Wake]: 0, [DelinquencyStates.HandOver]: 0 },
      },
      context: {
        Execution: { Id: executionArn(name), Name: name },
        StateMachine: { Id: LOCAL_STATE_MACHINE_ARN },
        Task: { Token: 'replaced-per-attempt' },
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
      .then(() => this.close(name, 'SUCCEEDED', undefined, undefined, false))
      .catch((error: unknown) => {
        if (record.status !== 'RUNNING') return;
        const failure = error as { name?: string; message?: string; cause?: string };
        this.close(name, 'FAILED', failure.name ?? 'Error', failure.cause ?? failure.message ?? String(error), false);
        this.onError(name, error);
      });
    return 'started';
  }

  /** As StopExecution: a running execution ends ABORTED at once (its parked wait is released); false if it had ended. */
  abort(name: string, cause = 'stopped by an operator'): boolean {
    if (this.records.get(name)?.status !== 'RUNNING') return false;
    this.close(name, 'ABORTED', undefined, cause);
    return true;
  }

  /** As SendTaskSuccess: the wait on the token goes on to its next state; false if that wait is over. */
  async wake(taskToken: string): Promise<boolean> {
    const wait = this.parked.get(taskToken);
    if (!wait) return false;
    wait.resume();
    return true;
  }

  /** As SendTaskFailure: the wait on the token fails with this error and cause; false if that wait is over. */
  async end(taskToken: string, error: string, cause: string): Promise<boolean> {
    const wait = this.parked.get(taskToken);
    if (!wait) return false;
    wait.fail(error, cause);
    return true;
  }

  /** Resolves once every execution is parked or finished and no task handler runs. */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
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
      this.close(
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
      this.close(
        name,
        'TIMED_OUT',
        'States.Timeout',
        'The execution reached the maximum duration of a Standard execution (one year).',
      );
      await this.idle();
    });
  }

  /** Ends an execution with a status: its interpreter run and parked wait are released, and its status event raised. */
  private close(
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

  private async invoke(name: string, call: () => Promise<unknown>): Promise<unknown> {
    this.invocations[name] = (this.invocations[name] ?? 0) + 1;
    this.handlersRunning += 1;
    const started = performance.now();
    try {
      return await call();
    } finally {
      // Wall time of the handler on this machine: what the benchmark turns into Lambda GB-seconds.
      this.invocationMs[name] = (this.invocationMs[name] ?? 0) + (performance.now() - started);
      this.handlersRunning -= 1;
      this.notifyIdle();
    }
  }

  /**
   * The Wake state (lambda:invoke.waitForTaskToken): a fresh token per attempt, the real handler invoked with it, and
   * the state's outcome whatever answers the token first: wake (a schedule, an event), end (the handler's named
   * failure), or the handler's own error. The interpreter stamps $$.Execution.StartTime with the wall clock; the
   * payload carries the execution's start on the runtime's clock, as Step Functions would.
   */
  private wait(
    execution: string,
    record: ExecutionRecord,
    stateInput: { Payload?: Record<string, unknown> },
  ): Promise<never> {
    // An execution that has ended (aborted, timed out, out of history, the runtime stopping) runs nothing more: the
    // interpreter retries a task its abort interrupted, and that retry must not invoke the function again.
    if (record.status !== 'RUNNING' || this.stopping) {
      return Promise.reject(Object.assign(new Error('the execution has ended'), { name: 'States.Runtime' }));
    }
    // A new attempt ends whatever earlier attempt of this execution still holds a token: Step Functions refuses the
    // token of an attempt that is over, so a schedule still carrying one can neither resume this execution a second
    // time nor mark it busy (which kept the runtime from ever being idle, and the timer queue from moving on).
    for (const [earlier, parked] of this.parked) if (parked.execution === execution) this.parked.delete(earlier);
    const token = newTaskToken();
    const payload = {
      ...stateInput.Payload,
      execution: { name: execution, startedAt: record.startedAt },
      taskToken: token,
    };
    return new Promise<never>((resolve, reject) => {
      const finish = (outcome: () => void) => {
        if (!this.parked.delete(token)) return;
        this.busy(execution);
        outcome();
      };
      this.parked.set(token, {
        execution,
        resume: () => finish(() => resolve({ woken: true } as never)),
        fail: (error, cause) => finish(() => reject(Object.assign(new Error(cause), { name: error }))),
        abort: () => {
          this.parked.delete(token);
          reject(Object.assign(new Error('the local runtime stopped'), { name: 'States.Runtime' }));
        },
      });
      this.invoke(DelinquencyStates.Wake, () => this.handlers.wake(payload, lambdaContext(DelinquencyStates.Wake)))
        .then(() => {
          // Its token still waits: the execution is parked until a schedule or an event answers it.
          if (this.parked.get(token)) this.settle(execution);
        })
        .catch((error: unknown) => finish(() => reject(error)));
    });
  }

  private busy(execution: string): void {
    if (this.records.get(execution)?.status === 'RUNNING') this.running.add(execution);
  }

  private settle(execution: string): void {
    this.running.delete(execution);
    this.notifyIdle();
  }

  private isIdle(): boolean {
    return this.running.size === 0 && this.handlersRunning === 0;
  }

  private notifyIdle(): void {
    if (!this.isIdle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const waiter of waiters) waiter();
  }
}
