// State names of the delinquency state machine, shared by its definition, the local runtime and the tests.
export const DelinquencyStates = {
  /** Re-derives the stage from facts and acts on what is due. */
  Advance: 'Advance',
  IsSettled: 'IsSettled',
  /** Sleeps until the next action time, or until an event (payment, promise, dispute) wakes it through its task token. */
  WaitForWakeUp: 'WaitForWakeUp',
  Done: 'Done',
  /** Starts the next execution of the chain (before a year or the history limit) with the same input. */
  HandOver: 'HandOver',
  /** This execution's part is over: its successor goes on. */
  HandedOver: 'HandedOver',
  Failed: 'Failed',
} as const;
