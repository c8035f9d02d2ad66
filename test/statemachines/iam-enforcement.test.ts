// The local runtime is as strict as AWS: every call of a task is checked against the role `cdk synth` gives its function,
// so a grant missing from the stack fails the lifecycle here, with the action and resource AWS would name.
import { synthesizedTemplates } from '../../local/synthesized-app';
import { withoutGrant } from '../fixtures/iam-grants';
import { createHarness, TENANT, type Harness } from './harness';

const TABLE_INDEX = /^arn:aws:dynamodb:us-east-1:000000000000:table\/test-[0-9a-f-]+\/index\/gsi1$/;

const runLadder = async (harness: Harness, invoiceId: string) => {
  const id = await harness.openCase({ invoiceId, dueDate: '2026-12-01' });
  await harness.advanceTo('2026-12-20T00:00:00Z');
  return {
    id,
    sent: harness.outbox
      .list()
      .filter((message) => message.delinquencyId === id)
      .map((message) => message.step),
    execution: harness.executions.list().find((execution) => execution.name === id)!,
  };
};

describe('IAM enforced on the engine', () => {
  let harness: Harness | undefined;
  afterEach(() => harness?.stop());

  it('runs the ladder under the synthesized roles with no call refused', async () => {
    harness = await createHarness('2026-12-01T23:30:00Z');
    const { sent, execution } = await runLadder(harness, 'allowed');
    expect(sent).toEqual(['overdue', 'overdue-sms', 'second-reminder', 'late-fee']);
    expect(execution.status).toBe('RUNNING');
    expect(harness.iam.denials).toEqual([]);
  });

  it('fails the lifecycle with AccessDenied naming the action and the index when the Wake task may not query gsi1', async () => {
    harness = await createHarness('2026-12-01T23:30:00Z', {
      templates: withoutGrant(synthesizedTemplates(), 'WakeTask', 'dynamodb:Query', '/index/gsi1'),
    });
    const { id, sent, execution } = await runLadder(harness, 'denied');
    expect(sent).toEqual([]);
    expect(execution.status).toBe('FAILED');
    expect(harness.iam.denials[0]).toEqual({
      functionId: 'WakeTask',
      action: 'dynamodb:Query',
      resource: expect.stringMatching(TABLE_INDEX),
    });
    expect(new Set(harness.iam.denials.map((denial) => `${denial.functionId} ${denial.action}`))).toEqual(
      new Set(['WakeTask dynamodb:Query']),
    );
    // Six attempts of the task (Step Functions' retries), each refused, then the execution's Fail state.
    expect(harness.iam.denials.length).toBeGreaterThanOrEqual(6);
    expect((await harness.engine.delinquencies.get(TENANT, id))?.status).toBe('active');
  });

  it('lets the same broken role through with enforcement off: what the switch is for is seeing the difference', async () => {
    harness = await createHarness('2026-12-01T23:30:00Z', {
      templates: withoutGrant(synthesizedTemplates(), 'WakeTask', 'dynamodb:Query', '/index/gsi1'),
      iam: false,
    });
    const { sent, execution } = await runLadder(harness, 'lenient');
    expect(sent).toEqual(['overdue', 'overdue-sms', 'second-reminder', 'late-fee']);
    expect(execution.status).toBe('RUNNING');
    expect(harness.iam.denials).toEqual([]);
  });

  it('refuses an SMS when the Wake task loses sns:Publish, and sends the email steps before it', async () => {
    harness = await createHarness('2026-12-01T23:30:00Z', {
      templates: withoutGrant(synthesizedTemplates(), 'WakeTask', 'sns:Publish'),
    });
    const { sent, execution } = await runLadder(harness, 'no-sms');
    expect(sent).toEqual(['overdue']);
    expect(execution.status).toBe('FAILED');
    expect(harness.iam.denials.at(-1)).toEqual({ functionId: 'WakeTask', action: 'sns:Publish', resource: '*' });
  });

  it('fails the lifecycle when the Wake task may not create its wake schedule, naming the schedule in the wake group', async () => {
    harness = await createHarness('2026-12-01T23:30:00Z', {
      templates: withoutGrant(synthesizedTemplates(), 'WakeTask', 'scheduler:CreateSchedule'),
    });
    const { execution } = await runLadder(harness, 'no-schedule');
    expect(execution.status).toBe('FAILED');
    expect(harness.iam.denials[0]).toEqual({
      functionId: 'WakeTask',
      action: 'scheduler:CreateSchedule',
      resource: expect.stringMatching(
        new RegExp(`^arn:aws:scheduler:us-east-1:000000000000:schedule/${harness.iam.target.wakeScheduleGroup}/wake-`),
      ),
    });
  });

  it('fails the lifecycle when the Wake task may not pass the scheduler its role', async () => {
    harness = await createHarness('2026-12-01T23:30:00Z', {
      templates: withoutGrant(synthesizedTemplates(), 'WakeTask', 'iam:PassRole'),
    });
    const { execution } = await runLadder(harness, 'no-pass-role');
    expect(execution.status).toBe('FAILED');
    expect(harness.iam.denials[0]).toMatchObject({ functionId: 'WakeTask', action: 'iam:PassRole' });
  });

  it('leaves the case asleep when the scheduler role may not hand the token back: the schedule runs, its call is refused', async () => {
    harness = await createHarness('2026-12-01T23:30:00Z', {
      templates: withoutGrant(synthesizedTemplates(), 'WakeSchedulerRole', 'states:SendTaskSuccess'),
    });
    const { sent, execution } = await runLadder(harness, 'no-hand-back').catch(async (error: unknown) => {
      expect((error as Error).name).toBe('AccessDeniedException');
      return { sent: [] as string[], execution: harness!.executions.list()[0]! };
    });
    expect(sent).toEqual([]);
    expect(execution.status).toBe('RUNNING');
    expect(harness.iam.denials[0]).toMatchObject({
      functionId: 'WakeSchedulerRole',
      action: 'states:SendTaskSuccess',
      resource: harness.iam.target.stateMachineArn,
    });
  });
});
