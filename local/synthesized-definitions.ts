// Reads the state machine definitions out of the synthesized CloudFormation, so local runs execute exactly what deploys.
import { LOCAL_ENVIRONMENT, synthesizedTemplates } from './synthesized-app';

type Intrinsic = string | { 'Fn::Join'?: [string, Intrinsic[]]; 'Fn::GetAtt'?: [string, string]; Ref?: string };

/** Resolves the few intrinsics a definition string uses into local placeholders: Lambda ARNs named by logical id. */
const resolve = (value: Intrinsic): string => {
  if (typeof value === 'string') return value;
  if (value['Fn::Join']) return value['Fn::Join'][1].map(resolve).join(value['Fn::Join'][0]);
  if (value['Fn::GetAtt']) {
    const [logicalId, attribute] = value['Fn::GetAtt'];
    return attribute === 'Arn'
      ? `arn:aws:lambda:${LOCAL_ENVIRONMENT.region}:${LOCAL_ENVIRONMENT.account}:function:${logicalId}`
      : logicalId;
  }
  if (value.Ref === 'AWS::Region') return LOCAL_ENVIRONMENT.region;
  if (value.Ref === 'AWS::Partition') return 'aws';
  if (value.Ref === 'AWS::AccountId') return LOCAL_ENVIRONMENT.account;
  if (value.Ref) return value.Ref;
  throw new Error(`unsupported intrinsic in a state machine definition: ${JSON.stringify(value)}`);
};

export interface SynthesizedStateMachine {
  logicalId: string;
  type: string;
  definition: Record<string, unknown>;
}

/** Every state machine of the synthesized stateless stack (see synthesized-app.ts), by construct id prefix. */
export const synthesizedStateMachines = (): Map<string, SynthesizedStateMachine> => {
  const resources = Object.entries(synthesizedTemplates().stateless.Resources).filter(
    ([, resource]) => resource.Type === 'AWS::StepFunctions::StateMachine',
  );
  const machines = new Map<string, SynthesizedStateMachine>();
  for (const [logicalId, resource] of resources) {
    const properties = (
      resource as unknown as { Properties: { DefinitionString: Intrinsic; StateMachineType: string } }
    ).Properties;
    const name = logicalId.replace(/[0-9A-F]{8}$/, '');
    machines.set(name, {
      logicalId,
      type: properties.StateMachineType,
      definition: JSON.parse(resolve(properties.DefinitionString)) as Record<string, unknown>,
    });
  }
  return machines;
};
