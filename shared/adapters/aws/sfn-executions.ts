// Step Functions adapter: the delinquencies' Standard executions, started at a paced rate under the account's quota
// (with backoff if throttled anyway); waits woken or ended by token.
import {
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
  type SFNClient,
} from '@aws-sdk/client-sfn';
import type { ExecutionStarter, ExecutionWaker, StartOutcome, WaitEnder } from '../../ports/executions.port';
import { realPacerTime, type PacerTime, type StartPacer } from './start-pacer';

const THROTTLED = new Set(['ThrottlingException', 'TooManyRequestsException', 'RequestLimitExceeded']);

/**
 * StartExecution answers a repeated start of a running execution (same name, same input) with that execution's ARN and
 * its original start date, as a success: a start date this much older than the request was not this request's start.
 */
const REPEATED_START_MARGIN_MS = 60_000;

export interface SfnExecutionsOptions {
  /** Attempts per start before a throttle is given up on (the run then fails and its schedule retries it). */
  maxAttempts?: number;
  /** Paces starts under the StartExecution quota; without one, throttles are met by backoff alone. */
  pacer?: StartPacer;
  time?: PacerTime;
  random?: () => number;
}

export class SfnExecutions implements ExecutionStarter, ExecutionWaker, WaitEnder {
  private readonly maxAttempts: number;
  private readonly time: PacerTime;
  private readonly random: () => number;
  /** Starts that were throttled (each retried after a backoff): the benchmark reads it. */
  throttled = 0;

  constructor(
    private readonly client: Pick<SFNClient, 'send'>,
    private readonly stateMachineArn: string | undefined,
    private readonly options: SfnExecutionsOptions = {},
  ) {
    this.maxAttempts = options.maxAttempts ?? 10;
    this.time = options.time ?? realPacerTime;
    this.random = options.random ?? Math.random;
  }

  async start(name: string, input: { tenantId: string; delinquencyId: string }): Promise<StartOutcome> {
    if (!this.stateMachineArn) throw new Error('this function was not given the state machine to start executions of');
    for (let attempt = 0; ; attempt += 1) {
      await this.options.pacer?.take();
      const requestedAt = this.time.now();
      try {
        const started = await this.client.send(
          new StartExecutionCommand({ stateMachineArn: this.stateMachineArn, name, input: JSON.stringify(input) }),
        );
        return started.startDate && started.startDate.getTime() < requestedAt - REPEATED_START_MARGIN_MS
          ? 'exists'
          : 'started';
      } catch (error) {
        const errorName = (error as Error).name;
        // The name is taken by an ended execution (or one with another input): nothing runs under it.
        if (errorName === 'ExecutionAlreadyExists') return 'refused';
        if (!THROTTLED.has(errorName) || attempt + 1 >= this.maxAttempts) throw error;
        this.throttled += 1;
        this.options.pacer?.drain();
        // Exponential backoff with full jitter, capped at 5 s.
        await this.time.sleep(this.random() * Math.min(5_000, 50 * 2 ** attempt));
      }
    }
  }

  wake(taskToken: string): Promise<boolean> {
    return answered(
      this.client.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify({ woken: true }) })),
    );
  }

  end(taskToken: string, error: string, cause: string): Promise<boolean> {
    return answered(this.client.send(new SendTaskFailureCommand({ taskToken, error, cause })));
  }
}

/** True once Step Functions took the answer; false when the wait was already over (answered, timed out, ended). */
const answered = async (sent: Promise<unknown>): Promise<boolean> => {
  try {
    await sent;
    return true;
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'TaskTimedOut' || name === 'InvalidToken' || name === 'TaskDoesNotExist') return false;
    throw error;
  }
};
