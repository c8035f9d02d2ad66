// The local IAM check: each SDK call mapped to what AWS authorizes, evaluated against the synthesized roles and the data
// key's policy, refused with AWS's error and words.
import { requestsFor, type AwsTarget } from '../../../local/iam/aws-requests';
import { AccessDeniedException, IamEnforcement } from '../../../local/iam/enforcement';
import { runAsFunction } from '../../../local/iam/function-scope';
import { synthesizedTemplates } from '../../../local/synthesized-app';
import { withoutGrant } from '../../fixtures/iam-grants';

const TABLE = 'arrears-unit';
const TABLE_ARN = `arn:aws:dynamodb:us-east-1:000000000000:table/${TABLE}`;
const target: AwsTarget = {
  region: 'us-east-1',
  account: '000000000000',
  tableKeyArn: 'arn:aws:kms:us-east-1:000000000000:key/k',
  stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:m',
  wakeScheduleGroup: 'arrears-wakes',
};
const KEY = {
  action: 'kms:Decrypt',
  resource: target.tableKeyArn,
  context: { 'kms:ViaService': 'dynamodb.us-east-1.amazonaws.com', 'kms:CallerAccount': '000000000000' },
};

describe('what AWS authorizes for each call', () => {
  it('authorizes a query on the index it names, and the table key through DynamoDB', () => {
    expect(requestsFor('DynamoDBClient', 'QueryCommand', { TableName: TABLE, IndexName: 'gsi1' }, target)).toEqual([
      { action: 'dynamodb:Query', resource: `${TABLE_ARN}/index/gsi1` },
      KEY,
    ]);
    expect(requestsFor('DynamoDBClient', 'QueryCommand', { TableName: TABLE }, target)[0]).toEqual({
      action: 'dynamodb:Query',
      resource: TABLE_ARN,
    });
  });

  it('authorizes a transaction item by item and a batch as BatchWriteItem', () => {
    const transaction = {
      TransactItems: [
        { Put: { TableName: TABLE } },
        { Update: { TableName: TABLE } },
        { Delete: { TableName: TABLE } },
        { ConditionCheck: { TableName: TABLE } },
      ],
    };
    expect(
      requestsFor('DynamoDBClient', 'TransactWriteItemsCommand', transaction, target).map((request) => request.action),
    ).toEqual([
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
      'dynamodb:DeleteItem',
      'dynamodb:ConditionCheckItem',
      'kms:Decrypt',
    ]);
    expect(
      requestsFor('DynamoDBClient', 'BatchWriteItemCommand', { RequestItems: { [TABLE]: [] } }, target)[0],
    ).toEqual({ action: 'dynamodb:BatchWriteItem', resource: TABLE_ARN });
  });

  it('authorizes a raw email on the sender domain identity and the configuration set', () => {
    const raw = {
      RawMessage: { Data: Buffer.from('From: "Acme" <collections@acme.example>\r\nTo: kari@example.no\r\n\r\nhi') },
      ConfigurationSetName: 'set',
    };
    expect(requestsFor('SESClient', 'SendRawEmailCommand', raw, target)).toEqual([
      { action: 'ses:SendRawEmail', resource: 'arn:aws:ses:us-east-1:000000000000:identity/acme.example' },
      { action: 'ses:SendRawEmail', resource: 'arn:aws:ses:us-east-1:000000000000:configuration-set/set' },
    ]);
  });

  it('authorizes SMS on *, task tokens on the state machine, events on the bus and secrets on their suffixed ARN', () => {
    expect(requestsFor('SNSClient', 'PublishCommand', { PhoneNumber: '+4791234567' }, target)).toEqual([
      { action: 'sns:Publish', resource: '*' },
    ]);
    expect(requestsFor('SFNClient', 'SendTaskSuccessCommand', { taskToken: 't' }, target)).toEqual([
      { action: 'states:SendTaskSuccess', resource: target.stateMachineArn },
    ]);
    expect(
      requestsFor('EventBridgeClient', 'PutEventsCommand', { Entries: [{ EventBusName: 'bus' }] }, target),
    ).toEqual([{ action: 'events:PutEvents', resource: 'arn:aws:events:us-east-1:000000000000:event-bus/bus' }]);
    expect(
      requestsFor('SecretsManagerClient', 'GetSecretValueCommand', { SecretId: 'arrears/webhooks/acme' }, target)[0]!
        .resource,
    ).toMatch(/^arn:aws:secretsmanager:us-east-1:000000000000:secret:arrears\/webhooks\/acme-[A-Za-z0-9]{6}$/);
  });

  it('authorizes a schedule in its group and the pass of its target role', () => {
    const input = {
      Name: 'wake-x',
      GroupName: 'arrears-wakes',
      Target: { RoleArn: 'arn:aws:iam::000000000000:role/r' },
    };
    expect(requestsFor('SchedulerClient', 'CreateScheduleCommand', input, target)).toEqual([
      {
        action: 'scheduler:CreateSchedule',
        resource: 'arn:aws:scheduler:us-east-1:000000000000:schedule/arrears-wakes/wake-x',
      },
      { action: 'iam:PassRole', resource: 'arn:aws:iam::000000000000:role/r' },
    ]);
  });

  it('refuses to guess a service it does not know', () => {
    expect(() => requestsFor('S3Client', 'PutObjectCommand', {}, target)).toThrow(/does not know S3Client/);
  });
});

describe('the synthesized roles, evaluated', () => {
  const templates = synthesizedTemplates();
  const enforcement = (options: { templates?: ReturnType<typeof synthesizedTemplates> } = {}) =>
    new IamEnforcement({ tableName: TABLE, templates: options.templates ?? templates });
  const call = (
    iam: IamEnforcement,
    functionId: string,
    client: string,
    command: string,
    input: Record<string, unknown>,
  ) => runAsFunction(functionId, () => iam.authorize(requestsFor(client, command, input, iam.target)));

  it('allows what a function declares and refuses the rest with AccessDeniedException in AWS words', async () => {
    const iam = enforcement();
    await expect(
      call(iam, 'PostPayment', 'DynamoDBClient', 'QueryCommand', { TableName: TABLE, IndexName: 'gsi1' }),
    ).resolves.toBeUndefined();
    const refused = call(iam, 'GetInvoice', 'DynamoDBClient', 'QueryCommand', { TableName: TABLE, IndexName: 'gsi1' });
    await expect(refused).rejects.toBeInstanceOf(AccessDeniedException);
    await expect(refused).rejects.toThrow(`User: arn:aws:sts::000000000000:assumed-role/${'GetInvoiceRole'}`);
    await expect(refused).rejects.toThrow(
      `is not authorized to perform: dynamodb:Query on resource: ${TABLE_ARN}/index/gsi1`,
    );
    expect(iam.denials).toEqual([
      { functionId: 'GetInvoice', action: 'dynamodb:Query', resource: `${TABLE_ARN}/index/gsi1` },
    ]);
  });

  it('refuses another table, a token hand-back the function does not declare, and SMS from an API function', async () => {
    const iam = enforcement();
    await expect(
      call(iam, 'GetInvoice', 'DynamoDBClient', 'GetItemCommand', { TableName: 'someone-else' }),
    ).rejects.toThrow(AccessDeniedException);
    await expect(call(iam, 'GetInvoice', 'SFNClient', 'SendTaskSuccessCommand', { taskToken: 't' })).rejects.toThrow(
      'states:SendTaskSuccess',
    );
    await expect(
      call(iam, 'PostPayment', 'SFNClient', 'SendTaskSuccessCommand', { taskToken: 't' }),
    ).resolves.toBeUndefined();
    await expect(
      call(iam, 'PostPayment', 'SNSClient', 'PublishCommand', { PhoneNumber: '+4791234567' }),
    ).rejects.toThrow('sns:Publish');
  });

  it('needs the data key policy to allow the account, not only the role', async () => {
    const broken = structuredClone(templates);
    const key = Object.values(broken.stateful.Resources).find((resource) => resource.Type === 'AWS::KMS::Key')!;
    const policy = key.Properties!.KeyPolicy as { Statement: { Principal?: { AWS?: unknown } }[] };
    policy.Statement = policy.Statement.filter((statement) => statement.Principal?.AWS === undefined);
    const iam = enforcement({ templates: broken });
    await expect(call(iam, 'GetInvoice', 'DynamoDBClient', 'GetItemCommand', { TableName: TABLE })).rejects.toThrow(
      'kms:Decrypt',
    );
  });

  it('follows a grant taken away from a role', async () => {
    const iam = enforcement({ templates: withoutGrant(templates, 'ReminderRun', 'dynamodb:BatchWriteItem') });
    await expect(
      call(iam, 'ReminderRun', 'DynamoDBClient', 'BatchWriteItemCommand', { RequestItems: { [TABLE]: [] } }),
    ).rejects.toThrow('dynamodb:BatchWriteItem');
    await expect(
      call(enforcement(), 'ReminderRun', 'DynamoDBClient', 'BatchWriteItemCommand', { RequestItems: { [TABLE]: [] } }),
    ).resolves.toBeUndefined();
  });

  it('checks nothing outside a function (a test arranging data) and nothing when switched off', async () => {
    const iam = enforcement();
    await expect(
      iam.authorize(requestsFor('DynamoDBClient', 'GetItemCommand', { TableName: 'anything' }, iam.target)),
    ).resolves.toBeUndefined();
    expect(iam.unattributed).toBe(1);
    const off = new IamEnforcement({ tableName: TABLE, templates, enabled: false });
    await expect(
      call(off, 'GetInvoice', 'SNSClient', 'PublishCommand', { PhoneNumber: '+1' }),
    ).resolves.toBeUndefined();
  });

  it("checks the state machine's own calls against its role: its tasks' functions and its hand-over, nothing else", async () => {
    const iam = enforcement();
    const ran: string[] = [];
    await iam.stateMachineTask('DelinquencyStateMachine', 'WakeTask', async () => ran.push('wake'))();
    await expect(
      iam.stateMachineTask('DelinquencyStateMachine', 'GetInvoice', async () => ran.push('get-invoice'))(),
    ).rejects.toThrow('lambda:InvokeFunction');
    expect(ran).toEqual(['wake']);
    await expect(
      iam.authorizeAs('DelinquencyStateMachine', [
        { action: 'states:StartExecution', resource: iam.target.stateMachineArn },
      ]),
    ).resolves.toBeUndefined();
    await expect(
      iam.authorizeAs('DelinquencyStateMachine', [
        { action: 'states:StartExecution', resource: `${iam.target.stateMachineArn}-other` },
      ]),
    ).rejects.toThrow('states:StartExecution');
  });

  it('lets the Wake task create wake schedules and pass their role, and only the scheduler role hand a token back', async () => {
    const iam = enforcement();
    const schedule = {
      Name: 'wake-x',
      GroupName: iam.target.wakeScheduleGroup,
      Target: { RoleArn: iam.wakeScheduler.roleArn },
    };
    await expect(call(iam, 'WakeTask', 'SchedulerClient', 'CreateScheduleCommand', schedule)).resolves.toBeUndefined();
    await expect(call(iam, 'WakeTask', 'SchedulerClient', 'DeleteScheduleCommand', schedule)).rejects.toThrow(
      'scheduler:DeleteSchedule',
    );
    await expect(
      call(iam, 'WakeTask', 'SchedulerClient', 'CreateScheduleCommand', { ...schedule, GroupName: 'default' }),
    ).rejects.toThrow('scheduler:CreateSchedule');
    await expect(call(iam, 'PostPayment', 'SchedulerClient', 'CreateScheduleCommand', schedule)).rejects.toThrow(
      'scheduler:CreateSchedule',
    );
    await expect(iam.authorizeScheduledWake()).resolves.toBeUndefined();
    await expect(
      iam.authorizeAs(iam.wakeScheduler.principalId, [
        { action: 'states:SendTaskFailure', resource: iam.target.stateMachineArn },
      ]),
    ).resolves.toBeUndefined();
  });

  it("lets the Wake task read a tenant's Stripe key, and no other Stripe-less function or other secret", async () => {
    const iam = enforcement();
    const read = (functionId: string, SecretId: string) =>
      call(iam, functionId, 'SecretsManagerClient', 'GetSecretValueCommand', { SecretId });
    await expect(read('WakeTask', 'arrears/tenants/acme/stripe')).resolves.toBeUndefined();
    await expect(read('WakeTask', 'arrears/portal-signing-key')).rejects.toThrow('secretsmanager:GetSecretValue');
    await expect(read('WakeTask', 'arrears/webhooks/acme')).rejects.toThrow('secretsmanager:GetSecretValue');
    await expect(read('ReminderRun', 'arrears/tenants/acme/stripe')).rejects.toThrow('secretsmanager:GetSecretValue');
    await expect(read('PostStripeWebhook', 'arrears/tenants/acme/stripe')).rejects.toThrow(AccessDeniedException);
  });

  it('knows every function of the stack and refuses calls of one it does not know', async () => {
    await expect(
      call(enforcement(), 'NoSuchFunction', 'DynamoDBClient', 'GetItemCommand', { TableName: TABLE }),
    ).rejects.toThrow('not a function of the synthesized stack');
  });
});
