// What operators watch: one CloudWatch dashboard of the business metrics and the service metrics behind them, and the
// alarms that page them (executions failed, timed out or aborted, webhook 5xx, dead letters, SES bounce rate, unknown
// sends, overdue parked events) on the encrypted alarm topic.
import { Duration } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { METRICS_NAMESPACE, METRICS_SERVICE, type BusinessMetricName } from '../../shared/ports/metrics.port';
import { PARKED_OVERDUE_HOURS } from '../../shared/use-cases/replay-parked-events';
import type { ReminderOutcome } from '../../shared/use-cases/send-reminder';

/** SES reviews an account whose bounce rate reaches 5 %: the alarm warns a point before that. */
export const BOUNCE_RATE_ALARM_THRESHOLD = 0.04;

export interface OperationsMonitoringProps {
  alarmTopic: sns.ITopic;
  stateMachine: sfn.IStateMachine;
  api: apigwv2.IHttpApi;
  /** The API's stage; its webhook routes get detailed (per-route) metrics, the only way to see their own 5xx. */
  stage: apigwv2.HttpStage;
  /** Route keys of the payment webhooks, e.g. "POST /v1/webhooks/stripe/{tenantId}". */
  webhookRouteKeys: readonly string[];
  /** Where failed asynchronous invocations and undeliverable schedule events end up. */
  deadLetterQueue: sqs.IQueue;
}

const FIVE_MINUTES = Duration.minutes(5);
const ONE_HOUR = Duration.hours(1);

const business = (metricName: BusinessMetricName, dimensions: Record<string, string> = {}, label?: string) =>
  new cloudwatch.Metric({
    namespace: METRICS_NAMESPACE,
    metricName,
    dimensionsMap: { service: METRICS_SERVICE, ...dimensions },
    statistic: cloudwatch.Stats.SUM,
    period: ONE_HOUR,
    ...(label ? { label } : {}),
  });

/** The channels a send can end 'unknown' on; the alarm sums one series per channel (alarms refuse SEARCH). */
type SendChannel = Extract<ReminderOutcome, { outcome: 'unknown' }>['channel'];
// Written as a record so that a channel added to the outcome and not listed here stops the build, not the alarm.
export const SEND_CHANNELS = Object.keys({ email: true, sms: true } satisfies Record<
  SendChannel,
  true
>) as SendChannel[];

/**
 * Every currency's series of a business metric, whatever currencies the tenants collect in. SEARCH is for dashboards
 * only: CloudWatch refuses it in an alarm ("SEARCH is not supported on Metric Alarms").
 */
const perCurrency = (metricName: BusinessMetricName, label: string) =>
  new cloudwatch.MathExpression({
    expression: `SEARCH('{${METRICS_NAMESPACE},service,currency} MetricName="${metricName}"', 'Sum', 3600)`,
    usingMetrics: {},
    label,
    period: ONE_HOUR,
  });

export class OperationsMonitoring extends Construct {
  readonly dashboard: cloudwatch.Dashboard;
  readonly failedExecutionsAlarm: cloudwatch.Alarm;
  readonly timedOutExecutionsAlarm: cloudwatch.Alarm;
  readonly abortedExecutionsAlarm: cloudwatch.Alarm;
  readonly webhookServerErrorsAlarm: cloudwatch.Alarm;
  readonly deadLettersAlarm: cloudwatch.Alarm;
  readonly bounceRateAlarm: cloudwatch.Alarm;
  readonly executionRestartsAlarm: cloudwatch.Alarm;
  readonly unknownSendsAlarm: cloudwatch.Alarm;
  readonly parkedEventsAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: OperationsMonitoringProps) {
    super(scope, id);
    const notify = new actions.SnsAction(props.alarmTopic);
    const alarm = (alarmId: string, metric: cloudwatch.IMetric, threshold: number, description: string) => {
      const created = new cloudwatch.Alarm(this, alarmId, {
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        // No data means nothing happened: no execution failed, no webhook answered, no email went out.
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      });
      created.addAlarmAction(notify);
      return created;
    };

    // An execution that failed, timed out (Standard executions end after a year) or was stopped leaves its delinquency
    // without escalation until the hourly run restarts it: each way of ending badly pages on its own.
    const executionMetric = { period: FIVE_MINUTES, statistic: cloudwatch.Stats.SUM };
    this.failedExecutionsAlarm = alarm(
      'FailedExecutions',
      props.stateMachine.metricFailed(executionMetric),
      1,
      "A delinquency's escalation execution failed: that case escalates no further until it is restarted. Look at the execution's history.",
    );
    this.timedOutExecutionsAlarm = alarm(
      'TimedOutExecutions',
      props.stateMachine.metricTimedOut(executionMetric),
      1,
      "A delinquency's escalation execution timed out (a Standard execution lives at most a year): that case escalates no further until it is restarted. Look at the execution's history.",
    );
    this.abortedExecutionsAlarm = alarm(
      'AbortedExecutions',
      props.stateMachine.metricAborted(executionMetric),
      1,
      "A delinquency's escalation execution was stopped (StopExecution, or a redeploy that aborted it): that case escalates no further until it is restarted. Check who stopped it in CloudTrail.",
    );

    // HTTP APIs publish a route's 5xx only with detailed metrics on that route; turned on for the webhooks alone, since
    // every route's detailed metrics are billed as custom metrics. The route settings need the routes to exist first.
    // RouteSettings is raw CloudFormation JSON (keys are not converted): the stage's throttling is repeated in its words.
    const stage = props.stage.node.defaultChild as apigwv2.CfnStage;
    const defaults = (stage.defaultRouteSettings ?? {}) as apigwv2.CfnStage.RouteSettingsProperty;
    const routeSettings = {
      ...(defaults.throttlingBurstLimit !== undefined ? { ThrottlingBurstLimit: defaults.throttlingBurstLimit } : {}),
      ...(defaults.throttlingRateLimit !== undefined ? { ThrottlingRateLimit: defaults.throttlingRateLimit } : {}),
      DetailedMetricsEnabled: true,
    };
    stage.routeSettings = Object.fromEntries(props.webhookRouteKeys.map((routeKey) => [routeKey, routeSettings]));
    for (const route of props.api.node
      .findAll()
      .filter((child): child is apigwv2.CfnRoute => child instanceof apigwv2.CfnRoute)) {
      if (props.webhookRouteKeys.includes(route.routeKey)) stage.node.addDependency(route);
    }
    const webhookErrors = Object.fromEntries(
      props.webhookRouteKeys.map((routeKey, index) => [
        `m${index}`,
        new cloudwatch.Metric({
          namespace: 'AWS/ApiGateway',
          metricName: '5xx',
          dimensionsMap: { ApiId: props.api.apiId, Stage: props.stage.stageName, Route: routeKey },
          statistic: cloudwatch.Stats.SUM,
          period: FIVE_MINUTES,
        }),
      ]),
    );
    const webhookServerErrors = new cloudwatch.MathExpression({
      expression: Object.keys(webhookErrors)
        .map((key) => `FILL(${key}, 0)`)
        .join(' + '),
      usingMetrics: webhookErrors,
      label: 'Webhook 5xx',
      period: FIVE_MINUTES,
    });
    this.webhookServerErrorsAlarm = alarm(
      'WebhookServerErrors',
      webhookServerErrors,
      1,
      "A payment webhook answered 5xx: the provider will retry, but payments may be late to stop reminders. Look at the webhook functions' logs.",
    );

    this.deadLettersAlarm = alarm(
      'DeadLetters',
      props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
        period: FIVE_MINUTES,
        statistic: cloudwatch.Stats.MAXIMUM,
      }),
      1,
      'Work was dropped after its retries (a reminder run, an SES bounce or complaint): read the dead-letter queue, fix the cause and replay.',
    );

    // Counted by the engine: a send whose task died between the provider and the claim (never resent), and events the
    // bus kept refusing that the hourly replays have not got out for hours.
    // One series per channel, each filled with 0 where a period has none: a sum of explicit metrics is what an alarm takes.
    const unknownByChannel = Object.fromEntries(
      SEND_CHANNELS.map((channel) => [
        channel,
        business('SendsUnknown', { channel }, channel).with({ period: FIVE_MINUTES }),
      ]),
    );
    const sendsUnknown = new cloudwatch.MathExpression({
      expression: Object.keys(unknownByChannel)
        .map((id) => `FILL(${id}, 0)`)
        .join(' + '),
      usingMetrics: unknownByChannel,
      label: 'Sends of unknown outcome',
      period: FIVE_MINUTES,
    });
    this.unknownSendsAlarm = alarm(
      'UnknownSends',
      sendsUnknown,
      1,
      "A reminder's task died after claiming it, maybe after the provider accepted it: it was not resent. Check the provider's log for the delinquency's 'reminder.unknown' timeline entry.",
    );
    // Parking alone pages nobody: the hourly run replays parked events by itself (each once). The overdue count is
    // written by each run (once an hour), so the alarm looks at the hour.
    this.parkedEventsAlarm = alarm(
      'ParkedEventsOverdue',
      business('EventsParkedOverdue', {}, `Events parked over ${PARKED_OVERDUE_HOURS} h`),
      1,
      `Integration events EventBridge refused have waited over ${PARKED_OVERDUE_HOURS} hours: the hourly run replays parked events automatically, and its replays keep being refused. Check the bus (its policy, the function's PutEvents permission, service health) and the reminder run's logs; the events go out by themselves, once each, when the bus takes them again.`,
    );

    // Each restart is an execution that failed, timed out or was aborted with its case still open. The hourly run already
    // restarted it (nothing lost, nothing sent twice), but an operator should learn why.
    this.executionRestartsAlarm = alarm(
      'ExecutionRestarts',
      business('ExecutionsRestarted', {}, 'Executions restarted'),
      1,
      "The hourly run restarted escalation executions that had failed, timed out or been aborted with their case still open (see each case's 'execution.restarted' timeline entry). The cases go on; find why the executions ended in their execution history.",
    );

    const bounceRate = new cloudwatch.Metric({
      namespace: 'AWS/SES',
      metricName: 'Reputation.BounceRate',
      statistic: cloudwatch.Stats.MAXIMUM,
      period: ONE_HOUR,
      label: 'SES bounce rate (account)',
    });
    this.bounceRateAlarm = alarm(
      'SesBounceRate',
      bounceRate,
      BOUNCE_RATE_ALARM_THRESHOLD,
      `The account's SES bounce rate reached ${BOUNCE_RATE_ALARM_THRESHOLD * 100} %; SES reviews sending at 5 %. Check the addresses partners send and the suppressions.`,
    );

    const graph = (title: string, left: cloudwatch.IMetric[], options: Partial<cloudwatch.GraphWidgetProps> = {}) =>
      new cloudwatch.GraphWidget({ title, left, width: 8, height: 6, ...options });
    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      defaultInterval: Duration.days(7),
      widgets: [
        [
          new cloudwatch.AlarmStatusWidget({
            title: 'Alarms',
            alarms: [
              this.failedExecutionsAlarm,
              this.timedOutExecutionsAlarm,
              this.abortedExecutionsAlarm,
              this.webhookServerErrorsAlarm,
              this.deadLettersAlarm,
              this.bounceRateAlarm,
              this.unknownSendsAlarm,
              this.parkedEventsAlarm,
              this.executionRestartsAlarm,
            ],
            width: 24,
            height: 3,
          }),
        ],
        [
          graph('Messages sent by channel (per hour)', [
            business('MessagesSent', { channel: 'email' }, 'email'),
            business('MessagesSent', { channel: 'sms' }, 'sms'),
          ]),
          graph('Payments applied (per hour, by currency)', [perCurrency('PaymentsApplied', 'payments')]),
          graph('Amount recovered (minor units per hour, by currency)', [perCurrency('AmountRecovered', 'recovered')]),
        ],
        [
          graph('Promises decided (per hour)', [
            business('PromisesDecided', { outcome: 'kept' }, 'kept'),
            business('PromisesDecided', { outcome: 'partially_kept' }, 'partly kept'),
            business('PromisesDecided', { outcome: 'broken' }, 'broken'),
          ]),
          graph('Escalation executions (per hour)', [
            business('ExecutionsStarted', {}, 'started by Arrears'),
            props.stateMachine.metricStarted({
              period: ONE_HOUR,
              statistic: cloudwatch.Stats.SUM,
              label: 'started (Step Functions)',
            }),
            props.stateMachine.metricFailed({ period: ONE_HOUR, statistic: cloudwatch.Stats.SUM, label: 'failed' }),
            props.stateMachine.metricTimedOut({
              period: ONE_HOUR,
              statistic: cloudwatch.Stats.SUM,
              label: 'timed out',
            }),
            props.stateMachine.metricAborted({ period: ONE_HOUR, statistic: cloudwatch.Stats.SUM, label: 'aborted' }),
          ]),
          graph('Webhook 5xx, dead letters, SES bounce rate', [webhookServerErrors, this.deadLettersAlarm.metric], {
            right: [bounceRate],
            leftAnnotations: [{ value: 1, label: 'alarm' }],
            rightAnnotations: [{ value: BOUNCE_RATE_ALARM_THRESHOLD, label: 'bounce alarm' }],
          }),
        ],
        [
          graph('Integration events parked, replayed, overdue (per hour)', [
            business('EventsUnpublished', {}, 'parked'),
            business('EventsReplayed', {}, 'replayed'),
            this.parkedEventsAlarm.metric,
          ]),
        ],
      ],
    });
  }
}
