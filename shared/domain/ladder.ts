// Where a debt stands on its ladder, derived from facts alone: which steps are due now, which to skip, what comes next.
import { addDays, zonedInstant } from './calendar';
import { nextAllowedAtTimeOfDay, REGULATION_F_HOURS, type ContactHours } from './contact-window';
import type { Step } from '../schemas/strategy.schema';

export interface ScheduledStep {
  step: Step;
  /** The nominal moment: the customer's local date dueDate + offsetDays at the tenant's send time. */
  fireAt: Date;
}

/** Steps on or before the due date are reminders the scheduled run sends; later ones belong to the delinquency. */
export const isPreDue = (step: Step): boolean => step.offsetDays <= 0;

/** The tenant's send time ("HH:MM", validated on the tenant) as hour and minute. */
export const sendHourMinute = (sendTime: string): [number, number] => {
  const [hour = 9, minute = 0] = sendTime.split(':').map(Number);
  return [hour, minute];
};

/**
 * Where a step the contact window holds back goes: the tenant's send time on the first local day the window opens
 * again, or the window's next allowed moment when the send time itself is outside the window or already past. The
 * window is the law's unless the contact policy passes the tenant's narrower one.
 */
export const deferredSendAt = (
  from: Date,
  zone: string,
  sendTime: string,
  hours: ContactHours = REGULATION_F_HOURS,
): Date | null => {
  const [hour, minute] = sendHourMinute(sendTime);
  return nextAllowedAtTimeOfDay(from, [zone], hour * 60 + minute, hours);
};

export const scheduleSteps = (
  steps: readonly Step[],
  dueDate: string,
  zone: string,
  sendTime: string,
): ScheduledStep[] => {
  const [hour, minute] = sendHourMinute(sendTime);
  return steps.map((step) => ({ step, fireAt: zonedInstant(addDays(dueDate, step.offsetDays), zone, hour, minute) }));
};

export interface LadderPosition {
  /** Due now and to be acted on: the most advanced due step(s); several only when they share one offset. */
  act: ScheduledStep[];
  /** Due but overtaken by a more advanced step (or by one already done): recorded as skipped, never sent or charged. */
  skip: ScheduledStep[];
  /** The first step still in the future, if any. */
  next: ScheduledStep | null;
}

/**
 * Rule 1 of the design: a wake-up at any time, however late or repeated, re-derives the position from the schedule and
 * what is already done (sent, charged or skipped), so it never repeats a step and never sends more than the most
 * advanced one that fell due.
 */
export const ladderPosition = (
  schedule: readonly ScheduledStep[],
  done: ReadonlySet<string>,
  now: Date,
): LadderPosition => {
  const highestDone = Math.max(
    -Infinity,
    ...schedule.filter((entry) => done.has(entry.step.id)).map((entry) => entry.step.offsetDays),
  );
  const open = schedule.filter((entry) => !done.has(entry.step.id));
  const due = open.filter((entry) => entry.fireAt.getTime() <= now.getTime());
  const mostAdvanced = Math.max(-Infinity, ...due.map((entry) => entry.step.offsetDays));
  const act = due.filter((entry) => entry.step.offsetDays === mostAdvanced && entry.step.offsetDays >= highestDone);
  const skip = due.filter((entry) => !act.includes(entry));
  const next = open.find((entry) => entry.fireAt.getTime() > now.getTime()) ?? null;
  return { act, skip, next };
};
