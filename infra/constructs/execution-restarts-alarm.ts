// The alarm on restarted executions: each one is an execution that failed, timed out or was aborted with its case still
// open. The hourly run already restarted it (nothing was lost, nothing is sent twice), but an operator should learn why.
import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { METRICS_NAMESPACE, METRICS_SERVICE } from '../../shared/ports/metrics.port';

export interface ExecutionRestartsAlarmProps {
  alarmTopic: sns.ITopic;
}

export class ExecutionRestartsAlarm extends Construct {
  readonly metric: cloudwatch.Metric;
  readonly alarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: ExecutionRestartsAlarmProps) {
    super(scope, id);
    // Written by the hourly run, so the alarm looks at the hour.
    this.metric = new cloudwatch.Metric({
      namespace: METRICS_NAMESPACE,
      metricName: 'ExecutionsRestarted',
      dimensionsMap: { service: METRICS_SERVICE },
      statistic: cloudwatch.Stats.SUM,
      period: Duration.hours(1),
      label: 'Executions restarted',
    });
    this.alarm = new cloudwatch.Alarm(this, 'Alarm', {
      metric: this.metric,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      alarmDescription:
        "The hourly run restarted escalation executions that had failed, timed out or been aborted with their case still open (see each case's 'execution.restarted' timeline entry). The cases go on; find why the executions ended in their execution history.",
    });
    this.alarm.addAlarmAction(new actions.SnsAction(props.alarmTopic));
  }
}
