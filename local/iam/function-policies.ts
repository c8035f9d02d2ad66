// Reads, from the synthesized stateless template, the IAM policies CloudFormation would attach to each function's role,
// and the resource policies (the data key's) that AWS evaluates beside them.
import type { SynthesizedTemplates } from '../synthesized-app';
import type { TemplateResolver } from './template-resolver';

export interface PolicyDocument {
  Version?: string;
  Statement: Record<string, unknown>[];
}

export interface FunctionPrincipal {
  /** The function's construct id (a route's id, `AdvanceTask`, ...) or a state machine's: the name the runtime knows it by. */
  functionId: string;
  roleArn: string;
  /** The function's own ARN (or the state machine's), as a caller of it is authorized against. */
  resourceArn: string;
  /** The role's inline and attached policies, intrinsics resolved to local ARNs. */
  policies: { name: string; document: PolicyDocument }[];
}

type Resource = { Type: string; Properties?: Record<string, unknown> };

const logicalIdOf = (value: unknown): string | undefined => {
  const object = value as { Ref?: string; 'Fn::GetAtt'?: [string, string] } | undefined;
  return object?.Ref ?? object?.['Fn::GetAtt']?.[0];
};

/** True for a role whose trust policy lets EventBridge Scheduler assume it. */
const assumedByScheduler = (resource: Resource): boolean =>
  resource.Type === 'AWS::IAM::Role' &&
  JSON.stringify(resource.Properties?.AssumeRolePolicyDocument ?? {}).includes('scheduler.amazonaws.com');

/** Every function, state machine and scheduler role of the stateless stack with its role's policies, keyed by construct id. */
export const functionPrincipals = (
  templates: SynthesizedTemplates,
  resolver: TemplateResolver,
): Map<string, FunctionPrincipal> => {
  const resources = templates.stateless.Resources as Record<string, Resource>;
  const policiesByRole = new Map<string, { name: string; document: PolicyDocument }[]>();
  for (const [logicalId, resource] of Object.entries(resources)) {
    if (resource.Type !== 'AWS::IAM::Policy') continue;
    const document = resolver.resolve(resource.Properties!.PolicyDocument, 'stateless') as PolicyDocument;
    for (const role of (resource.Properties!.Roles as unknown[]) ?? []) {
      const roleId = logicalIdOf(role);
      if (!roleId) continue;
      policiesByRole.set(roleId, [...(policiesByRole.get(roleId) ?? []), { name: logicalId, document }]);
    }
  }
  const principals = new Map<string, FunctionPrincipal>();
  for (const [logicalId, resource] of Object.entries(resources)) {
    // ArrearsFunction puts the NodejsFunction at `<id>/Function` (logical id `<id>Function<hash>`); a state machine is `<id><hash>`.
    // A role EventBridge Scheduler assumes (a schedule's target runs as it) is a principal of its own: `<id><hash>`.
    const match =
      resource.Type === 'AWS::Lambda::Function'
        ? /^(.+)Function[0-9A-F]{8}$/.exec(logicalId)
        : resource.Type === 'AWS::StepFunctions::StateMachine' || assumedByScheduler(resource)
          ? /^(.+)[0-9A-F]{8}$/.exec(logicalId)
          : null;
    if (!match) continue;
    const roleId =
      resource.Type === 'AWS::IAM::Role'
        ? logicalId
        : logicalIdOf(resource.Properties!.Role ?? resource.Properties!.RoleArn);
    if (!roleId || resources[roleId]?.Type !== 'AWS::IAM::Role') continue;
    const role = resources[roleId]!.Properties ?? {};
    const inline = ((role.Policies as { PolicyName: string; PolicyDocument: unknown }[] | undefined) ?? []).map(
      (policy) => ({
        name: policy.PolicyName,
        document: resolver.resolve(policy.PolicyDocument, 'stateless') as PolicyDocument,
      }),
    );
    principals.set(match[1]!, {
      functionId: match[1]!,
      roleArn: String(resolver.resolve({ 'Fn::GetAtt': [roleId, 'Arn'] }, 'stateless')),
      resourceArn: resolver.physical('stateless', logicalId, 'Arn'),
      policies: [...inline, ...(policiesByRole.get(roleId) ?? [])],
    });
  }
  return principals;
};

/** Resource policies by resource ARN: the KMS key policies of the stateful stack (a key is usable only if its policy allows). */
export const keyPolicies = (
  templates: SynthesizedTemplates,
  resolver: TemplateResolver,
): Map<string, PolicyDocument> => {
  const keys = new Map<string, PolicyDocument>();
  for (const [logicalId, resource] of Object.entries(templates.stateful.Resources as Record<string, Resource>)) {
    if (resource.Type !== 'AWS::KMS::Key') continue;
    keys.set(
      resolver.physical('stateful', logicalId, 'Arn'),
      resolver.resolve(resource.Properties!.KeyPolicy, 'stateful') as PolicyDocument,
    );
  }
  return keys;
};
