// What holds data and must outlive every deployment: the key, the single table, the event bus, topics, the SES configuration
// set, and the people's user pool.
import { CfnOutput, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import { TABLE_DESIGN, projectionOf } from '../../shared/adapters/dynamodb/table-design';
import { DEFAULT_SECRETS_NAMESPACE, portalSigningKeySecretName } from '../../shared/ports/secrets.port';
import { People } from '../constructs/people';

export interface StatefulStackProps extends StackProps {
  /** An address subscribed to the alarm topic (it must confirm the subscription from the mail SNS sends). */
  alarmEmail?: string;
  /** The prefix of every secret of this deployment (see secrets.port.ts); default `arrears`. */
  secretsNamespace?: string;
  /** The deployed console's page, when known (infra/lib/console-address.ts): the hosted sign-in returns people there. */
  consoleUrl?: string;
}

export class StatefulStack extends Stack {
  readonly key: kms.Key;
  readonly table: dynamodb.TableV2;
  readonly bus: events.EventBus;
  readonly alarmTopic: sns.Topic;
  readonly emailEventsTopic: sns.Topic;
  readonly configurationSet: ses.ConfigurationSet;
  readonly portalSigningKey: secretsmanager.Secret;
  readonly people: People;

  constructor(scope: Construct, id: string, props: StatefulStackProps = {}) {
    super(scope, id, props);

    this.key = new kms.Key(this, 'DataKey', {
      description: 'Encrypts Arrears data at rest: the table, topics and logs of personal data',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const attribute = (name: string): dynamodb.Attribute => ({ name, type: dynamodb.AttributeType.STRING });
    this.table = new dynamodb.TableV2(this, 'Table', {
      partitionKey: attribute(TABLE_DESIGN.partitionKey),
      sortKey: attribute(TABLE_DESIGN.sortKey),
      billing: dynamodb.Billing.onDemand(),
      encryption: dynamodb.TableEncryptionV2.customerManagedKey(this.key),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      timeToLiveAttribute: TABLE_DESIGN.timeToLiveAttribute,
      dynamoStream: dynamodb.StreamViewType[TABLE_DESIGN.streamViewType],
      globalSecondaryIndexes: TABLE_DESIGN.globalSecondaryIndexes.map((index) => ({
        indexName: index.indexName,
        partitionKey: attribute(index.partitionKey),
        sortKey: attribute(index.sortKey),
        ...(index.projection.type === 'KEYS_ONLY'
          ? { projectionType: dynamodb.ProjectionType.KEYS_ONLY }
          : {
              projectionType: dynamodb.ProjectionType.INCLUDE,
              nonKeyAttributes: projectionOf(index).NonKeyAttributes,
            }),
      })),
    });

    this.bus = new events.EventBus(this, 'Bus', {
      description: 'Arrears integration events (delinquency opened, reminder sent, ...)',
    });

    this.alarmTopic = new sns.Topic(this, 'AlarmTopic', {
      displayName: 'Arrears alarms',
      masterKey: this.key,
      enforceSSL: true,
    });
    // enforceSSL writes a topic policy holding only its Deny, and a topic policy replaces the default one: without this
    // Allow, CloudWatch may not publish and every alarm's notification is dropped.
    this.alarmTopic.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'CloudWatchAlarmsPublish',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.alarmTopic.topicArn],
        conditions: {
          StringEquals: { 'aws:SourceAccount': this.account },
          ArnLike: { 'aws:SourceArn': `arn:${this.partition}:cloudwatch:${this.region}:${this.account}:alarm:*` },
        },
      }),
    );
    if (props.alarmEmail) this.alarmTopic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));
    this.emailEventsTopic = new sns.Topic(this, 'EmailEventsTopic', {
      displayName: 'Arrears SES bounces, complaints and deliveries',
      masterKey: this.key,
      enforceSSL: true,
    });
    // SES and CloudWatch alarms publish to the encrypted topics, EventBridge and SNS (a subscription's undeliverable
    // messages) to the encrypted dead-letter queue; they need the key for that and for nothing else.
    for (const service of [
      'ses.amazonaws.com',
      'cloudwatch.amazonaws.com',
      'events.amazonaws.com',
      'sns.amazonaws.com',
    ]) {
      this.key.addToResourcePolicy(
        new iam.PolicyStatement({
          principals: [new iam.ServicePrincipal(service)],
          actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
          resources: ['*'],
          conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
        }),
      );
    }

    // Log groups of personal data (function logs, API access logs, state machine logs) are encrypted with this key: CloudWatch
    // Logs may use it for this account's log groups in this region only.
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'CloudWatchLogsEncryptLogGroups',
        principals: [new iam.ServicePrincipal(`logs.${this.region}.amazonaws.com`)],
        actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
        resources: ['*'],
        conditions: {
          ArnLike: {
            'kms:EncryptionContext:aws:logs:arn': `arn:${this.partition}:logs:${this.region}:${this.account}:log-group:*`,
          },
        },
      }),
    );

    this.configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', {
      reputationMetrics: true,
      sendingEnabled: true,
      tlsPolicy: ses.ConfigurationSetTlsPolicy.REQUIRE,
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    this.configurationSet.addEventDestination('ToEmailEventsTopic', {
      destination: ses.EventDestination.snsTopic(this.emailEventsTopic),
      events: [
        ses.EmailSendingEvent.BOUNCE,
        ses.EmailSendingEvent.COMPLAINT,
        ses.EmailSendingEvent.DELIVERY,
        ses.EmailSendingEvent.REJECT,
      ],
    });

    // The portal's links are signed with this key: generated here, never seen by anyone, retained (a new key would
    // turn every link already sent into a dead one).
    this.portalSigningKey = new secretsmanager.Secret(this, 'PortalSigningKey', {
      secretName: portalSigningKeySecretName(props.secretsNamespace ?? DEFAULT_SECRETS_NAMESPACE),
      description: "Signs the customers' portal links (HMAC-SHA256)",
      encryptionKey: this.key,
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.portalSigningKey).acknowledge({
      id: 'AwsSolutions::AwsSolutions-SMG4',
      reason:
        'Rotating the portal signing key would invalidate every link already sent in reminders (valid 60 days); it is rotated by hand with a planned overlap, not on a schedule.',
    });
    this.people = new People(this, 'People', {
      // Unique per account, region and deployment prefix; Cognito refuses upper case and the words aws, amazon, cognito.
      signInDomainPrefix: `${props.secretsNamespace ?? DEFAULT_SECRETS_NAMESPACE}-${this.account}`,
      ...(props.consoleUrl ? { consoleUrl: props.consoleUrl } : {}),
    });

    new CfnOutput(this, 'TableName', {
      value: this.table.tableName,
      description: 'The single table: pass it to `npm run issue-api-key -- --table <name> --tenant <id>`',
    });
    new CfnOutput(this, 'EventBusName', {
      value: this.bus.eventBusName,
      description: 'Subscribe to Arrears integration events here',
    });
  }
}
