// What StartExecution's answers mean to the engine: a taken name of an ended execution is refused (never "running"), a
// repeated start of a running execution answers that execution, a new name starts.
import { StartExecutionCommand } from '@aws-sdk/client-sfn';
import { SfnExecutions } from '../../../shared/adapters/aws/sfn-executions';

const NOW = Date.parse('2027-03-01T12:00:00Z');
const time = { now: () => NOW, sleep: async () => undefined };
const input = { tenantId: 't1', delinquencyId: 'dlq_1' };

const answering = (answer: () => unknown) => {
  const sent: StartExecutionCommand[] = [];
  const client = {
    send: async (command: unknown) => {
      sent.push(command as StartExecutionCommand);
      return answer();
    },
  };
  return {
    executions: new SfnExecutions(client as never, 'arn:aws:states:eu-west-1:123456789012:stateMachine:x', { time }),
    sent,
  };
};

describe('StartExecution outcomes', () => {
  it('starts a new name', async () => {
    const { executions, sent } = answering(() => ({ executionArn: 'arn:x', startDate: new Date(NOW) }));
    expect(await executions.start('dlq_1', input)).toBe('started');
    expect(sent[0]!.input).toEqual({
      stateMachineArn: 'arn:aws:states:eu-west-1:123456789012:stateMachine:x',
      name: 'dlq_1',
      input: JSON.stringify(input),
    });
  });

  it('answers a running execution of the same name and input as that execution (its start date is not this request)', async () => {
    const { executions } = answering(() => ({ executionArn: 'arn:x', startDate: new Date(NOW - 3 * 24 * 3600_000) }));
    expect(await executions.start('dlq_1', input)).toBe('exists');
  });

  it('reports a name taken by an ended execution as refused, not as running', async () => {
    const { executions, sent } = answering(() => {
      throw Object.assign(new Error('Execution Already Exists'), { name: 'ExecutionAlreadyExists' });
    });
    expect(await executions.start('dlq_1', input)).toBe('refused');
    expect(sent).toHaveLength(1);
  });
});
