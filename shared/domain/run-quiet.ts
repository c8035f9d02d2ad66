// When the hourly run may pass an invoice that is not overdue yet without reading its customer or its claims: before
// the first moment, in any time zone, that a pre-due reminder not yet settled can fall due or its due date can end.
import { addDays } from './calendar';
import { sendHourMinute } from './ladder';
import type { Step } from '../schemas/strategy.schema';

/** The easternmost offset a time zone has (UTC+14, the Line Islands): every local date and hour begins there first. */
const EASTERNMOST_OFFSET_MS = 14 * 3_600_000;

/** The UTC instant a local date and time of day is reached first, whatever the zone. */
const reachedFirst = (date: string, hour: number, minute: number): number => {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day, hour, minute) - EASTERNMOST_OFFSET_MS;
};

/**
 * The earliest moment the run can have something to do for an invoice not yet in collection: a pre-due reminder of
 * any of the tenant's strategies, not in `preDueDone`, reaching the tenant's send time on its day, or the day after
 * the due date beginning (overdue). Zone-free, so a customer who moves zones, or a strategy that changes, can only
 * make it earlier than the truth, never later.
 */
export const runQuietUntil = (
  invoice: { dueDate: string; preDueDone?: readonly string[] | undefined },
  preDueSteps: readonly Pick<Step, 'id' | 'offsetDays'>[],
  sendTime: string,
): Date => {
  const [hour, minute] = sendHourMinute(sendTime);
  const done = new Set(invoice.preDueDone ?? []);
  const moments = preDueSteps
    .filter((step) => !done.has(step.id))
    .map((step) => reachedFirst(addDays(invoice.dueDate, step.offsetDays), hour, minute));
  return new Date(Math.min(reachedFirst(addDays(invoice.dueDate, 1), 0, 0), ...moments));
};
