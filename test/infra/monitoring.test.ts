// The operators' view in the synthesized stacks: the dashboard, each alarm with its metric and threshold on the alarm
// topic, the webhook routes' own metrics, and the encrypted dead-letter queue behind every asynchronous invocation.
import { Match } from 'aws-cdk-lib/assertions';
import { defaultTemplates, templateOf } from './synthesized';
import { buildArrearsApp } from '../../infra/lib/arrears-app';

const { stateless: template, stateful: statefulTemplate } = defaultTemplates();

const WEBHOOK_ROUTES = ['POST /v1/webhooks/stripe/{tenantId}', 'POST /v1/webhooks/generic/{tenantId}'];
/** The alarm topic lives in the stateful stack: every alarm notifies it through the stack export. */
const ALARM_TOPIC = [{ 'Fn::ImportValue': Match.stringLikeRegexp('AlarmTopic') }];
const logicalIdOf = (type: string, prefix: string) => {
  const ids = Object.keys(template.findResources(type)).filter((id) => id.startsWith(prefix));
  expect(ids).toHaveLength(1);
  return ids[0]!;
};

describe('alarms', () => {
  it('pages on any failed escalation execution (Step Functions ExecutionsFailed of the delinquency machine)', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/States',
      MetricName: 'ExecutionsFailed',
      Dimensions: [
        {
          Name: 'StateMachineArn',
          Value: { Ref: logicalIdOf('AWS::StepFunctions::StateMachine', 'DelinquencyStateMachine') },
        },
      ],
      Statistic: 'Sum',
      Period: 300,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      AlarmActions: ALARM_TOPIC,
    });
  });

  it('pages as well on executions that timed out or were aborted, each with its own alarm', () => {
    for (const metricName of ['ExecutionsTimedOut', 'ExecutionsAborted']) {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/States',
        MetricName: metricName,
        Dimensions: [
          {
            Name: 'StateMachineArn',
            Value: { Ref: logicalIdOf('AWS::StepFunctions::StateMachine', 'DelinquencyStateMachine') },
          },
        ],
        Statistic: 'Sum',
        Period: 300,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        AlarmActions: ALARM_TOPIC,
      });
    }
  });

  it("pages on any 5xx of the payment webhooks' routes, from their per-route API Gateway metrics", () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      AlarmActions: ALARM_TOPIC,
      Metrics: Match.arrayWith([
        Match.objectLike({ Expression: 'FILL(m0, 0) + FILL(m1, 0)', ReturnData: true }),
        ...WEBHOOK_ROUTES.map((route) =>
          Match.objectLike({
            MetricStat: Match.objectLike({
              Metric: {
                Namespace: 'AWS/ApiGateway',
                MetricName: '5xx',
                Dimensions: [
                  { Name: 'ApiId', Value: { Ref: logicalIdOf('AWS::ApiGatewayV2::Api', 'PartnerApi') } },
                  { Name: 'Route', Value: route },
                  { Name: 'Stage', Value: '$default' },
                ],
              },
              Stat: 'Sum',
            }),
          }),
        ),
      ]),
    });
    // Only the webhook routes pay for detailed metrics, with the stage's throttling kept, once the routes exist.
    const stage = template.findResources('AWS::ApiGatewayV2::Stage');
    const [stageResource] = Object.values(stage) as {
      Properties: { RouteSettings: Record<string, unknown> };
      DependsOn: string[];
    }[];
    expect(Object.keys(stageResource!.Properties.RouteSettings).sort()).toEqual([...WEBHOOK_ROUTES].sort());
    for (const settings of Object.values(stageResource!.Properties.RouteSettings)) {
      expect(settings).toEqual({ DetailedMetricsEnabled: true, ThrottlingBurstLimit: 400, ThrottlingRateLimit: 200 });
    }
    expect(stageResource!.DependsOn.filter((id) => id.includes('webhooks'))).toHaveLength(2);
  });

  it('pages as soon as one message sits in the dead-letter queue', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [
        {
          Name: 'QueueName',
          Value: { 'Fn::GetAtt': [logicalIdOf('AWS::SQS::Queue', 'DeadLetterQueue'), 'QueueName'] },
        },
      ],
      Statistic: 'Maximum',
      Threshold: 1,
      AlarmActions: ALARM_TOPIC,
    });
  });

  it("pages when the account's SES bounce rate reaches 4 %, before SES's 5 % review", () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Metrics: [
        Match.objectLike({
          MetricStat: Match.objectLike({
            Metric: { Namespace: 'AWS/SES', MetricName: 'Reputation.BounceRate' },
            Stat: 'Maximum',
          }),
        }),
      ],
      Threshold: 0.04,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      AlarmActions: ALARM_TOPIC,
    });
  });

  it('has exactly these ten alarms (the fault ones in faults.test.ts, restarted executions, the report stream in stacks.test.ts), all treating no data as fine', () => {
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')) as {
      Properties: { TreatMissingData: string };
    }[];
    expect(alarms).toHaveLength(10);
    for (const alarm of alarms) expect(alarm.Properties.TreatMissingData).toBe('notBreaching');
  });

  it('lets CloudWatch publish to the alarm topic, whose SSL-only policy would otherwise hold nothing but a Deny', () => {
    const policies = Object.values(statefulTemplate.findResources('AWS::SNS::TopicPolicy')) as {
      Properties: { Topics: { Ref: string }[]; PolicyDocument: { Statement: unknown[] } };
    }[];
    const alarmTopicPolicy = policies.find((policy) =>
      policy.Properties.Topics.some((topic) => topic.Ref.startsWith('AlarmTopic')),
    )!;
    expect(alarmTopicPolicy.Properties.PolicyDocument.Statement).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          Effect: 'Allow',
          Principal: { Service: 'cloudwatch.amazonaws.com' },
          Action: 'sns:Publish',
          Condition: {
            StringEquals: { 'aws:SourceAccount': '123456789012' },
            ArnLike: {
              'aws:SourceArn': {
                'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':cloudwatch:eu-west-1:123456789012:alarm:*']],
              },
            },
          },
        }),
      ]),
    );
  });

  it('mails the alarms to the address given with -c arrears:alarmEmail, and to nobody unless one is given', () => {
    const withEmail = buildArrearsApp(
      { context: { 'aws:cdk:bundling-stacks': [], 'arrears:alarmEmail': 'ops@example.com' } },
      { account: '123456789012', region: 'eu-west-1' },
    );
    templateOf(withEmail.stateful).hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.com',
      TopicArn: { Ref: Match.stringLikeRegexp('^AlarmTopic') },
    });
    statefulTemplate.resourceCountIs('AWS::SNS::Subscription', 0);
    expect(() =>
      buildArrearsApp(
        { context: { 'aws:cdk:bundling-stacks': [], 'arrears:alarmEmail': 'ops-at-example' } },
        { account: '123456789012', region: 'eu-west-1' },
      ),
    ).toThrow(/arrears:alarmEmail=ops-at-example is not an email address/);
  });

  it('lets CloudWatch and EventBridge use the data key that encrypts the alarm topic and the dead-letter queue', () => {
    statefulTemplate.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith(
          ['cloudwatch.amazonaws.com', 'events.amazonaws.com'].map((service) =>
            Match.objectLike({ Principal: { Service: service }, Action: ['kms:GenerateDataKey', 'kms:Decrypt'] }),
          ),
        ),
      },
    });
  });
});

describe('dead-letter queue', () => {
  it('is encrypted with the data key and refuses plain HTTP', () => {
    template.hasResourceProperties('AWS::SQS::Queue', {
      KmsMasterKeyId: Match.anyValue(),
      MessageRetentionPeriod: 14 * 24 * 3600,
    });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('keeps what the reminder schedule could not deliver, and what the run and the SES feedback failed after retries', () => {
    const queue = { 'Fn::GetAtt': [logicalIdOf('AWS::SQS::Queue', 'DeadLetterQueue'), 'Arn'] };
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'cron(0 * * * ? *)',
      Targets: [
        Match.objectLike({
          DeadLetterConfig: { Arn: queue },
          RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 1800 },
        }),
      ],
    });
    for (const fn of ['ReminderRun', 'SesFeedback']) {
      template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        FunctionName: { Ref: logicalIdOf('AWS::Lambda::Function', `${fn}Function`) },
        MaximumRetryAttempts: 2,
        DestinationConfig: { OnFailure: { Destination: queue } },
      });
    }
  });
});

interface Widget {
  type: string;
  properties: { title?: string; metrics?: unknown[][]; alarms?: unknown[] };
}

/** The dashboard's widgets, with the template's references (ARNs, names) replaced by a placeholder. */
const widgets = (): Widget[] => {
  const dashboards = Object.values(template.findResources('AWS::CloudWatch::Dashboard')) as {
    Properties: { DashboardBody: { 'Fn::Join': [string, unknown[]] } };
  }[];
  expect(dashboards).toHaveLength(1);
  const text = dashboards[0]!.Properties.DashboardBody['Fn::Join'][1]
    .map((part) => (typeof part === 'string' ? part : 'REF'))
    .join('');
  return (JSON.parse(text) as { widgets: Widget[] }).widgets;
};
/** Each graphed metric as namespace, name and dimension pairs, or its expression. */
const graphed = (widget: Widget) =>
  (widget.properties.metrics ?? []).map((line) => {
    const options = line.at(-1) as { expression?: string };
    return options.expression ?? line.filter((part) => typeof part === 'string').join(' ');
  });

describe('dashboard', () => {
  it('shows the alarms, then the business metrics by channel, currency and outcome beside the service metrics', () => {
    const [alarms, ...graphs] = widgets();
    expect(alarms).toMatchObject({ type: 'alarm', properties: { alarms: Array(9).fill('REF') } });
    const byTitle = Object.fromEntries(graphs.map((widget) => [widget.properties.title, graphed(widget)]));
    expect(byTitle).toEqual({
      'Messages sent by channel (per hour)': [
        'Arrears MessagesSent channel email service arrears',
        'Arrears MessagesSent channel sms service arrears',
      ],
      'Payments applied (per hour, by currency)': [
        `SEARCH('{Arrears,service,currency} MetricName="PaymentsApplied"', 'Sum', 3600)`,
      ],
      'Amount recovered (minor units per hour, by currency)': [
        `SEARCH('{Arrears,service,currency} MetricName="AmountRecovered"', 'Sum', 3600)`,
      ],
      'Promises decided (per hour)': [
        'Arrears PromisesDecided outcome kept service arrears',
        'Arrears PromisesDecided outcome partially_kept service arrears',
        'Arrears PromisesDecided outcome broken service arrears',
      ],
      'Escalation executions (per hour)': [
        'Arrears ExecutionsStarted service arrears',
        'AWS/States ExecutionsStarted StateMachineArn REF',
        'AWS/States ExecutionsFailed StateMachineArn REF',
        'AWS/States ExecutionsTimedOut StateMachineArn REF',
        'AWS/States ExecutionsAborted StateMachineArn REF',
      ],
      'Webhook 5xx, dead letters, SES bounce rate': [
        'FILL(m0, 0) + FILL(m1, 0)',
        ...WEBHOOK_ROUTES.map((route) => `AWS/ApiGateway 5xx ApiId REF Route ${route} Stage $default`),
        'AWS/SQS ApproximateNumberOfMessagesVisible QueueName REF',
        'AWS/SES Reputation.BounceRate',
      ],
      'Integration events parked, replayed, overdue (per hour)': [
        'Arrears EventsUnpublished service arrears',
        'Arrears EventsReplayed service arrears',
        'Arrears EventsParkedOverdue service arrears',
      ],
    });
  });
});
