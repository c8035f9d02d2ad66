// What can be replaced on every deploy: the functions, the partner API, the schedules and the state machines.
import { CfnOutput, Duration, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { apiRoutes, type ApiRoute, type DynamoAction } from '../../functions/api/routes';
import { REMINDER_RUN } from '../../functions/schedules/schedules';
import { ApiEnvSchema } from '../../shared/env/api.env';
import { ScheduleEnvSchema } from '../../shared/env/schedule.env';
import { delinquencyDefinition } from '../../statemachines/delinquency/delinquency.definition';
import { ArrearsFunction } from '../constructs/arrears-function';

export interface StatelessStackProps extends StackProps {
  table: dynamodb.ITableV2;
  key: kms.IKey;
  /** Requests per second the API accepts before it answers 429 (steady rate and burst). */
  apiThrottle?: { rateLimit: number; burstLimit: number };
}

const READ_ACTIONS: DynamoAction[] = ['GetItem', 'Query'];

export class StatelessStack extends Stack {
  readonly api: apigwv2.HttpApi;
  readonly functions = new Map<string, ArrearsFunction<never>>();
  readonly delinquencyStateMachine: sfn.StateMachine;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { table, key } = props;

    /** Exactly the table actions (and indexes) listed, plus the key use that DynamoDB encryption needs for them. */
    const grantTable = (fn: ArrearsFunction<never>, actions: readonly DynamoAction[], indexes: readonly string[]) => {
      if (actions.length === 0) return;
      fn.role.addToPolicy(
        new iam.PolicyStatement({
          actions: [...new Set(actions)].sort().map((action) => `dynamodb:${action}`),
          resources: [table.tableArn, ...indexes.map((index) => `${table.tableArn}/index/${index}`)],
        }),
      );
      const writes = actions.some((action) => !READ_ACTIONS.includes(action));
      fn.role.addToPolicy(
        new iam.PolicyStatement({
          actions: writes ? ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey'] : ['kms:Decrypt', 'kms:DescribeKey'],
          resources: [key.keyArn],
          conditions: { StringEquals: { 'kms:ViaService': `dynamodb.${this.region}.amazonaws.com` } },
        }),
      );
    };

    const accessLogs = new logs.LogGroup(this, 'ApiAccessLogs', {
      retention: logs.RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.api = new apigwv2.HttpApi(this, 'PartnerApi', {
      description: 'Arrears partner API (v1)',
      createDefaultStage: false,
    });
    new apigwv2.HttpStage(this, 'PartnerApiStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: props.apiThrottle ?? { rateLimit: 200, burstLimit: 400 },
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(accessLogs),
        // Ids and outcomes only: no bodies, no query strings, no caller addresses beyond what API Gateway needs.
        format: apigw.AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            routeKey: '$context.routeKey',
            status: '$context.status',
            latencyMs: '$context.responseLatency',
            integrationError: '$context.integrationErrorMessage',
            requestTime: '$context.requestTimeEpoch',
          }),
        ),
      },
    });

    for (const route of apiRoutes as readonly ApiRoute[]) {
      const fn = new ArrearsFunction(this, route.id, {
        entry: `functions/api/${route.handler}`,
        description: `${route.method} ${route.path}: ${route.summary}`,
        environmentSchema: ApiEnvSchema,
        environment: { TABLE_NAME: table.tableName, MAX_BODY_BYTES: '65536' },
      });
      grantTable(fn, route.dynamodb.actions, route.dynamodb.indexes);
      this.functions.set(route.id, fn as ArrearsFunction<never>);
      this.api.addRoutes({
        path: route.path,
        methods: [route.method as apigwv2.HttpMethod],
        integration: new HttpLambdaIntegration(`${route.id}Integration`, fn.function, {
          payloadFormatVersion: apigwv2.PayloadFormatVersion.VERSION_2_0,
        }),
      });
    }

    const reminderRun = new ArrearsFunction(this, REMINDER_RUN.id, {
      entry: `functions/schedules/${REMINDER_RUN.handler}`,
      description: REMINDER_RUN.description,
      environmentSchema: ScheduleEnvSchema,
      environment: { TABLE_NAME: table.tableName },
      timeout: Duration.minutes(15),
      memorySize: 512,
    });
    grantTable(reminderRun, ['Query'], ['gsi1']);
    this.functions.set(REMINDER_RUN.id, reminderRun as ArrearsFunction<never>);
    new events.Rule(this, `${REMINDER_RUN.id}Schedule`, {
      description: REMINDER_RUN.description,
      schedule: events.Schedule.cron({ minute: String(REMINDER_RUN.minuteOfHour) }),
      targets: [new targets.LambdaFunction(reminderRun.function, { retryAttempts: 2, maxEventAge: Duration.minutes(30) })],
    });

    const stateMachineLogs = new logs.LogGroup(this, 'DelinquencyStateMachineLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.delinquencyStateMachine = new sfn.StateMachine(this, 'DelinquencyStateMachine', {
      stateMachineType: sfn.StateMachineType.STANDARD,
      definitionBody: sfn.DefinitionBody.fromChainable(delinquencyDefinition(this)),
      comment: 'One execution per delinquency, named after it: escalates until paid, paused or handed off',
      tracingEnabled: true,
      logs: { destination: stateMachineLogs, level: sfn.LogLevel.ALL, includeExecutionData: false },
    });

    Validations.of(this.delinquencyStateMachine).acknowledge({
      id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
      reason: 'CloudWatch Logs delivery and X-Ray actions used by Step Functions logging and tracing support no resource-level permissions.',
    });
    Validations.of(this.api).acknowledge({
      id: 'AwsSolutions::AwsSolutions-APIG4',
      reason:
        'Every route but the public OpenAPI document authenticates in its function: the bearer API key is hashed and resolved to its tenant in DynamoDB, where tenancy is enforced on every read.',
    });

    new CfnOutput(this, 'ApiUrl', { value: this.api.apiEndpoint, description: 'Base URL of the partner API' });
    new CfnOutput(this, 'OpenApiUrl', { value: `${this.api.apiEndpoint}/v1/openapi.json`, description: 'The OpenAPI document' });
    new CfnOutput(this, 'DelinquencyStateMachineArn', { value: this.delinquencyStateMachine.stateMachineArn });
  }
}
