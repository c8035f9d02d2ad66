// The delinquency lifecycle as a Standard workflow: a chain of executions per delinquency (named after it, then
// "<id>.2" ...). Each wake costs one transition: the Wake task acts and saves the case with its task token, then waits
// for that token (a one-time schedule at the next action time, or an event, hands it back) and runs again. The end
// comes through the token as a named failure: Done, or HandOver to the next execution before a year or the history limit.
import { Duration } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import type { Construct } from 'constructs';
import { DelinquencyStates, WakeEnds } from './state-names';

export interface DelinquencyFunctions {
  wake: lambda.IFunction;
  /**
   * The state machine itself, imported by its fixed name (StateMachine.fromStateMachineName): HandOver starts the next
   * execution of it. A reference by name keeps the role's grant from depending on the state machine (no cycle).
   */
  self: sfn.IStateMachine;
}

/** The state machine's name in a stack: fixed, so roles can be granted on it by ARN without depending on it. */
export const delinquencyStateMachineName = (stackName: string) => `${stackName}-Delinquency`.slice(0, 80);

/** Step Functions' answer to a start whose name is taken by an execution that ended or has another input. */
export const EXECUTION_ALREADY_EXISTS = 'StepFunctions.ExecutionAlreadyExistsException';

/** Errors a retry can fix: Lambda's own service errors and the throttling and 5xx of the AWS services a task calls. */
export const TRANSIENT_TASK_ERRORS = [
  'Lambda.ServiceException',
  'Lambda.AWSLambdaException',
  'Lambda.SdkClientException',
  'Lambda.TooManyRequestsException',
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'TimeoutError',
];

export const delinquencyDefinition = (scope: Construct, functions: DelinquencyFunctions): sfn.IChainable => {
  const wake = new tasks.LambdaInvoke(scope, DelinquencyStates.Wake, {
    lambdaFunction: functions.wake,
    integrationPattern: sfn.IntegrationPattern.WAIT_FOR_TASK_TOKEN,
    comment:
      'Facts decide: act on what is due, save the case with this token, schedule the next wake; the token ends the wait',
    // The execution's name and start say which link of the chain this is and how old it is.
    payload: sfn.TaskInput.fromObject({
      tenantId: sfn.JsonPath.stringAt('$.tenantId'),
      delinquencyId: sfn.JsonPath.stringAt('$.delinquencyId'),
      execution: {
        name: sfn.JsonPath.stringAt('$$.Execution.Name'),
        startedAt: sfn.JsonPath.stringAt('$$.Execution.StartTime'),
      },
      taskToken: sfn.JsonPath.taskToken,
    }),
    // The state carries only the case's keys: whatever woke it, the next pass reads the facts afresh.
    resultPath: sfn.JsonPath.DISCARD,
    retryOnServiceExceptions: false,
  });
  // Retriers match in order: the ends are never retried (MaxAttempts 0); anything else is (a failing send, a throttled
  // dependency), and claims make the retry send nothing twice. A retried wake waits on a fresh token.
  wake.addRetry({ errors: Object.values(WakeEnds), maxAttempts: 0 });
  wake.addRetry({
    errors: ['States.ALL'],
    interval: Duration.seconds(5),
    backoffRate: 2,
    maxAttempts: 6,
    jitterStrategy: sfn.JitterType.FULL,
  });
  const failed = new sfn.Fail(scope, DelinquencyStates.Failed, {
    error: 'TaskFailed',
    cause: 'A task kept failing after its retries; see its logs',
  });

  // Same input, next name; fire and forget (the successor's first pass records itself on the delinquency). A successor
  // already running under that name is a success; one that already ended is Step Functions' ExecutionAlreadyExists,
  // caught too: its end raised its own status event, which the reconciliation acts on.
  const handOver = new tasks.StepFunctionsStartExecution(scope, DelinquencyStates.HandOver, {
    stateMachine: functions.self,
    integrationPattern: sfn.IntegrationPattern.REQUEST_RESPONSE,
    comment: 'Continues the case in the next execution of its chain, before a year or the history limit',
    name: sfn.JsonPath.stringAt('$.handOver.Cause'),
    input: sfn.TaskInput.fromObject({
      tenantId: sfn.JsonPath.stringAt('$.tenantId'),
      delinquencyId: sfn.JsonPath.stringAt('$.delinquencyId'),
    }),
    resultPath: sfn.JsonPath.DISCARD,
    taskTimeout: sfn.Timeout.duration(Duration.minutes(1)),
  });
  const handedOver = new sfn.Succeed(scope, DelinquencyStates.HandedOver, {
    comment: 'The next execution of the chain goes on',
  });
  // Retriers match in order: the first stops a taken name from being retried (MaxAttempts 0), the second retries the rest.
  handOver.addRetry({ errors: [EXECUTION_ALREADY_EXISTS], maxAttempts: 0 });
  handOver.addRetry({
    errors: ['States.ALL'],
    interval: Duration.seconds(2),
    backoffRate: 2,
    maxAttempts: 6,
    jitterStrategy: sfn.JitterType.FULL,
  });
  handOver.addCatch(handedOver, { errors: [EXECUTION_ALREADY_EXISTS], resultPath: sfn.JsonPath.DISCARD });
  // Not started: this execution fails, and its failure event has the hourly run restart the case.
  handOver.addCatch(failed, { errors: ['States.ALL'], resultPath: '$.error' });
  handOver.next(handedOver);

  // Catchers match in order too: the named ends first, then anything that outlived its retries.
  wake.addCatch(new sfn.Succeed(scope, DelinquencyStates.Done, { comment: 'Nothing is left for this execution' }), {
    errors: [WakeEnds.CaseClosed, WakeEnds.Superseded],
    resultPath: sfn.JsonPath.DISCARD,
  });
  wake.addCatch(handOver, { errors: [WakeEnds.HandOver], resultPath: '$.handOver' });
  wake.addCatch(failed, { errors: ['States.ALL'], resultPath: '$.error' });
  return wake.next(wake);
};
