// The EventBridge schedules, described once: the CDK stack deploys them and the local runtime fires them on its clock.

export interface ScheduleSpec {
  id: string;
  /** File in functions/schedules that handles it. */
  handler: string;
  description: string;
  /** Fires at this minute of every hour, UTC (cron(M * * * ? *)). */
  minuteOfHour: number;
}

export const REMINDER_RUN: ScheduleSpec = {
  id: 'ReminderRun',
  handler: 'reminder-run.handler.ts',
  description: 'Hourly run that finds what is due and overdue and starts escalations',
  minuteOfHour: 0,
};

/** The next instant strictly after `after` at which an hourly schedule fires. */
export const nextHourlyFiring = (spec: ScheduleSpec, after: Date): Date => {
  const next = new Date(after.getTime());
  next.setUTCMilliseconds(0);
  next.setUTCSeconds(0);
  next.setUTCMinutes(spec.minuteOfHour);
  if (next.getTime() <= after.getTime()) next.setUTCHours(next.getUTCHours() + 1);
  return next;
};

/** How long one turn of the run may last: the function's timeout, with a margin to finish what is in flight. */
export const REMINDER_RUN_TIMEOUT_MS = 15 * 60_000;
export const REMINDER_RUN_STOP_MARGIN_MS = 90_000;
