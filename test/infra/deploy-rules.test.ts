// The synthesized app obeys what CloudFormation and the services enforce at deploy time; each rule is also shown
// refusing a construct broken on purpose, so that none of them can pass by checking nothing.
import { App, CfnResource, Stack, type Environment } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { buildArrearsApp } from '../../infra/lib/arrears-app';
import {
  CLOUDFORMATION_RESOURCE_LIMIT,
  alarmMathViolations,
  alarmTopicViolations,
  hardCodedEnvironmentViolations,
  logGroupKeyViolations,
  nameLengthViolations,
  resourceCountViolations,
  routeThrottleViolations,
  type Template,
  type Templates,
} from './deploy-rules';

/** An account and a region nothing else uses, so that any other one in a template was written by hand. */
const ENV = { account: '246813579024', region: 'ca-central-1' };
/**
 * Stacks are kept under CloudFormation's 500 with room for more API routes (5 resources each since the routes share a
 * log group). 450, raised from 400 with the console's routes: the next dozen routes call for the API's routes in a stack
 * of their own.
 */
const RESOURCE_CEILING = 450;

const synthesize = (env: Environment): Templates => {
  const { app, ...stacks } = buildArrearsApp({ context: { 'aws:cdk:bundling-stacks': [] } }, env, 'Arrears', {
    checks: false,
  });
  const assembly = app.synth();
  // Every stack of the app, the console's included: each one obeys every rule.
  return Object.fromEntries(
    Object.values(stacks).map((stack) => [
      stack.stackName,
      assembly.getStackByName(stack.stackName).template as Template,
    ]),
  );
};
const templates = synthesize(ENV);

/** The template of a tiny stack broken on purpose (and of its sibling stacks, for cross-stack rules). */
const brokenApp = (build: (stack: Stack, app: App) => void, env: Environment = ENV): Templates => {
  // CDK's own template validation would report some of these too: left out, so that only the rule under test speaks.
  const app = new App({ builtinCloudFormationValidation: false });
  const stack = new Stack(app, 'Broken', { env });
  build(stack, app);
  const assembly = app.synth();
  return Object.fromEntries(assembly.stacks.map((artifact) => [artifact.stackName, artifact.template as Template]));
};

/** An encrypted, SSL-only topic with a key: what the alarm topic is, minus what makes CloudWatch welcome. */
const alarmOn = (stack: Stack, topic: sns.ITopic) =>
  new cloudwatch.Alarm(stack, 'Alarm', {
    metric: new cloudwatch.Metric({ namespace: 'AWS/SQS', metricName: 'ApproximateNumberOfMessagesVisible' }),
    threshold: 1,
    evaluationPeriods: 1,
  }).addAlarmAction(new actions.SnsAction(topic));

describe('alarm metric math', () => {
  it('never uses SEARCH in an alarm (SEARCH stays on the dashboard)', () => {
    expect(alarmMathViolations(templates)).toEqual([]);
    const dashboards = JSON.stringify(
      Object.values(templates).flatMap((template) =>
        Object.values(template.Resources).filter((resource) => resource.Type === 'AWS::CloudWatch::Dashboard'),
      ),
    );
    expect(dashboards).toContain('SEARCH(');
  });

  it('refuses an alarm on a SEARCH expression', () => {
    const broken = brokenApp((stack) => {
      new cloudwatch.Alarm(stack, 'Searching', {
        metric: new cloudwatch.MathExpression({
          expression: `SUM(SEARCH('{Arrears,service,channel} MetricName="SendsUnknown"', 'Sum', 300))`,
          usingMetrics: {},
        }),
        threshold: 1,
        evaluationPeriods: 1,
      });
    });
    expect(alarmMathViolations(broken)).toEqual([
      expect.stringMatching(/^Broken\/Searching\w+: SEARCH in an alarm's metric math/),
    ]);
  });
});

describe('alarm topics', () => {
  it("let CloudWatch publish to every topic an alarm notifies, and use the topic's key", () => {
    expect(alarmTopicViolations(templates)).toEqual([]);
    // The rule really followed the alarms across the stacks to the alarm topic.
    expect(JSON.stringify(templates)).toMatch(/Fn::ImportValue":"ArrearsStateful:ExportsOutputRefAlarmTopic/);
  });

  it('refuses a topic whose SSL-only policy holds nothing but its Deny', () => {
    const broken = brokenApp((stack) => {
      const key = new kms.Key(stack, 'Key');
      key.addToResourcePolicy(
        new iam.PolicyStatement({
          principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
          actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
          resources: ['*'],
        }),
      );
      alarmOn(stack, new sns.Topic(stack, 'Topic', { masterKey: key, enforceSSL: true }));
    });
    expect(alarmTopicViolations(broken)).toEqual([
      expect.stringMatching(
        /Topic\w+ \(notified by .*\): its topic policy does not allow cloudwatch.amazonaws.com to sns:Publish/,
      ),
    ]);
  });

  it("refuses a topic whose key does not let CloudWatch encrypt, and one under SNS's own key", () => {
    const broken = brokenApp((stack) => {
      const topic = new sns.Topic(stack, 'Topic', { masterKey: new kms.Key(stack, 'Key') });
      alarmOn(stack, topic);
      const managed = new sns.Topic(stack, 'ManagedKeyTopic', {
        masterKey: kms.Alias.fromAliasName(stack, 'SnsKey', 'alias/aws/sns'),
      });
      new cloudwatch.Alarm(stack, 'Other', {
        metric: new cloudwatch.Metric({ namespace: 'AWS/SQS', metricName: 'NumberOfMessagesSent' }),
        threshold: 1,
        evaluationPeriods: 1,
      }).addAlarmAction(new actions.SnsAction(managed));
    });
    expect(alarmTopicViolations(broken).sort()).toEqual([
      expect.stringMatching(/ManagedKeyTopic\w+ .*: encrypted with the AWS-managed SNS key/),
      expect.stringMatching(
        /Broken\/Topic\w+ .*: its key Broken\/Key\w+ does not allow cloudwatch.amazonaws.com to kms:GenerateDataKey and kms:Decrypt/,
      ),
    ]);
  });
});

describe('encrypted log groups', () => {
  it('are all encrypted with a key that lets CloudWatch Logs of the region use it', () => {
    const groups = Object.values(templates).flatMap((template) =>
      Object.values(template.Resources).filter((resource) => resource.Type === 'AWS::Logs::LogGroup'),
    );
    expect(groups.length).toBeGreaterThan(0);
    expect(groups.filter((group) => group.Properties?.KmsKeyId === undefined)).toEqual([]);
    expect(logGroupKeyViolations(templates, ENV.region)).toEqual([]);
  });

  it('refuses a log group under a key whose policy leaves CloudWatch Logs out (CreateLogGroup would fail)', () => {
    const broken = brokenApp((stack) => {
      new logs.LogGroup(stack, 'Logs', { encryptionKey: new kms.Key(stack, 'Key') });
    });
    expect(logGroupKeyViolations(broken, ENV.region)).toEqual([
      expect.stringMatching(
        /Broken\/Logs\w+: its key Broken\/Key\w+ does not let logs.ca-central-1.amazonaws.com use it/,
      ),
    ]);
  });
});

describe('names', () => {
  it("fit their services' limits wherever a name is set explicitly", () => {
    expect(nameLengthViolations(templates, ENV)).toEqual([]);
    // At least the state machine's vended log group is named, so the rule measured something.
    expect(JSON.stringify(templates)).toContain('/aws/vendedlogs/states/');
  });

  it('refuses a queue name over 80 characters and a rule name over 64, literal or joined', () => {
    const broken = brokenApp((stack) => {
      new sqs.Queue(stack, 'Queue', { queueName: 'q'.repeat(81) });
      new CfnResource(stack, 'Rule', {
        type: 'AWS::Events::Rule',
        properties: { Name: `${stack.stackName}-${'r'.repeat(58)}`, ScheduleExpression: 'rate(1 hour)' },
      });
      new sqs.Queue(stack, 'Fine', { queueName: 'q'.repeat(80) });
    });
    expect(nameLengthViolations(broken, ENV).sort()).toEqual([
      expect.stringMatching(/^Broken\/Queue\w+: QueueName "q{81}" is 81 characters, AWS::SQS::Queue allows 80$/),
      expect.stringMatching(/^Broken\/Rule: Name "Broken-r{58}" is 65 characters, AWS::Events::Rule allows 64$/),
    ]);
  });
});

describe('stack size', () => {
  it(`keeps each stack well under CloudFormation's ${CLOUDFORMATION_RESOURCE_LIMIT} resources`, () => {
    const counts = Object.fromEntries(
      Object.entries(templates).map(([stack, template]) => [stack, Object.keys(template.Resources).length]),
    );
    // eslint-disable-next-line no-console -- the counts are the figure this test reports, run after run
    console.log(
      `resources per stack (ceiling ${RESOURCE_CEILING}, CloudFormation's limit ${CLOUDFORMATION_RESOURCE_LIMIT}): ${JSON.stringify(counts)}`,
    );
    expect(resourceCountViolations(templates, RESOURCE_CEILING)).toEqual([]);
    expect(Object.keys(counts)).toEqual(['ArrearsStateful', 'ArrearsStateless', 'ArrearsConsole']);
  });

  it('refuses a stack at the ceiling', () => {
    const broken = brokenApp((stack) => {
      for (let index = 0; index < 10; index += 1)
        new CfnResource(stack, `Handle${index}`, { type: 'AWS::CloudFormation::WaitConditionHandle' });
    });
    expect(resourceCountViolations(broken, 10)).toEqual([
      "Broken: 10 resources, the ceiling is 10 (CloudFormation's limit 500)",
    ]);
    expect(resourceCountViolations(broken, 11)).toEqual([]);
  });
});

describe('environment', () => {
  it('writes no region and no account into the templates but the ones they were synthesized for', () => {
    expect(hardCodedEnvironmentViolations(templates, ENV)).toEqual([]);
    // The rule sees the synthesized region where CDK writes it (KMS use through DynamoDB in this region).
    expect(JSON.stringify(templates)).toContain(`dynamodb.${ENV.region}.amazonaws.com`);
  });

  it('synthesizes for any account with no account written in (the table key needs a concrete region, so only the account is left open)', () => {
    expect(hardCodedEnvironmentViolations(synthesize({ region: ENV.region }), { region: ENV.region })).toEqual([]);
  });

  it('refuses a region or an account written by hand', () => {
    const broken = brokenApp((stack) => {
      new CfnResource(stack, 'Pointer', {
        type: 'AWS::SSM::Parameter',
        properties: { Type: 'String', Value: 'arn:aws:sns:us-east-1:123456789012:someone-elses-topic' },
      });
    }, {});
    expect(hardCodedEnvironmentViolations(broken)).toEqual([
      expect.stringMatching(/Pointer.*region "us-east-1"/),
      expect.stringMatching(/Pointer.*account "123456789012"/),
    ]);
  });
});

describe('API stage', () => {
  it("restates the stage's throttle on every route given settings of its own", () => {
    expect(routeThrottleViolations(templates)).toEqual([]);
    const stages = Object.values(templates).flatMap((template) =>
      Object.values(template.Resources).filter((resource) => resource.Type === 'AWS::ApiGatewayV2::Stage'),
    );
    expect(Object.keys((stages[0]!.Properties!.RouteSettings ?? {}) as object).length).toBeGreaterThan(0);
  });

  it('refuses a route whose settings leave out the throttle (its limits would be 0)', () => {
    const broken = brokenApp((stack) => {
      const api = new apigwv2.HttpApi(stack, 'Api', { createDefaultStage: false });
      const stage = new apigwv2.HttpStage(stack, 'Stage', {
        httpApi: api,
        stageName: '$default',
        throttle: { rateLimit: 10, burstLimit: 20 },
      });
      (stage.node.defaultChild as apigwv2.CfnStage).routeSettings = { 'POST /hook': { DetailedMetricsEnabled: true } };
    });
    expect(routeThrottleViolations(broken).sort()).toEqual([
      expect.stringMatching(/route "POST \/hook" drops the stage's ThrottlingBurstLimit/),
      expect.stringMatching(/route "POST \/hook" drops the stage's ThrottlingRateLimit/),
    ]);
  });
});
