// EventBridge Scheduler adapter: each wait's timer is a one-time schedule in the stack's wake group whose universal
// target hands the task token back to Step Functions, and which deletes itself once it has run.
import { CreateScheduleCommand, type SchedulerClient } from '@aws-sdk/client-scheduler';
import { wakeScheduleName } from '../../domain/wake-schedule';
import type { WakeSchedules } from '../../ports/wake-schedules.port';

/** Scheduler's universal target for Step Functions' SendTaskSuccess. */
export const SEND_TASK_SUCCESS_TARGET = 'arn:aws:scheduler:::aws-sdk:sfn:sendTaskSuccess';

/** at() takes whole seconds, in the named time zone: rounded up, so a wake is never early. */
const atExpression = (at: number): string => `at(${new Date(Math.ceil(at / 1000) * 1000).toISOString().slice(0, 19)})`;

/**
 * A one-time schedule must lie in the future when it is created: a wake due already (a pass that ran long) is set a
 * few seconds ahead. Scheduler runs a schedule within the minute it is due anyway.
 */
const LEAD_MS = 5_000;

export class SchedulerWakeSchedules implements WakeSchedules {
  constructor(
    private readonly client: Pick<SchedulerClient, 'send'>,
    private readonly groupName: string,
    /** The role the schedule runs as: allowed states:SendTaskSuccess on the state machine, passed by the caller. */
    private readonly roleArn: string,
    private readonly now: () => number = Date.now,
  ) {}

  async wakeAt(taskToken: string, at: Date): Promise<void> {
    try {
      await this.client.send(
        new CreateScheduleCommand({
          Name: wakeScheduleName(taskToken),
          GroupName: this.groupName,
          ScheduleExpression: atExpression(Math.max(at.getTime(), this.now() + LEAD_MS)),
          ScheduleExpressionTimezone: 'UTC',
          FlexibleTimeWindow: { Mode: 'OFF' },
          ActionAfterCompletion: 'DELETE',
          Target: {
            Arn: SEND_TASK_SUCCESS_TARGET,
            RoleArn: this.roleArn,
            Input: JSON.stringify({ TaskToken: taskToken, Output: JSON.stringify({ woken: 'schedule' }) }),
            // Throttles and Step Functions' 5xx are retried for a day; a spent token (an event woke the case first) is
            // a client error, not retried, and simply dropped.
            RetryPolicy: { MaximumEventAgeInSeconds: 86_400, MaximumRetryAttempts: 185 },
          },
        }),
      );
    } catch (error) {
      // A retried pass with the same token names the same schedule: it exists already, which is what was asked.
      if ((error as Error).name !== 'ConflictException') throw error;
    }
  }
}
