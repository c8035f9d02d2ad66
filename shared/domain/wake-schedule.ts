// Names of the one-time wake schedules: one per task token, so a retried create names the same schedule (pure, no AWS).
import { createHash } from 'node:crypto';

/** EventBridge Scheduler names: letters, digits, - _ . only, at most 64 characters. */
export const wakeScheduleName = (taskToken: string): string =>
  `wake-${createHash('sha256').update(taskToken).digest('base64url')}`;

/** The schedule group every wake schedule of a stack lives in. */
export const wakeScheduleGroupName = (stackName: string): string => `${stackName}-wakes`.slice(0, 64);
