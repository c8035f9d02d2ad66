// Where work can be dropped in the deployed system, something keeps it and an alarm says so; the state machine retries.
import { Match } from 'aws-cdk-lib/assertions';
import { defaultTemplates } from './synthesized';
import { synthesizedStateMachines } from '../../local/synthesized-definitions';

const { stateless: template, stateful: statefulTemplate } = defaultTemplates();
const ALARM_TOPIC = [{ 'Fn::ImportValue': Match.stringLikeRegexp('AlarmTopic') }];
const queueArn = () => {
  const ids = Object.keys(template.findResources('AWS::SQS::Queue')).filter((id) => id.startsWith('DeadLetterQueue'));
  expect(ids).toHaveLength(1);
  return { 'Fn::GetAtt': [ids[0]!, 'Arn'] };
};

type States = Record<
  string,
  {
    Type: string;
    Retry?: { ErrorEquals: string[]; MaxAttempts: number; BackoffRate: number; JitterStrategy?: string }[];
    Catch?: { ErrorEquals: string[]; Next: string }[];
  }
>;
/** The definition as synthesized (the one the local runtime runs too). */
const definition = () =>
  synthesizedStateMachines().get('DelinquencyStateMachine')!.definition as unknown as { States: States };

describe('dead letters', () => {
  it('keeps what SNS cannot deliver to the SES feedback function, in the encrypted dead-letter queue', () => {
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'lambda',
      RedrivePolicy: { deadLetterTargetArn: queueArn() },
    });
    statefulTemplate.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: 'sns.amazonaws.com' },
            Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
          }),
        ]),
      },
    });
  });

  it('gives every EventBridge rule target and every asynchronously invoked function a dead-letter destination', () => {
    const rules = Object.values(template.findResources('AWS::Events::Rule')) as {
      Properties: { Targets?: { DeadLetterConfig?: unknown }[] };
    }[];
    for (const rule of rules)
      for (const target of rule.Properties.Targets ?? []) expect(target.DeadLetterConfig).toEqual({ Arn: queueArn() });
    const configs = Object.values(template.findResources('AWS::Lambda::EventInvokeConfig')) as {
      Properties: { DestinationConfig: unknown };
    }[];
    expect(configs.length).toBeGreaterThanOrEqual(2);
    for (const config of configs)
      expect(config.Properties.DestinationConfig).toEqual({ OnFailure: { Destination: queueArn() } });
  });
});

describe('fault alarms', () => {
  it('pages on any SendsUnknown (a send whose task died after claiming it), on either channel', () => {
    const perChannel = (channel: string) =>
      Match.objectLike({
        Id: channel,
        MetricStat: Match.objectLike({
          Metric: {
            Namespace: 'Arrears',
            MetricName: 'SendsUnknown',
            Dimensions: Match.arrayWith([{ Name: 'channel', Value: channel }]),
          },
          Period: 300,
          Stat: 'Sum',
        }),
        ReturnData: false,
      });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Metrics: [
        Match.objectLike({ Expression: 'FILL(email, 0) + FILL(sms, 0)', ReturnData: true }),
        perChannel('email'),
        perChannel('sms'),
      ],
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      AlarmActions: ALARM_TOPIC,
    });
  });

  it('pages on parked events the hourly replays have not got out for hours (EventsParkedOverdue), not on parking itself', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Metrics: [
        Match.objectLike({
          MetricStat: {
            Metric: {
              Namespace: 'Arrears',
              MetricName: 'EventsParkedOverdue',
              Dimensions: [{ Name: 'service', Value: 'arrears' }],
            },
            Period: 3600,
            Stat: 'Sum',
          },
          ReturnData: true,
        }),
      ],
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      AlarmActions: ALARM_TOPIC,
      AlarmDescription: Match.stringLikeRegexp('replays parked events automatically'),
    });
    const alarms = JSON.stringify(template.findResources('AWS::CloudWatch::Alarm'));
    expect(alarms).not.toContain('EventsUnpublished');
  });
});

describe('state machine retries', () => {
  it('never retries the named ends of a wake, retries anything else with jittered backoff, then ends in Failed', () => {
    const { States } = definition();
    const ends = ['Arrears.CaseClosed', 'Arrears.Superseded', 'Arrears.HandOver'];
    // Retriers match in order: the ends first with no attempts, so States.ALL after them never retries one.
    expect(States.Wake!.Retry).toEqual([
      expect.objectContaining({ ErrorEquals: ends, MaxAttempts: 0 }),
      expect.objectContaining({ ErrorEquals: ['States.ALL'], MaxAttempts: 6, BackoffRate: 2, JitterStrategy: 'FULL' }),
    ]);
    expect(States.Wake!.Catch!.map((rule) => [rule.ErrorEquals, rule.Next])).toEqual([
      [['Arrears.CaseClosed', 'Arrears.Superseded'], 'Done'],
      [['Arrears.HandOver'], 'HandOver'],
      [['States.ALL'], 'Failed'],
    ]);
  });

  it('retries a hand-over except when its name is taken, which is caught as handed over', () => {
    const { States } = definition();
    expect(States.HandOver!.Retry).toEqual([
      expect.objectContaining({ ErrorEquals: ['StepFunctions.ExecutionAlreadyExistsException'], MaxAttempts: 0 }),
      expect.objectContaining({ ErrorEquals: ['States.ALL'], MaxAttempts: 6 }),
    ]);
    expect(States.HandOver!.Catch!.map((rule) => [rule.ErrorEquals, rule.Next])).toEqual([
      [['StepFunctions.ExecutionAlreadyExistsException'], 'HandedOver'],
      [['States.ALL'], 'Failed'],
    ]);
  });
});
