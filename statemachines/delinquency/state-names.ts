// State names and end signals of the delinquency state machine, shared by its definition, its task, the local runtime and the tests.
export const DelinquencyStates = {
  /**
   * One wake of the case: its function re-derives the stage from facts, acts on what is due and saves the case with
   * this state's task token; a schedule at the next action time or an event hands the token back, and the state runs
   * again. The end comes through the token too (see WakeEnds).
   */
  Wake: 'Wake',
  Done: 'Done',
  /** Starts the next execution of the chain (before a year or the history limit) with the same input. */
  HandOver: 'HandOver',
  /** This execution's part is over: its successor goes on. */
  HandedOver: 'HandedOver',
  Failed: 'Failed',
} as const;

/** The errors the Wake function fails its own task token with to end the loop: caught, never retried. */
export const WakeEnds = {
  /** Nothing is left to do (resolved, handed off, written off, the ladder over): the execution succeeds. */
  CaseClosed: 'Arrears.CaseClosed',
  /** A newer execution of the chain escalates the case: this one succeeds without acting. */
  Superseded: 'Arrears.Superseded',
  /** The execution nears a Standard execution's limits: its cause is the successor's name, which HandOver starts. */
  HandOver: 'Arrears.HandOver',
} as const;
