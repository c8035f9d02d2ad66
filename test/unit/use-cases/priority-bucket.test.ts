// The stored work-queue priority: buckets, so a re-score that barely moves a case leaves its index keys alone.
import { bucketPriority, PRIORITY_BUCKET } from '../../../shared/use-cases/scoring';

describe('stored priority', () => {
  it('stores a new case at the bottom of its bucket, keeping the order of cases a bucket or more apart', () => {
    expect(bucketPriority(387)).toBe(380);
    expect(bucketPriority(400)).toBe(400);
    expect(bucketPriority(0)).toBe(0);
    expect(bucketPriority(455)).toBeGreaterThan(bucketPriority(455 - PRIORITY_BUCKET));
  });

  it('keeps a ranked case in its bucket while it moves within half a bucket of it, and moves it beyond', () => {
    // A step coming near and passing puts a case just over a boundary and back, pass after pass: it stays.
    expect(bucketPriority(385, 380)).toBe(380);
    expect(bucketPriority(394, 380)).toBe(380);
    expect(bucketPriority(376, 380)).toBe(380);
    expect(bucketPriority(395, 380)).toBe(390);
    expect(bucketPriority(374, 380)).toBe(370);
    expect(bucketPriority(120, 380)).toBe(120);
  });
});
