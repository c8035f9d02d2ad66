// The synthesized CloudFormation: the table, keys, least-privilege roles, API routes, the schedule, the state machine, cdk-nag.
import { Match } from 'aws-cdk-lib/assertions';
import { defaultTemplates } from './synthesized';
import * as iam from 'aws-cdk-lib/aws-iam';
import { apiRoutes } from '../../functions/api/routes';
import { buildArrearsApp } from '../../infra/lib/arrears-app';

const ENV = { account: '123456789012', region: 'eu-west-1' };
const build = () => buildArrearsApp({ context: { 'aws:cdk:bundling-stacks': [] } }, ENV);

const { stateful: statefulTemplate, stateless: statelessTemplate } = defaultTemplates();

type Statement = { Action: string | string[]; Resource: unknown; Effect: string; Condition?: unknown };

/** Every statement the role built for `constructId` is allowed: a function's inline Access policy, or a default policy. */
const statementsOf = (constructId: string): Statement[] => {
  const roles = statelessTemplate.findResources('AWS::IAM::Role');
  const entry = Object.entries(roles).find(([logicalId]) => logicalId.startsWith(`${constructId}Role`));
  if (!entry) throw new Error(`no role for ${constructId}`);
  const policies = (entry[1] as { Properties: { Policies?: { PolicyName: string; PolicyDocument: unknown }[] } })
    .Properties.Policies;
  const access = policies?.find((policy) => policy.PolicyName === 'Access');
  if (access) return (access.PolicyDocument as { Statement: Statement[] }).Statement;
  // A role that is not a function's (the wake scheduler's) keeps CDK's default policy.
  const defaults = Object.entries(statelessTemplate.findResources('AWS::IAM::Policy')).find(([logicalId]) =>
    logicalId.startsWith(`${constructId}Role`),
  );
  if (!defaults) throw new Error(`no policy for ${constructId}`);
  return (defaults[1] as { Properties: { PolicyDocument: { Statement: Statement[] } } }).Properties.PolicyDocument
    .Statement;
};
const actionsOf = (statement: Statement) => (Array.isArray(statement.Action) ? statement.Action : [statement.Action]);

describe('stateful stack', () => {
  it('has the single table with its keys, indexes, TTL, PITR, deletion protection and the customer-managed key', () => {
    statefulTemplate.resourceCountIs('AWS::DynamoDB::GlobalTable', 1);
    statefulTemplate.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      GlobalSecondaryIndexes: ['gsi1', 'gsi2', 'gsi3', 'gsi4'].map((name) =>
        Match.objectLike({
          IndexName: name,
          KeySchema: [
            { AttributeName: `${name}pk`, KeyType: 'HASH' },
            { AttributeName: `${name}sk`, KeyType: 'RANGE' },
          ],
        }),
      ),
      Replicas: [
        Match.objectLike({
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          DeletionProtectionEnabled: true,
          SSESpecification: { KMSMasterKeyId: Match.anyValue() },
        }),
      ],
    });
  });

  it('rotates its key and retains the data on stack deletion', () => {
    statefulTemplate.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    statefulTemplate.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
  });

  it('has the event bus, encrypted SSL-only topics and an SES configuration set sending bounces to a topic', () => {
    statefulTemplate.resourceCountIs('AWS::Events::EventBus', 1);
    statefulTemplate.resourcePropertiesCountIs('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() }, 2);
    statefulTemplate.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
    statefulTemplate.resourceCountIs('AWS::SES::ConfigurationSet', 1);
    statefulTemplate.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: Match.objectLike({ MatchingEventTypes: Match.arrayWith(['bounce', 'complaint']) }),
    });
  });
});

describe('stateless stack', () => {
  it('runs every function on arm64 and Node.js 24 with its own role', () => {
    const functions = statelessTemplate.findResources('AWS::Lambda::Function');
    // One per API route, the state machine's Wake task, the reminder run, the SES feedback subscriber, the marker of
    // executions that ended early and the table stream's report counter.
    expect(Object.keys(functions)).toHaveLength(apiRoutes.length + 5);
    const roles = new Set<string>();
    for (const fn of Object.values(functions) as {
      Properties: { Runtime: string; Architectures: string[]; Role: { 'Fn::GetAtt': string[] } };
    }[]) {
      expect(fn.Properties.Runtime).toBe('nodejs24.x');
      expect(fn.Properties.Architectures).toEqual(['arm64']);
      roles.add(fn.Properties.Role['Fn::GetAtt'][0]!);
    }
    expect(roles.size).toBe(Object.keys(functions).length);
  });

  it('grants each API function exactly the table actions its route lists, and no wildcard action anywhere', () => {
    for (const route of apiRoutes) {
      const statements = statementsOf(route.id);
      for (const statement of statements) for (const action of actionsOf(statement)) expect(action).not.toMatch(/\*/);
      const tableActions = statements.flatMap(actionsOf).filter((action) => action.startsWith('dynamodb:'));
      expect(tableActions.sort()).toEqual(
        [...new Set(route.dynamodb.actions)].map((action) => `dynamodb:${action}`).sort(),
      );
    }
  });

  it('scopes table and key permissions to the table and its key, through DynamoDB only', () => {
    for (const route of apiRoutes.filter((candidate) => candidate.dynamodb.actions.length > 0)) {
      const statements = statementsOf(route.id);
      const table = statements.find((statement) =>
        actionsOf(statement).some((action) => action.startsWith('dynamodb:')),
      )!;
      expect(JSON.stringify(table.Resource)).toMatch(/TableArn|Table.*Arn/);
      const key = statements.find((statement) => actionsOf(statement).some((action) => action.startsWith('kms:')))!;
      expect(key.Condition).toEqual({ StringEquals: { 'kms:ViaService': 'dynamodb.eu-west-1.amazonaws.com' } });
      const writes = route.dynamodb.actions.some((action) => !['GetItem', 'BatchGetItem', 'Query'].includes(action));
      expect(actionsOf(key).includes('kms:Encrypt')).toBe(writes);
    }
  });

  it('gives the OpenAPI function no table access at all', () => {
    expect(
      statementsOf('GetOpenApi')
        .flatMap(actionsOf)
        .filter((action) => !action.startsWith('logs:') && !action.startsWith('xray:')),
    ).toEqual([]);
  });

  it('only uses a "*" resource for actions that have no resource-level permissions', () => {
    const unscopable = /^(xray:|sns:Publish$|states:SendTaskSuccess$)/;
    for (const id of [...apiRoutes.map((route) => route.id), 'ReminderRun', 'WakeTask']) {
      for (const statement of statementsOf(id)) {
        if (statement.Resource === '*')
          expect(actionsOf(statement).every((action) => unscopable.test(action))).toBe(true);
      }
    }
  });

  it('lets only the run and the webhooks (a refund reopens a case) start executions, only of the delinquency machine', () => {
    const starters = ['ReminderRun', 'WakeTask', ...apiRoutes.map((route) => route.id)].filter((id) =>
      statementsOf(id).some((statement) => actionsOf(statement).includes('states:StartExecution')),
    );
    expect(starters).toEqual(['ReminderRun', 'PostStripeWebhook', 'PostGenericWebhook']);
    for (const id of starters) {
      const start = statementsOf(id).find((statement) => actionsOf(statement).includes('states:StartExecution'))!;
      expect(JSON.stringify(start.Resource)).toContain('DelinquencyStateMachine');
    }
  });

  it('lets only the webhooks (signing secrets) and erasure (the erasure key) read provider secrets, and only under the Arrears prefix', () => {
    const readers = apiRoutes
      .map((route) => route.id)
      .filter((id) =>
        statementsOf(id).some(
          (statement) =>
            actionsOf(statement).includes('secretsmanager:GetSecretValue') &&
            JSON.stringify(statement.Resource).includes(':secret:arrears/webhooks/'),
        ),
      );
    expect(readers.sort()).toEqual(['DeleteCustomer', 'PostGenericWebhook', 'PostStripeWebhook']);
    const read = statementsOf('PostStripeWebhook').find((statement) =>
      actionsOf(statement).includes('secretsmanager:GetSecretValue'),
    )!;
    expect(JSON.stringify(read.Resource)).toContain(':secret:arrears/webhooks/*');
  });

  it("creates the portal's signing key as a generated secret, encrypted with the data key and retained", () => {
    statefulTemplate.hasResource('AWS::SecretsManager::Secret', {
      Properties: Match.objectLike({
        Name: 'arrears/portal-signing-key',
        GenerateSecretString: Match.objectLike({ PasswordLength: 64, ExcludePunctuation: true }),
        KmsKeyId: Match.anyValue(),
      }),
      DeletionPolicy: 'Retain',
    });
  });

  it('routes every partner API path to its function, with access logs and throttling on the stage', () => {
    for (const route of apiRoutes) {
      statelessTemplate.hasResourceProperties('AWS::ApiGatewayV2::Route', {
        RouteKey: `${route.method} ${route.path}`,
      });
    }
    statelessTemplate.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AccessLogSettings: Match.objectLike({ DestinationArn: Match.anyValue() }),
      DefaultRouteSettings: Match.objectLike({ ThrottlingRateLimit: 200, ThrottlingBurstLimit: 400 }),
    });
  });

  it('subscribes the SES feedback function to the bounce and complaint topic', () => {
    statelessTemplate.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'lambda',
      Endpoint: { 'Fn::GetAtt': [Match.stringLikeRegexp('^SesFeedback'), 'Arn'] },
    });
    // Reads the customer (an erased one gets no suppression of its address) and writes the suppression.
    expect(
      statementsOf('SesFeedback')
        .flatMap(actionsOf)
        .filter((action) => action.startsWith('dynamodb:')),
    ).toEqual(['dynamodb:GetItem', 'dynamodb:PutItem']);
  });

  it("counts invoice writes into the report counters from the table's stream, failed batches kept in the dead-letter queue", () => {
    statelessTemplate.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: Match.stringLikeRegexp('^ReportLedgerFunction') },
      EventSourceArn: { 'Fn::ImportValue': Match.stringLikeRegexp('StreamArn') },
      StartingPosition: 'TRIM_HORIZON',
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: {
        OnFailure: { Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('^DeadLetterQueue'), 'Arn'] } },
      },
      // Only invoice items move counters: nothing else wakes the function.
      FilterCriteria: {
        Filters: [
          {
            Pattern: JSON.stringify({
              eventName: ['INSERT', 'MODIFY'],
              dynamodb: { NewImage: { type: { S: ['Invoice'] } } },
            }),
          },
        ],
      },
    });
    statelessTemplate.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'IteratorAge',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: Match.stringLikeRegexp('^ReportLedgerFunction') } }],
      Threshold: 300_000,
    });
  });

  it('runs the reminder run at the top of every hour', () => {
    statelessTemplate.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'cron(0 * * * ? *)',
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ReminderRun'), 'Arn'] } })],
    });
  });

  it('gives a turn of the run 15 minutes, paced under the StartExecution quota, and sends its continuation back to it', () => {
    const run = Object.values(statelessTemplate.findResources('AWS::Lambda::Function')).find((resource) =>
      String((resource.Properties as { Description?: string }).Description).startsWith('Hourly run'),
    )!.Properties as { Timeout: number; Environment: { Variables: Record<string, unknown> } };
    expect(run.Timeout).toBe(900);
    // The pace and the concurrency are the schema's defaults unless a deployment sets them.
    expect(run.Environment.Variables.STATE_MACHINE_ARN).toBeDefined();
    statelessTemplate.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { source: ['arrears.engine'], 'detail-type': ['ReminderRunContinues'] },
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ReminderRun'), 'Arn'] },
          DeadLetterConfig: Match.anyValue(),
        }),
      ],
    });
  });

  it('defines the delinquency state machine as a Standard workflow with tracing and full logging', () => {
    statelessTemplate.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineType: 'STANDARD',
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: Match.objectLike({ Level: 'ALL' }),
    });
  });

  it('wakes the waits by one-time schedules in a group of their own, run as a role that may only answer task tokens', () => {
    statelessTemplate.hasResourceProperties('AWS::Scheduler::ScheduleGroup', { Name: 'ArrearsStateless-wakes' });
    const roles = statelessTemplate.findResources('AWS::IAM::Role', {
      Properties: {
        AssumeRolePolicyDocument: {
          Statement: [
            Match.objectLike({
              Principal: { Service: 'scheduler.amazonaws.com' },
              Condition: { StringEquals: { 'aws:SourceAccount': '123456789012' } },
            }),
          ],
        },
      },
    });
    expect(Object.keys(roles)).toHaveLength(1);
    const roleId = Object.keys(roles)[0]!;
    expect(statementsOf('WakeScheduler').flatMap(actionsOf).sort()).toEqual([
      'states:SendTaskFailure',
      'states:SendTaskHeartbeat',
      'states:SendTaskSuccess',
    ]);
    expect(JSON.stringify(statementsOf('WakeScheduler')[0]!.Resource)).toContain(
      'stateMachine:ArrearsStateless-Delinquency',
    );

    // The Wake task creates schedules in that group only, passes that role only, and ends its own waits.
    const wake = statementsOf('WakeTask');
    const create = wake.find((statement) => actionsOf(statement).includes('scheduler:CreateSchedule'))!;
    expect(actionsOf(create)).toEqual(['scheduler:CreateSchedule']);
    expect(JSON.stringify(create.Resource)).toContain(':schedule/ArrearsStateless-wakes/*');
    const pass = wake.find((statement) => actionsOf(statement).includes('iam:PassRole'))!;
    expect(pass.Resource).toEqual({ 'Fn::GetAtt': [roleId, 'Arn'] });
    const functions = statelessTemplate.findResources('AWS::Lambda::Function', {
      Properties: { Environment: { Variables: Match.objectLike({ WAKE_SCHEDULE_GROUP: Match.anyValue() }) } },
    });
    expect(Object.keys(functions)).toEqual([expect.stringMatching(/^WakeTask/)]);
    const tokens = Object.entries(statelessTemplate.findResources('AWS::IAM::Policy')).find(([id]) =>
      id.startsWith('WakeTaskHandsTokensBack'),
    )![1] as { Properties: { PolicyDocument: { Statement: Statement[] } } };
    expect(tokens.Properties.PolicyDocument.Statement.flatMap(actionsOf)).toEqual(['states:SendTaskFailure']);
  });

  it('logs the state machine as vended logs, under /aws/vendedlogs/states/, encrypted with the data key', () => {
    const [logGroupId] = Object.keys(
      statelessTemplate.findResources('AWS::Logs::LogGroup', {
        Properties: { LogGroupName: '/aws/vendedlogs/states/ArrearsStateless-DelinquencyStateMachine' },
      }),
    );
    expect(logGroupId).toBeDefined();
    statelessTemplate.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: '/aws/vendedlogs/states/ArrearsStateless-DelinquencyStateMachine',
      KmsKeyId: { 'Fn::ImportValue': Match.stringLikeRegexp('DataKey') },
    });
    statelessTemplate.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      LoggingConfiguration: Match.objectLike({
        Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: { 'Fn::GetAtt': [logGroupId, 'Arn'] } } }],
      }),
    });
  });

  it('encrypts every log group (functions, API access logs, state machine) with the data key', () => {
    const groups = Object.values(statelessTemplate.findResources('AWS::Logs::LogGroup')) as {
      Properties: { KmsKeyId?: unknown };
    }[];
    // One per engine function, one the API's route functions share, the API's access logs and the state machine's.
    const functions = Object.keys(statelessTemplate.findResources('AWS::Lambda::Function')).length;
    expect(groups).toHaveLength(functions - apiRoutes.length + 3);
    for (const group of groups)
      expect(JSON.stringify(group.Properties.KmsKeyId)).toMatch(/ExportsOutputFnGetAttDataKey\w+Arn/);
    statefulTemplate.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: 'logs.eu-west-1.amazonaws.com' },
            Condition: {
              ArnLike: {
                'kms:EncryptionContext:aws:logs:arn': {
                  'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':logs:eu-west-1:123456789012:log-group:*']],
                },
              },
            },
          }),
        ]),
      },
    });
  });

  it('keeps the dead-letter queue, and what waits in it, when the stack is deleted or replaced', () => {
    statelessTemplate.hasResource('AWS::SQS::Queue', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });
});

describe('cdk-nag AwsSolutions', () => {
  it('finds nothing unacknowledged in either stack', () => {
    expect(() => build().app.synth()).not.toThrow();
  });

  it('is really checking: an over-privileged role fails the synth', () => {
    const { app, stateless: stack } = build();
    new iam.Role(stack, 'TooPowerful', {
      assumedBy: new iam.AccountRootPrincipal(),
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AdministratorAccess')],
    });
    expect(() => app.synth()).toThrow(/AwsSolutions-IAM4/);
  });
});
