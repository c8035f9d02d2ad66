// The synthesized delinquency state machine, executed by the local ASL interpreter and judged by its execution history.
import '../../local/polyfills';
import { StateMachine } from 'aws-local-stepfunctions';
import { synthesizedStateMachines } from '../../local/synthesized-definitions';
import { DelinquencyStates } from '../../statemachines/delinquency/state-names';

const machine = synthesizedStateMachines().get('DelinquencyStateMachine')!;

type EventLog = { type: string; state?: { name: string } };

const runWithHistory = async (input: Record<string, unknown>) => {
  const execution = new StateMachine(machine.definition as never).run(input as never);
  const history: EventLog[] = [];
  for await (const event of execution.eventLogs) history.push(event as EventLog);
  return { output: await execution.result, history };
};

describe('delinquency state machine (synthesized)', () => {
  it('is a Standard workflow written in JSONPath, which the local interpreter runs', () => {
    expect(machine.type).toBe('STANDARD');
    expect(machine.definition.QueryLanguage ?? 'JSONPath').toBe('JSONPath');
  });

  it('runs from start to done and hands its input through untouched', async () => {
    const input = { tenantId: 'acme', delinquencyId: 'dlq_1' };
    const { output, history } = await runWithHistory(input);
    const entered = history.filter((event) => event.type === 'StateEntered').map((event) => event.state?.name);
    expect(entered).toEqual([DelinquencyStates.Start, DelinquencyStates.Done]);
    expect(history.at(-1)?.type).toBe('ExecutionSucceeded');
    expect(output).toEqual(input);
  });
});
