// The timer of a delinquency's wait: a one-time schedule that hands the wait's task token back at the next action time
// (EventBridge Scheduler when deployed, the local timer queue on one machine).

export interface WakeSchedules {
  /**
   * Hands `taskToken` back once, at `at`. Nothing cancels it: when an event woke the case first, the token is spent and
   * the late hand-back is refused by Step Functions, which changes nothing.
   */
  wakeAt(taskToken: string, at: Date): Promise<void>;
}
