// The delinquency lifecycle as a Standard workflow: a chain of executions per delinquency (named after it, then
// "<id>.2" ...). Each escalation step costs three transitions: Advance (act on facts), IsSettled, WaitForWakeUp (a timer
// or a callback ends it). Before a year or the history limit, Advance asks for a hand-over: HandOver starts the next
// execution with the same input, and this one ends.
import { Duration } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import type { Construct } from 'constructs';
import { DelinquencyStates } from './state-names';

export interface DelinquencyFunctions {
  advance: lambda.IFunction;
  waitForWakeUp: lambda.IFunction;
  /**
   * The state machine itself, imported by its fixed name (StateMachine.fromStateMachineName): HandOver starts the next
   * execution of it. A reference by name keeps the role's grant from depending on the state machine (no cycle).
   */
  self: sfn.IStateMachine;
}

/** The state machine's name in a stack: fixed, so the definition's role can be granted StartExecution on it by ARN. */
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
  const advance = new tasks.LambdaInvoke(scope, DelinquencyStates.Advance, {
    lambdaFunction: functions.advance,
    payloadResponseOnly: true,
    // The execution's name and start say which link of the chain this is and how old it is; the state carries the
    // passes made so far (its `advance` is absent before the first).
    payload: sfn.TaskInput.fromObject({
      tenantId: sfn.JsonPath.stringAt('$.tenantId'),
      delinquencyId: sfn.JsonPath.stringAt('$.delinquencyId'),
      execution: {
        name: sfn.JsonPath.stringAt('$$.Execution.Name'),
        startedAt: sfn.JsonPath.stringAt('$$.Execution.StartTime'),
      },
      state: sfn.JsonPath.objectAt('$'),
    }),
    comment: 'Facts decide: derive the stage, send, charge or hand off what is due, and say when to wake next',
    resultPath: '$.advance',
    retryOnServiceExceptions: false,
    taskTimeout: sfn.Timeout.duration(Duration.minutes(2)),
  });
  // A failing send or a throttled dependency is retried; claims make the retry send nothing twice.
  advance.addRetry({
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
  advance.addCatch(failed, {
    errors: ['States.ALL'],
    resultPath: '$.error',
  });

  const waitForWakeUp = new tasks.LambdaInvoke(scope, DelinquencyStates.WaitForWakeUp, {
    lambdaFunction: functions.waitForWakeUp,
    integrationPattern: sfn.IntegrationPattern.WAIT_FOR_TASK_TOKEN,
    comment: 'Parks the task token on the delinquency; a timeout is the timer, a callback is an event',
    payload: sfn.TaskInput.fromObject({
      tenantId: sfn.JsonPath.stringAt('$.tenantId'),
      delinquencyId: sfn.JsonPath.stringAt('$.delinquencyId'),
      factsVersion: sfn.JsonPath.numberAt('$.advance.factsVersion'),
      waitSeconds: sfn.JsonPath.numberAt('$.advance.waitSeconds'),
      taskToken: sfn.JsonPath.taskToken,
    }),
    resultPath: sfn.JsonPath.DISCARD,
    taskTimeout: sfn.Timeout.at('$.advance.waitSeconds'),
    retryOnServiceExceptions: false,
  });
  // Parking the token can be throttled too. The retry names transient errors (States.ALL would also retry the
  // timeout, which is the timer); a retried wait parks a fresh token. Anything else ends in Failed (alarmed).
  waitForWakeUp.addRetry({
    errors: TRANSIENT_TASK_ERRORS,
    interval: Duration.seconds(2),
    backoffRate: 2,
    maxAttempts: 6,
    jitterStrategy: sfn.JitterType.FULL,
  });
  waitForWakeUp.addCatch(advance, { errors: ['States.Timeout'], resultPath: sfn.JsonPath.DISCARD });
  waitForWakeUp.addCatch(failed, { errors: ['States.ALL'], resultPath: '$.error' });
  waitForWakeUp.next(advance);

  // Same input, next name; fire and forget (the successor's first pass records itself on the delinquency). A successor
  // already running under that name is a success; one that already ended is Step Functions' ExecutionAlreadyExists,
  // caught too: its end raised its own status event, which the reconciliation acts on.
  const handOver = new tasks.StepFunctionsStartExecution(scope, DelinquencyStates.HandOver, {
    stateMachine: functions.self,
    integrationPattern: sfn.IntegrationPattern.REQUEST_RESPONSE,
    comment: 'Continues the case in the next execution of its chain, before a year or the history limit',
    name: sfn.JsonPath.stringAt('$.advance.handOverTo'),
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

  return advance.next(
    new sfn.Choice(scope, DelinquencyStates.IsSettled)
      .when(sfn.Condition.isPresent('$.advance.handOverTo'), handOver)
      .when(sfn.Condition.booleanEquals('$.advance.done', true), new sfn.Succeed(scope, DelinquencyStates.Done))
      .otherwise(waitForWakeUp),
  );
};
