// Step Functions adapter: one Standard execution per delinquency, started with backoff under throttling; waits woken by token.
import { SendTaskSuccessCommand, StartExecutionCommand, type SFNClient } from '@aws-sdk/client-sfn';
import type { ExecutionStarter, ExecutionWaker } from '../../ports/executions.port';

const THROTTLED = new Set(['ThrottlingException', 'TooManyRequestsException', 'RequestLimitExceeded']);
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class SfnExecutions implements ExecutionStarter, ExecutionWaker {
  constructor(
    private readonly client: SFNClient,
    private readonly stateMachineArn: string | undefined,
    private readonly maxAttempts = 10,
  ) {}

  async start(name: string, input: { tenantId: string; delinquencyId: string }): Promise<'started' | 'exists'> {
    if (!this.stateMachineArn) throw new Error('this function was not given the state machine to start executions of');
    for (let attempt = 0; ; attempt += 1) {
      try {
        await this.client.send(new StartExecutionCommand({ stateMachineArn: this.stateMachineArn, name, input: JSON.stringify(input) }));
        return 'started';
      } catch (error) {
        const name_ = (error as Error).name;
        if (name_ === 'ExecutionAlreadyExists') return 'exists';
        if (!THROTTLED.has(name_) || attempt + 1 >= this.maxAttempts) throw error;
        // The start quota refills at a steady rate: back off exponentially with full jitter, capped at 5 s.
        await pause(Math.random() * Math.min(5_000, 50 * 2 ** attempt));
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
