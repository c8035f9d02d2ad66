// Decides whether a function's role may make one AWS request, with a real IAM policy evaluator (iam-simulate, a dev
// dependency: it never reaches a Lambda bundle), and phrases a refusal the way AWS does.
import { runSimulation } from '@cloud-copilot/iam-simulate';
import type { FunctionPrincipal, PolicyDocument } from './function-policies';

/** One authorization AWS makes for a call: an action on a resource, with the request's condition keys. */
export interface AccessRequest {
  action: string;
  resource: string;
  context?: Record<string, string>;
}

export interface AccessDecision {
  allowed: boolean;
  /** Why, in AWS's words when refused. */
  reason: string;
}

/**
 * Actions the service authorization reference lists with no resource type, which AWS nevertheless authorizes against
 * the state machine that issued the task token (its AccessDenied names that ARN, and CDK's grantTaskResponse scopes the
 * grant to it). The simulator only takes `*` for them, so these are matched here against the ARN AWS uses.
 */
const TOKEN_ACTIONS = new Set(['states:sendtasksuccess', 'states:sendtaskfailure', 'states:sendtaskheartbeat']);

const globToRegExp = (pattern: string, flags = ''): RegExp =>
  new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
    flags,
  );

const asList = (value: unknown): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value.map(String) : [String(value)];

/** Allow/Deny for one of TOKEN_ACTIONS: explicit deny wins, then any allow whose action and resource match. */
const matchTokenAction = (
  policies: PolicyDocument[],
  request: AccessRequest,
): 'Allowed' | 'ExplicitlyDenied' | 'ImplicitlyDenied' => {
  let allowed = false;
  for (const statement of policies.flatMap((policy) => policy.Statement)) {
    const actionMatches = asList(statement.Action).some((action) => globToRegExp(action, 'i').test(request.action));
    const resourceMatches = asList(statement.Resource).some((resource) =>
      globToRegExp(resource).test(request.resource),
    );
    if (!actionMatches || !resourceMatches || statement.Condition !== undefined) continue;
    if (statement.Effect === 'Deny') return 'ExplicitlyDenied';
    allowed = true;
  }
  return allowed ? 'Allowed' : 'ImplicitlyDenied';
};

export class PolicyEvaluator {
  private readonly cache = new Map<string, Promise<AccessDecision>>();

  constructor(
    private readonly principals: ReadonlyMap<string, FunctionPrincipal>,
    private readonly resourcePolicies: ReadonlyMap<string, PolicyDocument>,
    private readonly account: string,
  ) {}

  decide(functionId: string, request: AccessRequest): Promise<AccessDecision> {
    const key = `${functionId}\n${request.action}\n${request.resource}\n${JSON.stringify(request.context ?? {})}`;
    let decision = this.cache.get(key);
    if (!decision) {
      decision = this.evaluate(functionId, request);
      this.cache.set(key, decision);
    }
    return decision;
  }

  private async evaluate(functionId: string, request: AccessRequest): Promise<AccessDecision> {
    const principal = this.principals.get(functionId);
    if (!principal) return { allowed: false, reason: `${functionId} is not a function of the synthesized stack` };
    const roleName = principal.roleArn.split('/').pop()!;
    const caller = `arn:aws:sts::${this.account}:assumed-role/${roleName}/${functionId}`;
    const refused = (why: string): AccessDecision => ({
      allowed: false,
      reason: `User: ${caller} is not authorized to perform: ${request.action} on resource: ${request.resource} because ${why}`,
    });
    if (TOKEN_ACTIONS.has(request.action.toLowerCase())) {
      const result = matchTokenAction(
        principal.policies.map((policy) => policy.document),
        request,
      );
      if (result === 'Allowed') return { allowed: true, reason: 'allowed by an identity-based policy' };
      return refused(
        result === 'ExplicitlyDenied'
          ? 'an identity-based policy explicitly denies it'
          : `no identity-based policy allows the ${request.action} action`,
      );
    }
    const resourcePolicy = this.resourcePolicies.get(request.resource);
    const simulation = await runSimulation(
      {
        identityPolicies: principal.policies.map((policy) => ({ name: policy.name, policy: policy.document })),
        serviceControlPolicies: [],
        resourceControlPolicies: [],
        resourcePolicy,
        request: {
          principal: caller,
          action: request.action,
          resource: { resource: request.resource, accountId: this.account },
          contextVariables: {
            'aws:PrincipalArn': principal.roleArn,
            'aws:PrincipalAccount': this.account,
            ...request.context,
          },
        },
      } as never,
      {},
    );
    if (simulation.resultType === 'error') {
      throw new Error(
        `the IAM simulator could not evaluate ${request.action} on ${request.resource}: ${JSON.stringify(simulation.errors)}`,
      );
    }
    if (simulation.overallResult === 'Allowed') return { allowed: true, reason: 'allowed by an identity-based policy' };
    if (simulation.overallResult === 'ExplicitlyDenied') return refused('an explicit deny applies');
    if (
      resourcePolicy &&
      simulation.resultType === 'single' &&
      simulation.result.analysis?.identityAnalysis?.result === 'Allowed'
    ) {
      return refused('the resource-based policy does not allow it');
    }
    return refused(`no identity-based policy allows the ${request.action} action`);
  }
}
