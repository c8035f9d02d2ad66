// A delinquency's escalation runs as a chain of Step Functions executions: Standard executions live at most a year and
// hold at most 25,000 history events, so a long case hands over to a successor before either limit. Names, limits and
// the hand-over rule live here (pure, no AWS).

/** Step Functions' own limits for a Standard execution. */
export const STANDARD_EXECUTION_LIMITS = {
  /** An execution still running one year after its start ends as TIMED_OUT. */
  maxDurationMs: 365 * 24 * 3600 * 1000,
  /** An execution whose history would grow past this many events fails (States.Runtime). */
  maxHistoryEvents: 25_000,
  /** Execution names: letters, digits, '-', '_' and '.', at most 80 characters. */
  maxNameLength: 80,
} as const;

/**
 * History events a Standard execution writes, by what happens (the model the local runtime counts and the hand-over
 * budget is derived from): the execution's start and end one each; a state is entered and exited (2); a task-token
 * wait is scheduled, started, submitted and then succeeds or fails (4 per attempt, whoever answers its token: a
 * schedule, an event, or its own function ending it); a Step Functions start is scheduled, started and succeeds or
 * fails (3 per attempt).
 */
export const HISTORY_EVENTS = {
  execution: 2,
  state: 2,
  waitAttempt: 4,
  startExecutionAttempt: 3,
} as const;

/** Attempts a task makes at most (one plus the definition's six retries). */
const MAX_TASK_ATTEMPTS = 7;

/** The most one wake (the Wake state) can write if it used every retry: 2 + 7 x 4 = 30. A typical wake writes 6. */
export const MAX_EVENTS_PER_PASS = HISTORY_EVENTS.state + MAX_TASK_ATTEMPTS * HISTORY_EVENTS.waitAttempt;

/** What the hand-over itself writes at most: the last wake, the start with its retries, HandedOver, the end. */
const HAND_OVER_EVENTS =
  MAX_EVENTS_PER_PASS +
  HISTORY_EVENTS.state +
  MAX_TASK_ATTEMPTS * HISTORY_EVENTS.startExecutionAttempt +
  HISTORY_EVENTS.state +
  HISTORY_EVENTS.execution;

/** Passes after which an execution hands over, so that even a history of worst-case passes stays under the limit (831). */
export const HAND_OVER_AFTER_PASSES = Math.floor(
  (STANDARD_EXECUTION_LIMITS.maxHistoryEvents - HAND_OVER_EVENTS) / MAX_EVENTS_PER_PASS,
);

/**
 * Age after which an execution hands over. No wait outlasts it (a case with nothing due wakes at this age to hand
 * over), so its last pass and every retry end well inside the year.
 */
export const HAND_OVER_AFTER_MS = 350 * 24 * 3600 * 1000;

/** When an execution started at `startedAt` must wake at the latest, to hand over in time. */
export const handOverDue = (startedAt: string): Date => new Date(Date.parse(startedAt) + HAND_OVER_AFTER_MS);

/** True when Step Functions accepts `name` for an execution: letters, digits, - _ . only, at most 80 characters. */
export const isExecutionName = (name: string): boolean =>
  name.length <= STANDARD_EXECUTION_LIMITS.maxNameLength && /^[A-Za-z0-9_.-]+$/.test(name);

/** The chain's n-th execution: the delinquency's id, then "<id>.2", "<id>.3", ... */
export const executionName = (delinquencyId: string, generation: number): string => {
  const name = generation <= 1 ? delinquencyId : `${delinquencyId}.${generation}`;
  if (!isExecutionName(name)) {
    throw new Error(
      `"${name}" cannot name a Step Functions execution (letters, digits, - _ . only, at most 80 characters)`,
    );
  }
  return name;
};

/** The generation a name of the chain stands for; null for other names (a reopened case's "<id>-r1", a manual start). */
export const generationOf = (delinquencyId: string, name: string): number | null => {
  if (name === delinquencyId) return 1;
  if (!name.startsWith(`${delinquencyId}.`)) return null;
  const suffix = name.slice(delinquencyId.length + 1);
  return /^[1-9][0-9]*$/.test(suffix) ? Number(suffix) : null;
};

/**
 * Where an execution's name stands against the one recorded on the case: its generation (a name outside the chain's
 * pattern comes right after the recorded one) and whether a newer execution of the chain is recorded already.
 */
export const placeInChain = (
  delinquencyId: string,
  name: string,
  recorded: { name: string; generation: number } | null,
): { generation: number; superseded: boolean } => {
  if (recorded?.name === name) return { generation: recorded.generation, superseded: false };
  const generation = generationOf(delinquencyId, name) ?? (recorded?.generation ?? 0) + 1;
  return { generation, superseded: recorded !== null && generation <= recorded.generation };
};

/** True when an execution of this age and this many passes must continue in a successor instead of waiting again. */
export const mustHandOver = (execution: { startedAt: string; passes: number }, now: Date): boolean =>
  execution.passes >= HAND_OVER_AFTER_PASSES || now.getTime() - Date.parse(execution.startedAt) >= HAND_OVER_AFTER_MS;
