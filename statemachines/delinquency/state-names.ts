// State names of the delinquency state machine, shared by its definition and by the tests that read execution history.
export const DelinquencyStates = {
  Start: 'Start',
  Done: 'Done',
} as const;
