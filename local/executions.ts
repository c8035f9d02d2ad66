// Runs delinquency executions on one machine: the synthesized definition in the local ASL interpreter, the real task
// handlers behind its Task states, and every wait parked on the runtime's timer queue so a virtual clock can drive it.
import './polyfills';
import { randomUUID } from 'node:crypto';
import { StateMachine } from 'aws-local-stepfunctions';
import type { Context } from 'aws-lambda';
import type { ExecutionStarter, ExecutionWaker } from '../shared/ports/executions.port';
import type { Clock } from '../shared/ports/clock.port';
import { DelinquencyStates } from '../statemachines/delinquency/state-names';
import { WaitInputSchema } from '../statemachines/delinquency/delinquency.schema';
import { lambdaContext } from './lambda-context';
import type { TimerQueue } from './timers';

type Handler = (event: unknown, context: Context) => Promise<unknown>;

export interface ExecutionRecord {
  name: string;
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED';
  startedAt: string;
  stoppedAt: string | null;
  /** State transitions so far, counted as Step Functions bills them (one per state entered). */
  transitions: number;
  /** Every state entered, in order: the execution history tests read. */
  states: string[];
  error?: string;
}

interface ParkedWait {
  resume: () => void;
  timeOut: () => void;
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
  return { ...definition, States: { ...states, [DelinquencyStates.WaitForWakeUp]: { ...wait, TimeoutSecondsPath: '$.Payload.waitSeconds' } } };
};

const statesTimeout = () => Object.assign(new Error('the wait reached its timeout'), { name: 'States.Timeout' });

export class LocalExecutions implements ExecutionStarter, ExecutionWaker {
  private readonly machine: StateMachine;
  private readonly records = new Map<string, ExecutionRecord>();
  private readonly parked = new Map<string, ParkedWait & { abort: () => void }>();
  private readonly aborts = new Set<() => void>();
  /** Executions currently doing work (not parked, not finished): the runtime is idle when there are none. */
  private readonly running = new Set<string>();
  private idleWaiters: (() => void)[] = [];
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
  ) {
    this.machine = new StateMachine(adaptForLocalInterpreter(definition) as never, { validationOptions: { checkArn: false } });
  }

  async start(name: string, input: { tenantId: string; delinquencyId: string }): Promise<'started' | 'exists'> {
    if (this.records.has(name)) return 'exists';
    const record: ExecutionRecord = { name, status: 'RUNNING', startedAt: this.clock.now().toISOString(), stoppedAt: null, transitions: 0, states: [] };
    this.records.set(name, record);
    this.busy(name);
    const execution = this.machine.run(input as never, {
      noThrowOnAbort: true,
      overrides: {
        taskResourceLocalHandlers: {
          [DelinquencyStates.Advance]: (stateInput) => this.invoke('Advance', () => this.handlers.advance(stateInput, lambdaContext('Advance'))),
          [DelinquencyStates.WaitForWakeUp]: (stateInput) => this.park(name, stateInput as { Payload?: unknown }),
        },
        // Retries happen at once: their pauses are real seconds the local clock does not control.
        retryIntervalOverrides: { [DelinquencyStates.Advance]: 0 },
      },
      context: { Task: { Token: 'replaced-per-wait' } } as never,
    });
    this.aborts.add(execution.abort);
    void (async () => {
      for await (const event of execution.eventLogs) {
        const entered = event as { type: string; state?: { name: string } };
        if (entered.type === 'StateEntered' && entered.state) {
          record.transitions += 1;
          record.states.push(entered.state.name);
        }
      }
    })().catch((error: unknown) => this.onError(name, error));
    execution.result
      .then(() => {
        record.status = 'SUCCEEDED';
      })
      .catch((error: unknown) => {
        record.status = 'FAILED';
        record.error = error instanceof Error ? error.message : String(error);
        this.onError(name, error);
      })
      .finally(() => {
        this.aborts.delete(execution.abort);
        record.stoppedAt = this.clock.now().toISOString();
        this.settle(name);
      });
    return 'started';
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
    for (const abort of [...this.aborts]) abort();
    for (const wait of [...this.parked.values()]) wait.abort();
  }

  list(): ExecutionRecord[] {
    return [...this.records.values()];
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
      this.invoke('WaitForWakeUp', () => this.handlers.waitForWakeUp({ ...payload, taskToken: token }, lambdaContext('WaitForWakeUp')))
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
    this.running.add(execution);
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
