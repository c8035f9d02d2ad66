// What can be replaced on every deploy: the functions, the partner API, the schedules and the state machines.
import { Aspects, CfnOutput, Duration, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cloudwatchActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as ses from 'aws-cdk-lib/aws-ses';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import { OperationsMonitoring } from '../constructs/operations-monitoring';
import { EARLY_END_STATUSES, EXECUTION_STATUS_CHANGE } from '../../functions/events/execution-status.events';
import { ExecutionEventsEnvSchema } from '../../shared/env/execution-events.env';
import type { Construct } from 'constructs';
import { apiRoutes, type ApiRoute } from '../../functions/api/routes';
import { REMINDER_RUN, REMINDER_RUN_TIMEOUT_MS } from '../../functions/schedules/schedules';
import { RUN_CONTINUES_EVENT } from '../../shared/adapters/aws/eventbridge-run-continuation';
import { ApiEnvSchema } from '../../shared/env/api.env';
import { EngineEnvSchema, RunEnvSchema } from '../../shared/env/engine.env';
import { WakeEnvSchema } from '../../shared/env/wake.env';
import { wakeScheduleGroupName } from '../../shared/domain/wake-schedule';
import { FeedbackEnvSchema } from '../../shared/env/feedback.env';
import { ReportStreamEnvSchema } from '../../shared/env/report-stream.env';
import { SNAPSHOT_SETTLE_MS } from '../../shared/use-cases/reports';
import {
  delinquencyDefinition,
  delinquencyStateMachineName,
} from '../../statemachines/delinquency/delinquency.definition';
import { ArrearsFunction } from '../constructs/arrears-function';
import { FunctionGrants } from '../constructs/function-grants';
import { engineAccess } from '../../functions/engine-access';
import { DUE_DATE_SHARDS } from '../../shared/adapters/dynamodb/keys';
import { DEFAULT_SECRETS_NAMESPACE } from '../../shared/ports/secrets.port';

export interface StatelessStackProps extends StackProps {
  table: dynamodb.ITableV2;
  key: kms.IKey;
  bus: events.IEventBus;
  configurationSet: ses.IConfigurationSet;
  /** Where the configuration set publishes bounces and complaints. */
  emailEventsTopic: sns.ITopic;
  /** The operators' encrypted topic every alarm notifies. */
  alarmTopic: sns.ITopic;
  /** The people's user pool and the console's client: their id tokens are accepted on the routes people call. */
  people: { userPool: cognito.IUserPool; consoleClient: cognito.IUserPoolClient };
  /** Verified SES sender used when a tenant has none of its own. */
  defaultEmailFrom: string;
  /** Shards of the due-date index; fixed once data exists (default 16: a million invoices due on one day). */
  dueDateShards?: number;
  /**
   * The stage's throttle (steady rate and burst, per second) beyond which a route answers 429. An HTTP API has no
   * API-wide bucket: the stage's default applies to each route separately, within the account's regional quota.
   */
  apiThrottle?: { rateLimit: number; burstLimit: number };
  /** The prefix of this deployment's named secrets (a tenant's Stripe key, the portal signing key); default `arrears`. */
  secretsNamespace?: string;
}

export class StatelessStack extends Stack {
  readonly api: apigwv2.HttpApi;
  readonly functions = new Map<string, ArrearsFunction<never>>();
  readonly delinquencyStateMachine: sfn.StateMachine;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { table, key } = props;
    const dueDateShards = props.dueDateShards ?? DUE_DATE_SHARDS;
    const secretsNamespace = props.secretsNamespace ?? DEFAULT_SECRETS_NAMESPACE;
    // Every log group of the stack (each function's, the API's access logs, the state machine's) may hold ids of people's
    // cases: encrypted with the data key, whose policy lets CloudWatch Logs of this account and region use it.
    Aspects.of(this).add({
      visit: (node) => {
        if (node instanceof logs.CfnLogGroup && node.kmsKeyId === undefined) node.kmsKeyId = key.keyArn;
      },
    });

    // Every grant a function gets follows from its access declaration (route table, engine-access.ts) and nothing else.
    const grants = new FunctionGrants(this, 'Grants', {
      table,
      key,
      bus: props.bus,
      configurationSet: props.configurationSet,
      secretsNamespace,
      secretsKey: key,
      userPool: props.people.userPool,
    });

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

    // Each function checks a person's id token itself, against the pool's public keys (no IAM needed): an HTTP API route
    // has one authorizer, and partner systems call the same routes with API keys.
    const idTokenIssuer = `https://cognito-idp.${this.region}.${this.urlSuffix}/${props.people.userPool.userPoolId}`;
    // The routes' functions write to one log group (each JSON line names its function): a group per route would cost the
    // stack one resource per route, and the routes are most of its resources.
    const routeLogs = new logs.LogGroup(this, 'ApiFunctionLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    for (const route of apiRoutes as readonly ApiRoute[]) {
      const fn = new ArrearsFunction(this, route.id, {
        logGroup: routeLogs,
        entry: `functions/api/${route.handler}`,
        description: `${route.method} ${route.path}: ${route.summary}`,
        environmentSchema: ApiEnvSchema,
        environment: {
          TABLE_NAME: table.tableName,
          MAX_BODY_BYTES: '65536',
          DUE_DATE_SHARDS: String(dueDateShards),
          SES_CONFIGURATION_SET: route.sendsEmail ? props.configurationSet.configurationSetName : undefined,
          DEFAULT_EMAIL_FROM: route.sendsEmail ? props.defaultEmailFrom : undefined,
          // Set once the state machine exists (below).
          STATE_MACHINE_ARN: undefined,
          WEBHOOK_SECRETS: route.readsWebhookSecrets ? 'secrets-manager' : undefined,
          EVENT_BUS_NAME: route.publishesEvents ? props.bus.eventBusName : undefined,
          SECRETS_NAMESPACE: route.cardCheckout || route.readsPortalSigningKey ? secretsNamespace : undefined,
          CARD_CHECKOUT: route.cardCheckout ? 'stripe' : undefined,
          STRIPE_API_URL: undefined,
          ID_TOKEN_ISSUER: route.public ? undefined : idTokenIssuer,
          ID_TOKEN_AUDIENCE: route.public ? undefined : props.people.consoleClient.userPoolClientId,
          USER_POOL_ID: route.managesPeople?.length ? props.people.userPool.userPoolId : undefined,
        },
      });
      grants.grant(fn as ArrearsFunction<never>, route);
      this.functions.set(route.id, fn as ArrearsFunction<never>);
      this.api.addRoutes({
        path: route.path,
        methods: [route.method as apigwv2.HttpMethod],
        integration: new HttpLambdaIntegration(`${route.id}Integration`, fn.function, {
          payloadFormatVersion: apigwv2.PayloadFormatVersion.VERSION_2_0,
        }),
      });
    }

    const engineEnvironment = {
      TABLE_NAME: table.tableName,
      DUE_DATE_SHARDS: String(dueDateShards),
      EVENT_BUS_NAME: props.bus.eventBusName,
      SES_CONFIGURATION_SET: props.configurationSet.configurationSetName,
      DEFAULT_EMAIL_FROM: props.defaultEmailFrom,
      PUBLIC_BASE_URL: this.api.apiEndpoint,
      SECRETS_NAMESPACE: secretsNamespace,
    };
    const engineFunction = <S extends typeof EngineEnvSchema | typeof RunEnvSchema | typeof WakeEnvSchema>(
      id: string,
      entry: string,
      description: string,
      schema: S,
      environment: Record<string, string>,
      timeout = Duration.minutes(2),
    ) =>
      new ArrearsFunction(this, id, {
        entry,
        description,
        environmentSchema: schema,
        environment: environment as never,
        timeout,
        memorySize: 512,
      }) as unknown as ArrearsFunction<never>;

    // The waits' timers: one-time schedules in a group of their own, each handing its task token back as this role.
    // The machine is named by its fixed name, so neither the role nor the Wake task's environment depends on it.
    const delinquencyMachineName = delinquencyStateMachineName(this.stackName);
    const delinquencyMachineByName = sfn.StateMachine.fromStateMachineName(
      this,
      'DelinquencyStateMachineByName',
      delinquencyMachineName,
    );
    const wakeSchedules = new scheduler.ScheduleGroup(this, 'WakeSchedules', {
      scheduleGroupName: wakeScheduleGroupName(this.stackName),
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const wakeSchedulerRole = new iam.Role(this, 'WakeSchedulerRole', {
      description: 'Runs the one-time wake schedules: hands a waiting task token back to the delinquency state machine',
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
      }),
    });
    delinquencyMachineByName.grantTaskResponse(wakeSchedulerRole);

    const wake = engineFunction(
      'WakeTask',
      'functions/tasks/wake.handler.ts',
      'Delinquency task: re-derive the stage from facts, act, save the case with its token, schedule the next wake',
      WakeEnvSchema,
      {
        ...engineEnvironment,
        WAKE_SCHEDULE_GROUP: wakeSchedules.scheduleGroupName,
        WAKE_SCHEDULER_ROLE_ARN: wakeSchedulerRole.roleArn,
      },
    );
    grants.grant(wake, engineAccess.WakeTask);
    grants.grantWakeSchedules(wake, engineAccess.WakeTask, { group: wakeSchedules, role: wakeSchedulerRole });
    this.functions.set(wake.node.id, wake);

    // Step Functions delivers logs as vended logs: under /aws/vendedlogs/ the log group's resource policy stays small
    // (one policy per account may not grow past 5,120 characters).
    const stateMachineLogs = new logs.LogGroup(this, 'DelinquencyStateMachineLogs', {
      logGroupName: `/aws/vendedlogs/states/${this.stackName}-DelinquencyStateMachine`,
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // Fixed name: the hand-over state starts the next execution of this same machine, and a grant naming it by ARN
    // would otherwise depend on the machine that depends on the grant (see delinquency.definition.ts).
    this.delinquencyStateMachine = new sfn.StateMachine(this, 'DelinquencyStateMachine', {
      stateMachineName: delinquencyMachineName,
      stateMachineType: sfn.StateMachineType.STANDARD,
      definitionBody: sfn.DefinitionBody.fromChainable(
        delinquencyDefinition(this, { wake: wake.function, self: delinquencyMachineByName }),
      ),
      comment: 'One execution per delinquency, named after it: escalates until paid, paused or handed off',
      tracingEnabled: true,
      logs: { destination: stateMachineLogs, level: sfn.LogLevel.ALL, includeExecutionData: false },
    });

    // A turn of the run lasts up to Lambda's limit; a bigger run continues in further turns (see reminder-run-turn.ts).
    const reminderRun = engineFunction(
      REMINDER_RUN.id,
      `functions/schedules/${REMINDER_RUN.handler}`,
      REMINDER_RUN.description,
      RunEnvSchema,
      { ...engineEnvironment, STATE_MACHINE_ARN: this.delinquencyStateMachine.stateMachineArn },
      Duration.millis(REMINDER_RUN_TIMEOUT_MS),
    );
    grants.grant(reminderRun, engineAccess.ReminderRun);
    grants.grantExecutions(reminderRun, engineAccess.ReminderRun, this.delinquencyStateMachine);
    grants.grantExecutions(wake, engineAccess.WakeTask, this.delinquencyStateMachine, true);
    for (const route of apiRoutes as readonly ApiRoute[]) {
      const fn = this.functions.get(route.id)!;
      if (route.startsExecutions)
        fn.function.addEnvironment('STATE_MACHINE_ARN', this.delinquencyStateMachine.stateMachineArn);
      grants.grantExecutions(fn, route, this.delinquencyStateMachine);
    }
    this.functions.set(REMINDER_RUN.id, reminderRun);
    // Work an asynchronous invocation or a schedule target gives up on after its retries lands here, encrypted with the
    // data key (an SES bounce names an address), for an operator to read and replay; the DeadLetters alarm watches it.
    const deadLetterQueue = new sqs.Queue(this, 'DeadLetterQueue', {
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: key,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      // What it holds is work still to replay: deleting or replacing the stack must not drop it.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(deadLetterQueue).acknowledge({
      id: 'AwsSolutions::AwsSolutions-SQS3',
      reason:
        'This queue is itself the dead-letter queue of the schedule target and of the asynchronous invocations; nothing consumes it but operators.',
    });
    new events.Rule(this, `${REMINDER_RUN.id}Schedule`, {
      description: REMINDER_RUN.description,
      schedule: events.Schedule.cron({ minute: String(REMINDER_RUN.minuteOfHour) }),
      targets: [
        new targets.LambdaFunction(reminderRun.function, {
          retryAttempts: 2,
          maxEventAge: Duration.minutes(30),
          deadLetterQueue,
        }),
      ],
    });
    // A run out of time hands the rest to its next turn with an engine event on the bus (never an integration event).
    new events.Rule(this, `${REMINDER_RUN.id}Continues`, {
      description: 'The next turn of a reminder run that ran out of time',
      eventBus: props.bus,
      eventPattern: { source: [RUN_CONTINUES_EVENT.source], detailType: [RUN_CONTINUES_EVENT.detailType] },
      targets: [
        new targets.LambdaFunction(reminderRun.function, {
          retryAttempts: 2,
          maxEventAge: Duration.minutes(30),
          deadLetterQueue,
        }),
      ],
    });

    const sesFeedback = new ArrearsFunction(this, 'SesFeedback', {
      entry: 'functions/events/ses-feedback.handler.ts',
      description: 'SES bounces and complaints: suppress the address at once',
      environmentSchema: FeedbackEnvSchema,
      environment: { TABLE_NAME: table.tableName },
    }) as unknown as ArrearsFunction<never>;
    grants.grant(sesFeedback, engineAccess.SesFeedback);
    // What SNS cannot deliver to the function (throttled past SNS's own retries) is kept rather than dropped.
    props.emailEventsTopic.addSubscription(
      new subscriptions.LambdaSubscription(sesFeedback.function, { deadLetterQueue }),
    );
    this.functions.set('SesFeedback', sesFeedback);
    // EventBridge and SNS invoke these asynchronously: an invocation that still fails after Lambda's retries is kept.
    const keepFailedInvocations = (fn: ArrearsFunction<never>) => {
      fn.function.configureAsyncInvoke({
        retryAttempts: 2,
        onFailure: new destinations.SqsDestination(deadLetterQueue),
      });
      for (const action of ['kms:ReEncrypt*', 'kms:GenerateDataKey*']) {
        Validations.of(fn.role).acknowledge({
          id: `AwsSolutions::AwsSolutions-IAM5[Action::${action}]`,
          reason: 'Sending to the encrypted dead-letter queue; the grant is bounded to the one data key.',
        });
      }
    };
    for (const fn of [reminderRun, sesFeedback]) keepFailedInvocations(fn);

    // The report counters follow invoice writes from the table's stream, off the payment's own transaction. Only
    // invoice items move counters; a batch that fails is halved until the bad record is alone, records counted before
    // it are not retried (batch item failures), and what still fails after the retries lands in the dead-letter queue.
    const reportLedger = new ArrearsFunction(this, 'ReportLedger', {
      entry: 'functions/streams/report-ledger.handler.ts',
      description: 'Table stream: counts each invoice write into the report counters, once per invoice version',
      environmentSchema: ReportStreamEnvSchema,
      environment: { TABLE_NAME: table.tableName },
    }) as unknown as ArrearsFunction<never>;
    grants.grant(reportLedger, engineAccess.ReportLedger);
    reportLedger.function.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: lambda.StartingPosition.TRIM_HORIZON,
        batchSize: 100,
        maxBatchingWindow: Duration.seconds(1),
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        retryAttempts: 10,
        onFailure: new SqsDlq(deadLetterQueue),
        filters: [
          lambda.FilterCriteria.filter({
            eventName: lambda.FilterRule.or('INSERT', 'MODIFY'),
            dynamodb: { NewImage: { type: { S: lambda.FilterRule.isEqual('Invoice') } } },
          }),
        ],
      }),
    );
    for (const action of ['kms:ReEncrypt*', 'kms:GenerateDataKey*']) {
      Validations.of(reportLedger.role).acknowledge({
        id: `AwsSolutions::AwsSolutions-IAM5[Action::${action}]`,
        reason:
          'Sending failed stream batches to the encrypted dead-letter queue; the grant is bounded to the one data key.',
      });
    }
    this.functions.set('ReportLedger', reportLedger);
    // A record counted after its day was folded into a snapshot (the hourly run waits SNAPSHOT_SETTLE_MS after a day
    // closes) would be missing from reports: the consumer falling behind by half of that pages.
    new cloudwatch.Alarm(this, 'ReportLedgerBehind', {
      metric: reportLedger.function.metric('IteratorAge', {
        statistic: cloudwatch.Stats.MAXIMUM,
        period: Duration.minutes(1),
      }),
      threshold: SNAPSHOT_SETTLE_MS / 2,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      alarmDescription:
        'The report counters are more than five minutes behind the invoice writes: reports lag, and a write counted after its day is folded into a snapshot is missing from reports. Look at the ReportLedger function.',
    }).addAlarmAction(new cloudwatchActions.SnsAction(props.alarmTopic));

    for (const fn of [wake]) {
      const functionId = this.getLogicalId(fn.function.node.defaultChild as lambda.CfnFunction);
      Validations.of(this.delinquencyStateMachine).acknowledge({
        id: `AwsSolutions::AwsSolutions-IAM5[Resource::<${functionId}.Arn>:*]`,
        reason:
          'Step Functions may invoke any version of its own task function; the grant names that one function only.',
      });
    }
    Validations.of(this.delinquencyStateMachine).acknowledge({
      id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
      reason:
        'CloudWatch Logs delivery and X-Ray actions used by Step Functions logging and tracing support no resource-level permissions.',
    });
    Validations.of(this.api).acknowledge({
      id: 'AwsSolutions::AwsSolutions-APIG4',
      reason:
        "Every route but the public OpenAPI document and the debtor's links (unguessable tokens) authenticates in its function: a person's id token is verified against the user pool's keys (issuer, audience, expiry), a partner's API key is hashed and resolved to its tenant in DynamoDB; tenancy is enforced on every read. One route has one authorizer, and both kinds of caller share the routes.",
    });

    // ---- Execution chain: restarts of executions that ended early (issue 12, finding 5) ----
    // Step Functions raises a status-change event on the default bus when an execution fails, times out or is aborted;
    // this function marks the case (if still open) and the hourly run restarts marked cases. The run already has what
    // restarting needs (StartExecution on this machine, the table); the hand-over state's own StartExecution grant comes
    // with its task (on the machine's fixed name). What the restart markers need besides:
    const executionEnded = new ArrearsFunction(this, 'ExecutionEnded', {
      entry: 'functions/events/execution-ended.handler.ts',
      description: 'An escalation execution failed, timed out or was aborted: mark its open case for a restart',
      environmentSchema: ExecutionEventsEnvSchema,
      environment: { TABLE_NAME: table.tableName },
    }) as unknown as ArrearsFunction<never>;
    grants.grant(executionEnded, engineAccess.ExecutionEnded);
    new events.Rule(this, 'DelinquencyExecutionEnded', {
      description: 'Early ends of delinquency executions, for the hourly run to restart their cases',
      eventPattern: {
        source: [EXECUTION_STATUS_CHANGE.source],
        detailType: [EXECUTION_STATUS_CHANGE.detailType],
        detail: { status: [...EARLY_END_STATUSES], stateMachineArn: [this.delinquencyStateMachine.stateMachineArn] },
      },
      targets: [
        new targets.LambdaFunction(executionEnded.function, {
          retryAttempts: 4,
          maxEventAge: Duration.hours(6),
          deadLetterQueue,
        }),
      ],
    });
    keepFailedInvocations(executionEnded);
    this.functions.set('ExecutionEnded', executionEnded);
    // ---- end of the execution chain block ----

    new OperationsMonitoring(this, 'Operations', {
      alarmTopic: props.alarmTopic,
      stateMachine: this.delinquencyStateMachine,
      api: this.api,
      stage: this.node.findChild('PartnerApiStage') as apigwv2.HttpStage,
      // The payment webhooks by their path: other routes read the tenant's provider secret too (erasure's key).
      webhookRouteKeys: (apiRoutes as readonly ApiRoute[])
        .filter((route) => route.path.startsWith('/v1/webhooks/'))
        .map((route) => `${route.method} ${route.path}`),
      deadLetterQueue,
    });

    new CfnOutput(this, 'ApiUrl', { value: this.api.apiEndpoint, description: 'Base URL of the partner API' });
    new CfnOutput(this, 'OpenApiUrl', {
      value: `${this.api.apiEndpoint}/v1/openapi.json`,
      description: 'The OpenAPI document',
    });
    new CfnOutput(this, 'DelinquencyStateMachineArn', { value: this.delinquencyStateMachine.stateMachineArn });
  }
}
