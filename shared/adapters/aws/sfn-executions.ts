// Step Functions adapter: one Standard execution per delinquency, started at a paced rate under the account's quota
// (with backoff if throttled anyway); waits woken by token.
import { SendTaskSuccessCommand, StartExecutionCommand, type SFNClient } from '@aws-sdk/client-sfn';
import type { ExecutionStarter, ExecutionWaker } from '../../ports/executions.port';
import { realPacerTime, type PacerTime, type StartPacer } from './start-pacer';

const THROTTLED = new Set(['ThrottlingException', 'TooManyRequestsException', 'RequestLimitExceeded']);

export interface SfnExecutionsOptions {
  /** Attempts per start before a throttle is given up on (the run then fails and its schedule retries it). */
  maxAttempts?: number;
  /** Paces starts under the StartExecution quota; without one, throttles are met by backoff alone. */
  pacer?: StartPacer;
  time?: PacerTime;
  random?: () => number;
}

export class SfnExecutions implements ExecutionStarter, ExecutionWaker {
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

  async start(name: string, input: { tenantId: string; delinquencyId: string }): Promise<'started' | 'exists'> {
    if (!this.stateMachineArn) throw new Error('this function was not given the state machine to start executions of');
    for (let attempt = 0; ; attempt += 1) {
      await this.options.pacer?.take();
      try {
        await this.client.send(new StartExecutionCommand({ stateMachineArn: this.stateMachineArn, name, input: JSON.stringify(input) }));
        return 'started';
      } catch (error) {
        const errorName = (error as Error).name;
        if (errorName === 'ExecutionAlreadyExists') return 'exists';
        if (!THROTTLED.has(errorName) || attempt + 1 >= this.maxAttempts) throw error;
        this.throttled += 1;
        this.options.pacer?.drain();
        // Exponential backoff with full jitter, capped at 5 s.
        await this.time.sleep(this.random() * Math.min(5_000, 50 * 2 ** attempt));
      }
    }
  }

  async wake(taskToken: string): Promise<boolean> {
    try {
      await this.client.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify({ woken: true }) }));
      return true;
    } catch (error) {
      const name = (error as Error).name;
      if (name === 'TaskTimedOut' || name === 'InvalidToken' || name === 'TaskDoesNotExist') return false;
      throw error;
    }
  }
}
