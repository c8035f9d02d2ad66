// What the Wake task asks of EventBridge Scheduler for each wait: one self-deleting schedule in the wake group, named
// after the token, that hands the token back through the universal target; and how Step Functions' answers to a
// token's end read.
import { CreateScheduleCommand } from '@aws-sdk/client-scheduler';
import { SendTaskFailureCommand } from '@aws-sdk/client-sfn';
import { SchedulerWakeSchedules } from '../../../shared/adapters/aws/scheduler-wake-schedules';
import { SfnExecutions } from '../../../shared/adapters/aws/sfn-executions';
import { wakeScheduleName } from '../../../shared/domain/wake-schedule';

const NOW = Date.parse('2027-03-01T12:00:00Z');
const ROLE = 'arn:aws:iam::123456789012:role/WakeScheduler';
const TOKEN = 'A'.repeat(1_000);

const answering = (answer: () => unknown) => {
  const sent: { input: Record<string, unknown> }[] = [];
  const client = {
    send: async (command: unknown) => {
      sent.push(command as { input: Record<string, unknown> });
      return answer();
    },
  };
  return { client, sent };
};
const failing = (name: string) => () => {
  throw Object.assign(new Error(name), { name });
};

describe('wake schedules', () => {
  it('creates one self-deleting schedule at the wake time (whole seconds, rounded up) that sends the token back', async () => {
    const { client, sent } = answering(() => ({ ScheduleArn: 'arn:x' }));
    const schedules = new SchedulerWakeSchedules(client as never, 'arrears-wakes', ROLE, () => NOW);
    await schedules.wakeAt(TOKEN, new Date('2027-03-04T08:00:00.250Z'));
    expect(sent[0]).toBeInstanceOf(CreateScheduleCommand);
    expect(sent[0]!.input).toEqual({
      Name: wakeScheduleName(TOKEN),
      GroupName: 'arrears-wakes',
      ScheduleExpression: 'at(2027-03-04T08:00:01)',
      ScheduleExpressionTimezone: 'UTC',
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'DELETE',
      Target: expect.objectContaining({
        Arn: 'arn:aws:scheduler:::aws-sdk:sfn:sendTaskSuccess',
        RoleArn: ROLE,
        RetryPolicy: expect.objectContaining({ MaximumEventAgeInSeconds: 86_400 }),
      }),
    });
    const input = JSON.parse(String((sent[0]!.input.Target as { Input: string }).Input)) as Record<string, string>;
    expect(input).toEqual({ TaskToken: TOKEN, Output: JSON.stringify({ woken: 'schedule' }) });
    expect(wakeScheduleName(TOKEN)).toMatch(/^[A-Za-z0-9_.-]{1,64}$/);
  });

  it('sets a wake already due a few seconds ahead, and takes a retried create of the same token for done', async () => {
    const { client, sent } = answering(failing('ConflictException'));
    const schedules = new SchedulerWakeSchedules(client as never, 'arrears-wakes', ROLE, () => NOW);
    await expect(schedules.wakeAt(TOKEN, new Date(NOW - 60_000))).resolves.toBeUndefined();
    expect(sent[0]!.input.ScheduleExpression).toBe('at(2027-03-01T12:00:05)');
  });

  it('lets any other refusal fail the pass, so Step Functions retries it', async () => {
    const { client } = answering(failing('ThrottlingException'));
    const schedules = new SchedulerWakeSchedules(client as never, 'arrears-wakes', ROLE, () => NOW);
    await expect(schedules.wakeAt(TOKEN, new Date(NOW + 3_600_000))).rejects.toMatchObject({
      name: 'ThrottlingException',
    });
  });
});

describe('ending a wait by its token', () => {
  it('sends the named error and its cause, and reads a wait already over as false', async () => {
    const { client, sent } = answering(() => ({}));
    const executions = new SfnExecutions(client as never, undefined);
    expect(await executions.end(TOKEN, 'Arrears.HandOver', 'dlq_1.2')).toBe(true);
    expect(sent[0]).toBeInstanceOf(SendTaskFailureCommand);
    expect(sent[0]!.input).toEqual({ taskToken: TOKEN, error: 'Arrears.HandOver', cause: 'dlq_1.2' });
    for (const over of ['TaskTimedOut', 'InvalidToken', 'TaskDoesNotExist']) {
      const ended = new SfnExecutions(answering(failing(over)).client as never, undefined);
      expect(await ended.end(TOKEN, 'Arrears.CaseClosed', 'the case is resolved')).toBe(false);
    }
    const throttled = new SfnExecutions(answering(failing('ThrottlingException')).client as never, undefined);
    await expect(throttled.end(TOKEN, 'Arrears.CaseClosed', 'x')).rejects.toMatchObject({
      name: 'ThrottlingException',
    });
  });
});
