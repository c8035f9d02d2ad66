// Starting, waking and ending the waits of the per-delinquency executions (Step Functions when deployed, the local
// interpreter on one machine).

/**
 * What a start came to, as Step Functions answers StartExecution: 'started' a new execution; 'exists' when one of that
 * name is running with the same input (the service answers it as a success, so a repeated start is harmless);
 * 'refused' when the name belongs to an execution that has ended (names are never reused) or runs with another input
 * (ExecutionAlreadyExists): nothing runs under that name, and the caller must not take it for running.
 */
export type StartOutcome = 'started' | 'exists' | 'refused';

export interface ExecutionStarter {
  start(name: string, input: { tenantId: string; delinquencyId: string }): Promise<StartOutcome>;
}

export interface ExecutionWaker {
  /** Wakes the execution waiting on `taskToken`; false when that wait is already over. */
  wake(taskToken: string): Promise<boolean>;
}

export interface WaitEnder {
  /**
   * Ends the wait on `taskToken` with a named error the state machine catches (SendTaskFailure): how the Wake task says
   * the case is closed or hands over. False when that wait is already over.
   */
  end(taskToken: string, error: string, cause: string): Promise<boolean>;
}
