// Least privilege, checked: every function's role is exactly what its access declaration (the route table's line, the
// engine's table in functions/engine-access.ts) says. Whether the declarations are enough is for the local runtime to
// prove: it checks every call against these roles.
import { App, Stack } from 'aws-cdk-lib';
import { defaultTemplates, templateOf } from './synthesized';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as ses from 'aws-cdk-lib/aws-ses';
import { ArrearsFunction } from '../../infra/constructs/arrears-function';
import { FunctionGrants } from '../../infra/constructs/function-grants';
import { ApiEnvSchema } from '../../shared/env/api.env';
import { apiRoutes, type ApiRoute } from '../../functions/api/routes';
import { engineAccess } from '../../functions/engine-access';
import type { FunctionAccess } from '../../functions/function-access';

const { stateless: template } = defaultTemplates();

type Statement = {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, Record<string, string>>;
};
type Resource = { Properties: Record<string, unknown> };

/** What a resource is, in words the expectations can name (the table with its indexes, the key, the own log group, ...). */
const kindOf = (resource: unknown, functionId: string): string => {
  if (resource === '*') return '*';
  const text = JSON.stringify(resource);
  if (/ExportsOutputFnGetAttTable\w+StreamArn/.test(text)) return 'table stream';
  if (/ExportsOutputFnGetAttTable\w+Arn/.test(text)) {
    const indexes = [...text.matchAll(/\/index\/(gsi\d)/g)].map((match) => match[1]).sort();
    return indexes.length > 0 ? `table+${indexes.join('+')}` : 'table';
  }
  if (/ExportsOutputFnGetAttDataKey/.test(text)) return 'data key';
  if (/ExportsOutputFnGetAttPeopleUserPool\w+Arn/.test(text)) return 'user pool';
  if (new RegExp(`"${functionId}Logs[0-9A-F]{8}"`).test(text)) return 'own log group';
  if (/"ApiFunctionLogs[0-9A-F]{8}"/.test(text)) return "the routes' log group";
  if (/ExportsOutputFnGetAttBus/.test(text)) return 'event bus';
  if (text.includes(':secret:arrears/webhooks/*')) return 'arrears provider secrets';
  if (text.includes(':secret:arrears/tenants/*/stripe-??????')) return "tenants' stripe keys";
  if (text.includes(':secret:arrears/portal-signing-key-??????')) return 'portal signing key';
  if (text.includes(':ses:eu-west-1:123456789012:identity/*') && text.includes('configuration-set/'))
    return 'ses identities + configuration set';
  if (/"DelinquencyStateMachine[0-9A-F]{8}"/.test(text)) return 'delinquency state machine';
  if (/"DeadLetterQueue[0-9A-F]{8}"/.test(text)) return 'dead-letter queue';
  if (text.includes(':scheduler:eu-west-1:123456789012:schedule/ArrearsStateless-wakes/*')) return 'wake schedules';
  if (/^\{"Fn::GetAtt":\["WakeSchedulerRole[0-9A-F]{8}","Arn"\]\}$/.test(text)) return 'wake scheduler role';
  return `UNEXPECTED ${text}`;
};

const describeStatement = (statement: Statement, functionId: string): string => {
  const actions = (Array.isArray(statement.Action) ? statement.Action : [statement.Action]).slice().sort();
  const via = statement.Condition?.StringEquals?.['kms:ViaService'];
  return `${statement.Effect} ${actions.join(',')} on ${kindOf(statement.Resource, functionId)}${via ? ` via ${via}` : ''}`;
};

/** The function's construct id -> every statement its role is allowed, described. */
const granted = (): Map<string, string[]> => {
  const functions = template.findResources('AWS::Lambda::Function') as Record<string, Resource>;
  const roles = template.findResources('AWS::IAM::Role') as Record<string, Resource>;
  const policies = Object.values(template.findResources('AWS::IAM::Policy') as Record<string, Resource>);
  const result = new Map<string, string[]>();
  for (const [logicalId, fn] of Object.entries(functions)) {
    const functionId = logicalId.replace(/Function[0-9A-F]{8}$/, '');
    const roleId = (fn.Properties.Role as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0]!;
    // Managed policies, or inline ones other than the role's own Access policy, would escape the table below.
    const inline = (roles[roleId]!.Properties.Policies ?? []) as { PolicyName: string; PolicyDocument: unknown }[];
    expect({
      functionId,
      managed: roles[roleId]!.Properties.ManagedPolicyArns,
      inline: inline.map((policy) => policy.PolicyName),
    }).toEqual({ functionId, managed: undefined, inline: ['Access'] });
    const statements = [
      ...inline.map((policy) => policy.PolicyDocument as { Statement: Statement[] }),
      ...policies
        .filter((policy) => (policy.Properties.Roles as { Ref: string }[]).some((role) => role.Ref === roleId))
        .map((policy) => policy.Properties.PolicyDocument as { Statement: Statement[] }),
    ].flatMap((document) => document.Statement);
    result.set(functionId, statements.map((statement) => describeStatement(statement, functionId)).sort());
  }
  return result;
};

const LOGS = 'Allow logs:CreateLogStream,logs:PutLogEvents on own log group';
/** The API's route functions share one log group (one stack resource instead of one per route). */
const ROUTE_LOGS = "Allow logs:CreateLogStream,logs:PutLogEvents on the routes' log group";
const TRACES = 'Allow xray:PutTelemetryRecords,xray:PutTraceSegments on *';
const KEY_READ = 'Allow kms:Decrypt,kms:DescribeKey on data key via dynamodb.eu-west-1.amazonaws.com';
const KEY_WRITE =
  'Allow kms:Decrypt,kms:DescribeKey,kms:Encrypt,kms:GenerateDataKey on data key via dynamodb.eu-west-1.amazonaws.com';
const table = (actions: readonly string[], indexes: readonly string[] = []) =>
  `Allow ${[...new Set(actions)]
    .map((action) => `dynamodb:${action}`)
    .sort()
    .join(',')} on ${indexes.length > 0 ? `table+${[...indexes].sort().join('+')}` : 'table'}`;
const EMAIL = 'Allow ses:SendRawEmail on ses identities + configuration set';
const SMS = 'Allow sns:Publish on *';
const EVENTS = 'Allow events:PutEvents on event bus';
const SECRETS = 'Allow secretsmanager:GetSecretValue on arrears provider secrets';
const STRIPE_KEYS = "Allow secretsmanager:GetSecretValue on tenants' stripe keys";
const PORTAL_KEY = 'Allow secretsmanager:GetSecretValue on portal signing key';
const SECRETS_KEY = 'Allow kms:Decrypt on data key via secretsmanager.eu-west-1.amazonaws.com';
const WAKE = 'Allow states:SendTaskSuccess on delinquency state machine';
const START = 'Allow states:StartExecution on delinquency state machine';
const END_WAITS = 'Allow states:SendTaskFailure on delinquency state machine';
const SCHEDULE_WAKES = [
  'Allow scheduler:CreateSchedule on wake schedules',
  'Allow iam:PassRole on wake scheduler role',
];
const TABLE_STREAM = [
  'Allow dynamodb:ListStreams on table stream',
  'Allow dynamodb:DescribeStream,dynamodb:GetRecords,dynamodb:GetShardIterator on table stream',
  // The stream's records are encrypted with the table's key.
  'Allow kms:Decrypt,kms:DescribeKey on data key',
];
const DEAD_LETTERS = [
  'Allow sqs:GetQueueAttributes,sqs:GetQueueUrl,sqs:SendMessage on dead-letter queue',
  // Granted by CDK for sending to the KMS-encrypted queue (acknowledged in the stack); bounded to the one data key.
  'Allow kms:Decrypt,kms:Encrypt,kms:GenerateDataKey*,kms:ReEncrypt* on data key',
];

/** A role follows from its function's declaration and nothing else. */
const expectedFor = (access: FunctionAccess, logs = LOGS): string[] => {
  const writes = access.dynamodb.actions.some((action) => !['GetItem', 'BatchGetItem', 'Query'].includes(action));
  return [
    logs,
    TRACES,
    ...(access.dynamodb.actions.length > 0
      ? [table(access.dynamodb.actions, access.dynamodb.indexes), writes ? KEY_WRITE : KEY_READ]
      : []),
    ...(access.publishesEvents ? [EVENTS] : []),
    ...(access.sendsEmail ? [EMAIL] : []),
    ...(access.sendsSms ? [SMS] : []),
    ...(access.readsWebhookSecrets ? [SECRETS] : []),
    ...(access.cardCheckout ? [STRIPE_KEYS] : []),
    ...(access.readsPortalSigningKey ? [PORTAL_KEY] : []),
    ...(access.cardCheckout || access.readsPortalSigningKey ? [SECRETS_KEY] : []),
    ...(access.wakesExecutions ? [WAKE] : []),
    ...(access.startsExecutions ? [START] : []),
    ...(access.endsWaits ? [END_WAITS] : []),
    ...(access.schedulesWakes ? SCHEDULE_WAKES : []),
    ...(access.readsTableStream ? TABLE_STREAM : []),
    ...(access.managesPeople?.length
      ? [
          `Allow ${[...access.managesPeople]
            .sort()
            .map((action) => `cognito-idp:${action}`)
            .join(',')} on user pool`,
        ]
      : []),
  ].sort();
};

/**
 * Invoked asynchronously (a schedule, SNS, a status-change rule) or by a stream's event source mapping: what still
 * fails after Lambda's retries goes to the dead-letter queue.
 */
const ASYNCHRONOUS = new Set(['ReminderRun', 'SesFeedback', 'ExecutionEnded', 'ReportLedger']);

describe('least-privilege IAM', () => {
  const actual = granted();

  it('has an expectation for every function and a function for every expectation', () => {
    expect([...actual.keys()].sort()).toEqual(
      [...apiRoutes.map((route) => route.id), ...Object.keys(engineAccess)].sort(),
    );
  });

  it.each((apiRoutes as readonly ApiRoute[]).map((route) => [route.id, route] as const))(
    '%s may do exactly what its route-table line says',
    (id, route) => {
      expect(actual.get(id)).toEqual(expectedFor(route, ROUTE_LOGS));
    },
  );

  it.each(Object.entries(engineAccess) as [string, FunctionAccess][])(
    '%s may do exactly what its engine-access line says',
    (id, access) => {
      expect(actual.get(id)).toEqual([...expectedFor(access), ...(ASYNCHRONOUS.has(id) ? DEAD_LETTERS : [])].sort());
    },
  );

  it('grants no wildcard action and no table-wide or account-wide wildcard anywhere', () => {
    for (const [id, statements] of actual) {
      for (const statement of statements) {
        const actions = statement
          .replace(/^Allow /, '')
          .split(' on ')[0]!
          .split(',');
        expect({
          id,
          wildcard: actions.filter(
            (action) =>
              action === '*' || action.endsWith(':*') || (action.startsWith('dynamodb:') && action.includes('*')),
          ),
        }).toEqual({ id, wildcard: [] });
        expect(statement).not.toContain('UNEXPECTED');
        expect(statement.startsWith('Allow ')).toBe(true);
      }
    }
  });
});

describe('named secrets', () => {
  // No route of the partner API pays by card yet (the portal's will): a function declared so shows the grant.
  const grantedTo = (access: FunctionAccess): string[] => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const stack = new Stack(app, 'NamedSecrets', { env: { account: '123456789012', region: 'eu-west-1' } });
    const key = new kms.Key(stack, 'DataKey');
    const grants = new FunctionGrants(stack, 'Grants', {
      table: new dynamodb.TableV2(stack, 'Table', {
        partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      }),
      key,
      bus: new events.EventBus(stack, 'Bus'),
      configurationSet: new ses.ConfigurationSet(stack, 'ConfigurationSet'),
      secretsNamespace: 'arrears',
      secretsKey: key,
    });
    const fn = new ArrearsFunction(stack, 'PostPortalPay', {
      entry: 'functions/api/get-invoice.handler.ts',
      description: 'a card payment',
      environmentSchema: ApiEnvSchema,
      environment: { TABLE_NAME: 'table' } as never,
    });
    grants.grant(fn as ArrearsFunction<never>, access);
    // The function's grants are its role's inline Access policy.
    const roles = templateOf(stack).findResources('AWS::IAM::Role') as Record<string, Resource>;
    return Object.values(roles)
      .flatMap((role) => (role.Properties.Policies ?? []) as { PolicyDocument: { Statement: Statement[] } }[])
      .flatMap((policy) => policy.PolicyDocument.Statement)
      .map((statement) => {
        const text = JSON.stringify(statement.Resource);
        const via = statement.Condition?.StringEquals?.['kms:ViaService'];
        const actions = Array.isArray(statement.Action) ? statement.Action : [statement.Action];
        return `${actions.join(',')} on ${text.includes('secretsmanager') ? text.replace(/^.*:secret:([^"]*)".*$/, '$1') : 'key'}${via ? ` via ${via}` : ''}`;
      })
      .filter((line) => !line.startsWith('logs:') && !line.startsWith('xray:'))
      .sort();
  };

  it("lets a card-checkout function read the tenants' Stripe keys and nothing else of Secrets Manager", () => {
    expect(grantedTo({ dynamodb: { actions: [], indexes: [] }, cardCheckout: true })).toEqual([
      'kms:Decrypt on key via secretsmanager.eu-west-1.amazonaws.com',
      'secretsmanager:GetSecretValue on arrears/tenants/*/stripe-??????',
    ]);
  });

  it('lets a portal function read its signing key, and one that does both gets one key grant', () => {
    expect(
      grantedTo({ dynamodb: { actions: [], indexes: [] }, cardCheckout: true, readsPortalSigningKey: true }),
    ).toEqual([
      'kms:Decrypt on key via secretsmanager.eu-west-1.amazonaws.com',
      'secretsmanager:GetSecretValue on arrears/portal-signing-key-??????',
      'secretsmanager:GetSecretValue on arrears/tenants/*/stripe-??????',
    ]);
  });
});
