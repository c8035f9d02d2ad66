// The delinquency lifecycle as a Standard workflow, one execution per delinquency (named after it). Each escalation
// step costs three transitions: Advance (act on facts), IsSettled, WaitForWakeUp (a timer or a callback ends it).
import { Duration } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import type { Construct } from 'constructs';
import { DelinquencyStates } from './state-names';

export interface DelinquencyFunctions {
  advance: lambda.IFunction;
  waitForWakeUp: lambda.IFunction;
}

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
    comment: 'Facts decide: derive the stage, send, charge or hand off what is due, and say when to wake next',
    resultPath: '$.advance',
    retryOnServiceExceptions: false,
    taskTimeout: sfn.Timeout.duration(Duration.minutes(2)),
  });
  // A failing send or a throttled dependency is retried; claims make the retry send nothing twice.
  advance.addRetry({ errors: ['States.ALL'], interval: Duration.seconds(5), backoffRate: 2, maxAttempts: 6, jitterStrategy: sfn.JitterType.FULL });
  const failed = new sfn.Fail(scope, DelinquencyStates.Failed, { error: 'TaskFailed', cause: 'A task kept failing after its retries; see its logs' });
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
  waitForWakeUp.addRetry({ errors: TRANSIENT_TASK_ERRORS, interval: Duration.seconds(2), backoffRate: 2, maxAttempts: 6, jitterStrategy: sfn.JitterType.FULL });
  waitForWakeUp.addCatch(advance, { errors: ['States.Timeout'], resultPath: sfn.JsonPath.DISCARD });
  waitForWakeUp.addCatch(failed, { errors: ['States.ALL'], resultPath: '$.error' });
  waitForWakeUp.next(advance);

  return advance.next(
    new sfn.Choice(scope, DelinquencyStates.IsSettled)
      .when(sfn.Condition.booleanEquals('$.advance.done', true), new sfn.Succeed(scope, DelinquencyStates.Done))
      .otherwise(waitForWakeUp),
  );
};
