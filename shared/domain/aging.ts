// Receivables aging: which bucket an open amount falls in on a given day, counted in days past its due date.
import { addDays, daysBetween } from './calendar';

/** The aging columns of DESIGN §4, by days past due; `current` is not yet due or due that very day. */
export const AGING_BUCKETS = ['current', '1-30', '31-60', '61-90', '91+'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

export type AgingRow = Record<AgingBucket | 'total', number>;

/** Days past due on `asOf` of something due on `dueDate`: negative before it, 0 on the day itself. */
export const daysPastDue = (dueDate: string, asOf: string): number => daysBetween(dueDate, asOf);

/** The bucket of an amount that is `dpd` days past due: 0 and below is current, 1-30, 31-60, 61-90, then 91 and over. */
export const agingBucket = (dpd: number): AgingBucket => {
  if (dpd <= 0) return 'current';
  if (dpd <= 30) return '1-30';
  if (dpd <= 60) return '31-60';
  if (dpd <= 90) return '61-90';
  return '91+';
};

export const emptyAgingRow = (): AgingRow => ({ current: 0, '1-30': 0, '31-60': 0, '61-90': 0, '91+': 0, total: 0 });

/**
 * The bucket of a due date as of `asOf`, by comparing dates with the bucket edges (due on or after `asOf` is current,
 * on or after `asOf` − 30 is 1-30, …): the same as `agingBucket(daysPastDue(…))`, without date arithmetic per amount.
 */
export const agingBucketOn = (asOf: string): ((dueDate: string) => AgingBucket) => {
  const [current, upTo30, upTo60, upTo90] = [asOf, addDays(asOf, -30), addDays(asOf, -60), addDays(asOf, -90)];
  return (dueDate) =>
    dueDate >= current
      ? 'current'
      : dueDate >= upTo30
        ? '1-30'
        : dueDate >= upTo60
          ? '31-60'
          : dueDate >= upTo90
            ? '61-90'
            : '91+';
};

/** Open amounts by due date, aged as of `asOf` (integer minor units in, integer minor units out). */
export const ageAmounts = (
  openByDueDate: Iterable<readonly [dueDate: string, amount: number]>,
  asOf: string,
): AgingRow => {
  const row = emptyAgingRow();
  const bucketOf = agingBucketOn(asOf);
  for (const [dueDate, amount] of openByDueDate) {
    if (amount === 0) continue;
    row[bucketOf(dueDate)] += amount;
    row.total += amount;
  }
  return row;
};
