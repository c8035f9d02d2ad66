// What AWS authorizes for each SDK call the functions make: the IAM actions and resource ARNs of one request,
// as the service authorization reference and the services' own docs describe them.
import type { AccessRequest } from './policy-evaluator';

export interface AwsTarget {
  region: string;
  account: string;
  /** The customer-managed key the table is encrypted with: every data call makes DynamoDB use it for the caller. */
  tableKeyArn: string;
  /** The state machine whose task tokens the functions hand back. */
  stateMachineArn: string;
  /** The schedule group the Wake task creates its one-time wake schedules in. */
  wakeScheduleGroup: string;
}

type Input = Record<string, unknown>;

const tableArn = (target: AwsTarget, name: string) =>
  name.startsWith('arn:') ? name : `arn:aws:dynamodb:${target.region}:${target.account}:table/${name}`;

/**
 * DynamoDB: the action of the operation on its table, or on the index a Query or Scan names. A transaction is
 * authorized item by item (Put → PutItem, Update → UpdateItem, Delete → DeleteItem, ConditionCheck →
 * ConditionCheckItem, Get → GetItem); a batch as BatchWriteItem / BatchGetItem on each table it touches. Reading or
 * writing a table encrypted with a customer-managed key also needs kms:Decrypt on that key through DynamoDB.
 */
const dynamodbRequests = (operation: string, input: Input, target: AwsTarget): AccessRequest[] => {
  const requests: AccessRequest[] = [];
  const on = (action: string, table: string, index?: string) =>
    requests.push({
      action: `dynamodb:${action}`,
      resource: `${tableArn(target, table)}${index ? `/index/${index}` : ''}`,
    });
  switch (operation) {
    case 'Query':
    case 'Scan':
      on(operation, String(input.TableName), input.IndexName as string | undefined);
      break;
    case 'BatchWriteItem':
    case 'BatchGetItem':
      for (const table of Object.keys((input.RequestItems as Input | undefined) ?? {})) on(operation, table);
      break;
    case 'TransactWriteItems':
      for (const item of (input.TransactItems as Input[] | undefined) ?? []) {
        const [kind, body] = Object.entries(item)[0] as [string, Input];
        const action = {
          Put: 'PutItem',
          Update: 'UpdateItem',
          Delete: 'DeleteItem',
          ConditionCheck: 'ConditionCheckItem',
        }[kind];
        if (!action) throw new Error(`unknown transaction item ${kind}`);
        on(action, String(body.TableName));
      }
      break;
    case 'TransactGetItems':
      for (const item of (input.TransactItems as { Get: Input }[] | undefined) ?? [])
        on('GetItem', String(item.Get.TableName));
      break;
    default:
      on(operation, String(input.TableName));
  }
  requests.push({
    action: 'kms:Decrypt',
    resource: target.tableKeyArn,
    context: { 'kms:ViaService': `dynamodb.${target.region}.amazonaws.com`, 'kms:CallerAccount': target.account },
  });
  return requests;
};

/**
 * DynamoDB Streams: ListStreams has no resource (authorized on "*"); the other calls name the stream, whose label
 * DynamoDB Local makes up: locally every stream of a table is its `stream/local`, as the template resolver names it.
 */
const streamsRequests = (operation: string, input: Input, target: AwsTarget): AccessRequest[] => {
  if (operation === 'ListStreams') return [{ action: 'dynamodb:ListStreams', resource: '*' }];
  // GetRecords names only an iterator; DynamoDB Local's iterators carry the stream's ARN, as AWS's stand for it.
  const named = String(input.StreamArn ?? input.ShardIterator ?? '');
  const table = /:table\/([^/|]+)\/stream\//.exec(named)?.[1];
  if (table === undefined) throw new Error(`a DynamoDB Streams ${operation} without a stream ARN: ${named}`);
  return [{ action: `dynamodb:${operation}`, resource: `${tableArn(target, table)}/stream/local` }];
};

/** The address part of `Name <a@b>` or `a@b`. */
const addressOf = (from: string): string => /<([^>]+)>/.exec(from)?.[1] ?? from.trim();

/** SES: the identity the message is sent from (its domain, as a domain identity) and the configuration set it names. */
const sesRequests = (operation: string, input: Input, target: AwsTarget): AccessRequest[] => {
  let source = input.Source as string | undefined;
  if (!source && operation === 'SendRawEmail') {
    const raw = Buffer.from((input.RawMessage as { Data: Uint8Array }).Data).toString('utf8');
    source = /^From:\s*(.+)$/im.exec(raw)?.[1];
  }
  if (!source) throw new Error(`an SES ${operation} without a sender`);
  const domain = addressOf(source).split('@')[1];
  const requests: AccessRequest[] = [
    { action: `ses:${operation}`, resource: `arn:aws:ses:${target.region}:${target.account}:identity/${domain}` },
  ];
  if (input.ConfigurationSetName) {
    requests.push({
      action: `ses:${operation}`,
      resource: `arn:aws:ses:${target.region}:${target.account}:configuration-set/${String(input.ConfigurationSetName)}`,
    });
  }
  return requests;
};

/**
 * EventBridge Scheduler: the schedule's ARN in its group (the default group when none is named); creating or updating
 * one also passes its target's role, which the caller needs iam:PassRole on.
 */
const schedulerRequests = (operation: string, input: Input, target: AwsTarget): AccessRequest[] => {
  const group = (input.GroupName as string | undefined) ?? 'default';
  const requests: AccessRequest[] = [
    {
      action: `scheduler:${operation}`,
      resource: `arn:aws:scheduler:${target.region}:${target.account}:schedule/${group}/${String(input.Name)}`,
    },
  ];
  const roleArn = (input.Target as { RoleArn?: string } | undefined)?.RoleArn;
  if (roleArn) requests.push({ action: 'iam:PassRole', resource: roleArn });
  return requests;
};

/** Every request one SDK command needs authorized, by client ('DynamoDBClient', ...) and command ('QueryCommand', ...). */
export const requestsFor = (client: string, command: string, input: Input, target: AwsTarget): AccessRequest[] => {
  const operation = command.replace(/Command$/, '');
  switch (client) {
    case 'DynamoDBClient':
      return dynamodbRequests(operation, input, target);
    case 'DynamoDBStreamsClient':
      return streamsRequests(operation, input, target);
    case 'SESClient':
      return sesRequests(operation, input, target);
    case 'SNSClient':
      // SMS straight to a phone number is authorized on "*"; a topic on its ARN.
      return [
        {
          action: `sns:${operation}`,
          resource: (input.TopicArn as string | undefined) ?? (input.TargetArn as string | undefined) ?? '*',
        },
      ];
    case 'EventBridgeClient':
      return ((input.Entries as Input[] | undefined) ?? []).map((entry) => ({
        action: 'events:PutEvents',
        resource: busArn(target, entry.EventBusName as string | undefined),
      }));
    case 'SFNClient':
      if (operation === 'StartExecution')
        return [{ action: 'states:StartExecution', resource: String(input.stateMachineArn) }];
      if (operation.startsWith('SendTask'))
        return [{ action: `states:${operation}`, resource: target.stateMachineArn }];
      return [{ action: `states:${operation}`, resource: String(input.executionArn ?? input.stateMachineArn) }];
    case 'SchedulerClient':
      return schedulerRequests(operation, input, target);
    case 'CognitoIdentityProviderClient':
      // The admin API is authorized on the user pool the request names.
      return [
        {
          action: `cognito-idp:${operation}`,
          resource: `arn:aws:cognito-idp:${target.region}:${target.account}:userpool/${String(input.UserPoolId)}`,
        },
      ];
    case 'SecretsManagerClient':
      return [{ action: `secretsmanager:${operation}`, resource: secretArn(target, String(input.SecretId)) }];
    default:
      throw new Error(`the local IAM enforcement does not know ${client}.${command}`);
  }
};

export const busArn = (target: AwsTarget, name: string | undefined): string =>
  name?.startsWith('arn:') ? name : `arn:aws:events:${target.region}:${target.account}:event-bus/${name ?? 'default'}`;

/** Secrets Manager ARNs end in a six-character suffix the service adds; a policy must allow for it. */
export const secretArn = (target: AwsTarget, nameOrArn: string): string =>
  nameOrArn.startsWith('arn:')
    ? nameOrArn
    : `arn:aws:secretsmanager:${target.region}:${target.account}:secret:${nameOrArn}-Ab12Cd`;
