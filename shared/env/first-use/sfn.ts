// Step Functions in a module of its own, so its SDK client loads only when a function first starts or wakes an execution.
import { SFNClient } from '@aws-sdk/client-sfn';
import { SfnExecutions, type SfnExecutionsOptions } from '../../adapters/aws/sfn-executions';

export const createSfnExecutions = (
  stateMachineArn: string | undefined,
  options?: SfnExecutionsOptions,
): SfnExecutions => new SfnExecutions(new SFNClient({}), stateMachineArn, options);
