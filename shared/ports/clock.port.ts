// The one source of "now": the deployed system reads the wall clock, the local runtime can read a virtual one.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
