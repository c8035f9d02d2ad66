// Starting and waking the per-delinquency executions (Step Functions when deployed, the local interpreter on one machine).

export interface ExecutionStarter {
  /** Starts the execution named `name`; 'exists' when one of that name already ran or runs (a duplicate start is success). */
  start(name: string, input: { tenantId: string; delinquencyId: string }): Promise<'started' | 'exists'>;
}

export interface ExecutionWaker {
  /** Wakes the execution waiting on `taskToken`; false when that wait is already over. */
  wake(taskToken: string): Promise<boolean>;
}
