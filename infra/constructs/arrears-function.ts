// One Lambda function the Arrears way: arm64, current Node.js, esbuild bundle, its own log group and its own role.
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import * as path from 'node:path';
import type { z } from 'zod';

export const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..');

const definedOnly = (environment: Record<string, string | undefined>): Record<string, string> =>
  Object.fromEntries(Object.entries(environment).filter((entry): entry is [string, string] => entry[1] !== undefined));

export interface ArrearsFunctionProps<S extends z.ZodObject> {
  /** Path of the handler file from the repository root, e.g. functions/api/get-invoice.handler.ts. */
  entry: string;
  description: string;
  /**
   * The schema the function validates its environment with: every variable it reads must be named here; an optional
   * one may be given as undefined, which leaves it out.
   */
  environmentSchema: S;
  environment: { [K in keyof z.input<S> & string]: object extends Pick<z.input<S>, K> ? string | undefined : string };
  memorySize?: number;
  timeout?: Duration;
  /**
   * A log group shared with functions of the same kind (the API's routes): one resource instead of one per function,
   * which keeps the stack under CloudFormation's limit as routes are added. Each line names its function (JSON logs).
   */
  logGroup?: logs.LogGroup;
}

/**
 * A function's role whose grants (CDK's grant methods included) land in one inline policy instead of a separate
 * AWS::IAM::Policy resource: a function then costs its stack a role, not a role and a policy, which keeps the stateless
 * stack well under CloudFormation's 500 resources. What the role may do is the same either way.
 */
class InlinePolicyRole extends iam.Role {
  private readonly access: iam.PolicyDocument;

  constructor(scope: Construct, id: string, props: iam.RoleProps) {
    const access = new iam.PolicyDocument();
    super(scope, id, { ...props, inlinePolicies: { Access: access } });
    this.access = access;
  }

  override addToPrincipalPolicy(statement: iam.PolicyStatement): iam.AddToPrincipalPolicyResult {
    this.access.addStatements(statement);
    return { statementAdded: true, policyDependable: this };
  }
}

export class ArrearsFunction<S extends z.ZodObject> extends Construct {
  readonly function: NodejsFunction;
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: ArrearsFunctionProps<S>) {
    super(scope, id);
    const logGroup =
      props.logGroup ??
      new logs.LogGroup(this, 'Logs', {
        retention: logs.RetentionDays.ONE_MONTH,
        removalPolicy: RemovalPolicy.DESTROY,
      });
    this.role = new InlinePolicyRole(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs ${id}; nothing else`,
    });
    this.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [`${logGroup.logGroupArn}:*`],
      }),
    );
    this.function = new NodejsFunction(this, 'Function', {
      entry: path.join(REPOSITORY_ROOT, props.entry),
      handler: 'handler',
      description: props.description,
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 256,
      timeout: props.timeout ?? Duration.seconds(10),
      role: this.role,
      logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      tracing: lambda.Tracing.ACTIVE,
      environment: {
        ...definedOnly(props.environment),
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: 'arrears',
      },
      projectRoot: REPOSITORY_ROOT,
      depsLockFilePath: path.join(REPOSITORY_ROOT, 'package-lock.json'),
      bundling: {
        minify: true,
        sourceMap: true,
        target: 'node22',
        format: OutputFormat.CJS,
        // The Node.js runtime ships the AWS SDK v3; bundling it again only grows cold starts.
        externalModules: ['@aws-sdk/*'],
      },
    });
    const logGroupId = Stack.of(this).getLogicalId(logGroup.node.defaultChild as logs.CfnLogGroup);
    Validations.of(this.role).acknowledge({
      id: `AwsSolutions::AwsSolutions-IAM5[Resource::<${logGroupId}.Arn>:*]`,
      reason:
        "Log streams are created at run time inside the function's log group; their names cannot be known in advance.",
    });
    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
      reason:
        'Only actions without resource-level permissions use it: X-Ray tracing, and where granted SNS SMS to phone numbers and states:SendTaskSuccess.',
    });
  }
}
