// Turns a function's access declaration (functions/function-access.ts) into its IAM grants: the only place the stack
// grants a function anything, so what deploys is what the code declares and what the local runtime enforces.
import { Stack, Token, Validations } from 'aws-cdk-lib';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as scheduler from 'aws-cdk-lib/aws-scheduler';
import type * as ses from 'aws-cdk-lib/aws-ses';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { DynamoAction, FunctionAccess } from '../../functions/function-access';
import { WEBHOOK_SECRET_PREFIX } from '../../shared/ports/webhook-secrets.port';
import { portalSigningKeySecretName, tenantStripeSecretPattern } from '../../shared/ports/secrets.port';
import type { ArrearsFunction } from './arrears-function';

const READ_ACTIONS: readonly DynamoAction[] = ['GetItem', 'BatchGetItem', 'Query'];

export interface FunctionGrantsProps {
  table: dynamodb.ITableV2;
  key: kms.IKey;
  bus: events.IEventBus;
  configurationSet: ses.IConfigurationSet;
  /** The prefix of this deployment's named secrets (see secrets.port.ts). */
  secretsNamespace: string;
  /** The key the named secrets are encrypted with (the portal signing key; a tenant's Stripe key may use it too). */
  secretsKey: kms.IKey;
  /** The people's user pool (the stateful stack's): the only pool a function that manages people may act on. */
  userPool?: cognito.IUserPool;
}

export class FunctionGrants extends Construct {
  constructor(
    scope: Construct,
    id: string,
    private readonly props: FunctionGrantsProps,
  ) {
    super(scope, id);
  }

  /** Everything the declaration asks for except the state machine's own actions (see grantExecutions). */
  grant(fn: ArrearsFunction<never>, access: FunctionAccess): void {
    this.grantTable(fn, access.dynamodb.actions, access.dynamodb.indexes);
    if (access.sendsEmail) this.grantEmail(fn);
    if (access.sendsSms) {
      // SMS straight to a phone number has no resource to name: SNS authorizes it on "*".
      fn.role.addToPolicy(new iam.PolicyStatement({ actions: ['sns:Publish'], resources: ['*'] }));
    }
    if (access.publishesEvents) this.props.bus.grantPutEventsTo(fn.role);
    if (access.readsWebhookSecrets) this.grantProviderSecrets(fn);
    const named = [
      ...(access.cardCheckout ? [tenantStripeSecretPattern(this.props.secretsNamespace)] : []),
      ...(access.readsPortalSigningKey ? [portalSigningKeySecretName(this.props.secretsNamespace)] : []),
    ];
    if (named.length > 0) this.grantNamedSecrets(fn, named);
    if (access.readsTableStream) this.grantTableStream(fn);
    if (access.managesPeople?.length) this.grantPeople(fn, access.managesPeople);
  }

  /** Exactly the Cognito admin actions declared, on the stack's user pool (its ARN, imported from the stateful stack). */
  private grantPeople(fn: ArrearsFunction<never>, actions: readonly string[]): void {
    const { userPool } = this.props;
    if (!userPool) throw new Error(`${fn.node.id} manages people but the stack gave the grants no user pool`);
    fn.role.addToPolicy(
      new iam.PolicyStatement({
        actions: [...new Set(actions)].sort().map((action) => `cognito-idp:${action}`),
        resources: [userPool.userPoolArn],
      }),
    );
  }

  /** Reading the table's stream (what its event source mapping does as the function), with the key's decrypt. */
  private grantTableStream(fn: ArrearsFunction<never>): void {
    this.props.table.grantStreamRead(fn.role);
    Validations.of(fn.role).acknowledge({
      id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
      reason: 'dynamodb:ListStreams has no resource-level permissions; reading records is bound to the table stream.',
    });
  }

  /**
   * Starting executions and handing task tokens back, once the state machine exists. A task function of the machine
   * itself (`partOfMachine`) gets its token grant as a separate policy: in the role's default policy it would make the
   * function depend on the machine that depends on the function, a cycle CloudFormation refuses.
   */
  grantExecutions(
    fn: ArrearsFunction<never>,
    access: FunctionAccess,
    stateMachine: sfn.StateMachine,
    partOfMachine = false,
  ): void {
    if (access.startsExecutions) stateMachine.grantStartExecution(fn.role);
    const tokenActions = [
      ...(access.wakesExecutions ? ['states:SendTaskSuccess'] : []),
      ...(access.endsWaits ? ['states:SendTaskFailure'] : []),
    ];
    if (tokenActions.length === 0) return;
    if (!partOfMachine) {
      stateMachine.grant(fn.role, ...tokenActions);
      return;
    }
    new iam.Policy(fn, 'HandsTokensBack', {
      roles: [fn.role],
      statements: [new iam.PolicyStatement({ actions: tokenActions, resources: [stateMachine.stateMachineArn] })],
    });
  }

  /**
   * Creating wake schedules: CreateSchedule on the schedules of the wake group only (never update or delete one), and
   * passing the role those schedules run as.
   */
  grantWakeSchedules(
    fn: ArrearsFunction<never>,
    access: FunctionAccess,
    wakes: { group: scheduler.IScheduleGroup; role: iam.IRole },
  ): void {
    if (!access.schedulesWakes) return;
    const stack = Stack.of(this);
    const schedules = `arn:${stack.partition}:scheduler:${stack.region}:${stack.account}:schedule/${wakes.group.scheduleGroupName}/*`;
    fn.role.addToPolicy(new iam.PolicyStatement({ actions: ['scheduler:CreateSchedule'], resources: [schedules] }));
    wakes.role.grantPassRole(fn.role);
    Validations.of(fn.role).acknowledge({
      id: `AwsSolutions::AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:scheduler:${this.nagRegion()}:${this.nagAccount()}:schedule/${wakes.group.scheduleGroupName}/*]`,
      reason:
        'Each wait creates a one-time schedule named after its task token; the wildcard is bounded to the wake group of this stack.',
    });
  }

  /** Exactly the table actions (and indexes) listed, plus the key use that DynamoDB encryption needs for them. */
  private grantTable(fn: ArrearsFunction<never>, actions: readonly DynamoAction[], indexes: readonly string[]): void {
    if (actions.length === 0) return;
    const { table, key } = this.props;
    fn.role.addToPolicy(
      new iam.PolicyStatement({
        actions: [...new Set(actions)].sort().map((action) => `dynamodb:${action}`),
        resources: [table.tableArn, ...indexes.map((index) => `${table.tableArn}/index/${index}`)],
      }),
    );
    const writes = actions.some((action) => !READ_ACTIONS.includes(action));
    fn.role.addToPolicy(
      new iam.PolicyStatement({
        actions: writes
          ? ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey']
          : ['kms:Decrypt', 'kms:DescribeKey'],
        resources: [key.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': `dynamodb.${Stack.of(this).region}.amazonaws.com` } },
      }),
    );
  }

  /** Raw SES sends (for List-Unsubscribe headers) through the configuration set, from any of the account's identities. */
  private grantEmail(fn: ArrearsFunction<never>): void {
    const stack = Stack.of(this);
    fn.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['ses:SendRawEmail'],
        resources: [
          `arn:${stack.partition}:ses:${stack.region}:${stack.account}:identity/*`,
          `arn:${stack.partition}:ses:${stack.region}:${stack.account}:configuration-set/${this.props.configurationSet.configurationSetName}`,
        ],
      }),
    );
    Validations.of(fn.role).acknowledge({
      id: `AwsSolutions::AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:ses:${this.nagRegion()}:${this.nagAccount()}:identity/*]`,
      reason:
        'Each tenant sends from its own verified SES identity, configured at run time; sending stays bound to this account and region.',
    });
  }

  /** The tenants' provider secrets (webhook signing secrets, the Stripe key for instalments), one secret per tenant. */
  private grantProviderSecrets(fn: ArrearsFunction<never>): void {
    const stack = Stack.of(this);
    fn.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['secretsmanager:GetSecretValue'],
        resources: [
          `arn:${stack.partition}:secretsmanager:${stack.region}:${stack.account}:secret:${WEBHOOK_SECRET_PREFIX}*`,
        ],
      }),
    );
    Validations.of(fn.role).acknowledge({
      id: `AwsSolutions::AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:secretsmanager:${this.nagRegion()}:${this.nagAccount()}:secret:${WEBHOOK_SECRET_PREFIX}*]`,
      reason:
        'One secret per tenant, created when a tenant is onboarded; the wildcard is bounded to the Arrears provider-secret prefix.',
    });
  }

  /**
   * GetSecretValue on the named secrets (a name or a pattern each) and nothing else: Secrets Manager appends six random
   * characters to every name, which the ARN must allow for. Decrypting through Secrets Manager with the stack's key
   * covers secrets encrypted with it (the portal signing key); a secret under the AWS managed key needs no key grant.
   */
  private grantNamedSecrets(fn: ArrearsFunction<never>, names: readonly string[]): void {
    const stack = Stack.of(this);
    const arn = (name: string, partition: string, region: string, account: string) =>
      `arn:${partition}:secretsmanager:${region}:${account}:secret:${name}-??????`;
    for (const name of names) {
      fn.role.addToPolicy(
        new iam.PolicyStatement({
          actions: ['secretsmanager:GetSecretValue'],
          resources: [arn(name, stack.partition, stack.region, stack.account)],
        }),
      );
      Validations.of(fn.role).acknowledge({
        id: `AwsSolutions::AwsSolutions-IAM5[Resource::${arn(name, '<AWS::Partition>', this.nagRegion(), this.nagAccount())}]`,
        reason: name.includes('*')
          ? "One Stripe key per tenant, stored when a tenant is onboarded; the wildcard spans only the tenant id under this deployment's namespace, and the suffix Secrets Manager appends."
          : 'Secrets Manager appends six random characters to a secret name; the wildcard covers only that suffix.',
      });
    }
    fn.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['kms:Decrypt'],
        resources: [this.props.secretsKey.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': `secretsmanager.${stack.region}.amazonaws.com` } },
      }),
    );
  }

  /** cdk-nag names unresolved account and region as CloudFormation pseudo parameters. */
  private nagRegion(): string {
    const region = Stack.of(this).region;
    return Token.isUnresolved(region) ? '<AWS::Region>' : region;
  }

  private nagAccount(): string {
    const account = Stack.of(this).account;
    return Token.isUnresolved(account) ? '<AWS::AccountId>' : account;
  }
}
