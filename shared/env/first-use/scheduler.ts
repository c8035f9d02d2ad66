// EventBridge Scheduler in a module of its own, so its SDK client loads only when the Wake task first schedules a wake.
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { SchedulerWakeSchedules } from '../../adapters/aws/scheduler-wake-schedules';

export const createWakeSchedules = (groupName: string, roleArn: string): SchedulerWakeSchedules =>
  new SchedulerWakeSchedules(new SchedulerClient({}), groupName, roleArn);
