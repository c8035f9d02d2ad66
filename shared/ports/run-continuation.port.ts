// How a reminder run that ran out of time hands the rest to its next turn (an EventBridge event when deployed, the
// timer queue locally).

export interface RunTurnRef {
  /** Names the run across its turns: the lease is held in this name. */
  runId: string;
  /** 0 for the scheduled firing, then 1, 2, ... for each continuation. */
  turn: number;
}

export interface RunContinuation {
  continueRun(next: RunTurnRef): Promise<void>;
}
