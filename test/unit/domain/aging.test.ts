// Aging bucket edges (RULES-REFERENCE §5.6 table, days past due as of 2025-03-31) and aging of amounts by due date.
import { ageAmounts, agingBucket, agingBucketOn, daysPastDue } from '../../../shared/domain/aging';

describe('aging buckets by days past due', () => {
  it.each([
    ['2025-04-15', -15, 'current'],
    ['2025-03-31', 0, 'current'],
    ['2025-03-30', 1, '1-30'],
    ['2025-03-01', 30, '1-30'],
    ['2025-02-28', 31, '31-60'],
    ['2025-01-30', 60, '31-60'],
    ['2025-01-29', 61, '61-90'],
    ['2024-12-31', 90, '61-90'],
    ['2024-12-30', 91, '91+'],
  ])('due %s is %i days past due on 2025-03-31: %s', (dueDate, dpd, bucket) => {
    expect(daysPastDue(dueDate, '2025-03-31')).toBe(dpd);
    expect(agingBucket(dpd)).toBe(bucket);
    expect(agingBucketOn('2025-03-31')(dueDate)).toBe(bucket);
  });

  it('counts leap days: due 2024-02-28 is 31 days past due on 2024-03-30', () => {
    expect(daysPastDue('2024-02-28', '2024-03-30')).toBe(31);
    expect(agingBucketOn('2024-03-30')('2024-02-28')).toBe('31-60');
    expect(agingBucketOn('2024-03-30')('2024-02-29')).toBe('1-30');
  });

  it('buckets by date edges exactly as by days past due, every day of two years', () => {
    const bucketOf = agingBucketOn('2025-03-31');
    for (let dpd = -200; dpd <= 500; dpd += 1) {
      const dueDate = new Date(Date.UTC(2025, 2, 31 - dpd)).toISOString().slice(0, 10);
      expect(bucketOf(dueDate)).toBe(agingBucket(dpd));
    }
  });

  it('ages open amounts by due date into the five columns and a total, in whole minor units', () => {
    const row = ageAmounts(
      [
        ['2025-04-15', 1_000],
        ['2025-03-31', 2_000],
        ['2025-03-01', 300],
        ['2025-02-28', 40],
        ['2024-12-31', 5],
        ['2024-12-30', 7],
        ['2024-01-01', 0],
      ],
      '2025-03-31',
    );
    expect(row).toEqual({ current: 3_000, '1-30': 300, '31-60': 40, '61-90': 5, '91+': 7, total: 3_352 });
  });
});
