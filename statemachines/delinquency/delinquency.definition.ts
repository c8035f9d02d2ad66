// The delinquency lifecycle as a Standard workflow, one execution per delinquency (named after it). This first
// definition starts and ends; the escalation ladder (wake, derive stage, act, wait for a timer or a callback) grows here.
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { DelinquencyStates } from './state-names';

export const delinquencyDefinition = (scope: Construct): sfn.IChainable =>
  new sfn.Pass(scope, DelinquencyStates.Start, {
    comment: 'Keeps the execution input intact; later states put their results under their own paths',
    resultPath: sfn.JsonPath.DISCARD,
  }).next(new sfn.Succeed(scope, DelinquencyStates.Done));
