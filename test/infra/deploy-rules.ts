// What CloudFormation and the services refuse, or accept and then silently break, checked on synthesized templates:
// each rule answers the list of what it finds wrong (empty when all is well), so a test can show it failing too.

export type Resource = { Type: string; Properties?: Record<string, unknown>; Metadata?: unknown; DependsOn?: unknown };
export type Template = {
  Resources: Record<string, Resource>;
  Outputs?: Record<string, { Value: unknown; Export?: { Name: unknown } }>;
  [section: string]: unknown;
};
/** Every template of one app, by stack name: an alarm's topic and a topic's key may live in another stack. */
export type Templates = Record<string, Template>;

/** A resource the template defines, found through Ref, GetAtt or another stack's export. */
interface Located {
  stack: string;
  id: string;
  resource: Resource;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const asArray = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** The resource a value points at: `{ Ref }`, `{ Fn::GetAtt }` in the same stack, `{ Fn::ImportValue }` of another. */
export const locate = (templates: Templates, stack: string, value: unknown): Located | undefined => {
  if (!isObject(value)) return undefined;
  const template = templates[stack]!;
  const inStack = (id: unknown) =>
    typeof id === 'string' && template.Resources[id] ? { stack, id, resource: template.Resources[id] } : undefined;
  if ('Ref' in value) return inStack(value.Ref);
  if ('Fn::GetAtt' in value) return inStack(asArray(value['Fn::GetAtt'] as unknown[])[0]);
  if ('Fn::ImportValue' in value) {
    for (const [exporter, other] of Object.entries(templates)) {
      for (const output of Object.values(other.Outputs ?? {})) {
        if (output.Export?.Name === value['Fn::ImportValue']) return locate(templates, exporter, output.Value);
      }
    }
  }
  return undefined;
};

type Statement = {
  Effect?: string;
  Principal?: unknown;
  Action?: string | string[];
  Condition?: Record<string, Record<string, unknown>>;
};

const servicesOf = (principal: unknown): string[] =>
  isObject(principal) ? asArray(principal.Service as string | string[]) : [];
/** Whether a policy's action (maybe with wildcards, any case) covers `action`. */
const covers = (pattern: string, action: string) =>
  new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`, 'i').test(action);
const allows = (statements: Statement[], service: string, actions: readonly string[]) =>
  actions.every((action) =>
    statements.some(
      (statement) =>
        statement.Effect === 'Allow' &&
        servicesOf(statement.Principal).includes(service) &&
        asArray(statement.Action).some((granted) => covers(granted, action)),
    ),
  );

const statementsOf = (document: unknown): Statement[] =>
  isObject(document) ? asArray(document.Statement as Statement | Statement[]) : [];

/** Rule: no alarm uses SEARCH (CloudWatch: "SEARCH is not supported on Metric Alarms"); metric math returns one series from at most 10 metrics. */
export const alarmMathViolations = (templates: Templates): string[] => {
  const found: string[] = [];
  for (const [stack, template] of Object.entries(templates)) {
    for (const [id, resource] of Object.entries(template.Resources)) {
      if (resource.Type !== 'AWS::CloudWatch::Alarm') continue;
      const metrics = asArray(resource.Properties?.Metrics as Record<string, unknown>[] | undefined);
      if (metrics.length === 0) continue;
      for (const metric of metrics) {
        if (typeof metric.Expression === 'string' && /\bSEARCH\s*\(/i.test(metric.Expression))
          found.push(`${stack}/${id}: SEARCH in an alarm's metric math: ${metric.Expression}`);
      }
      const returned = metrics.filter((metric) => metric.ReturnData !== false);
      if (returned.length !== 1)
        found.push(`${stack}/${id}: an alarm's metric math must return exactly one series, returns ${returned.length}`);
      const queried = metrics.filter((metric) => metric.MetricStat !== undefined);
      if (queried.length > 10)
        found.push(`${stack}/${id}: an alarm's metric math may use at most 10 metrics, uses ${queried.length}`);
    }
  }
  return found;
};

/** Rule: each SNS topic an alarm notifies lets CloudWatch publish, and a topic's customer-managed key lets CloudWatch use it. */
export const alarmTopicViolations = (templates: Templates): string[] => {
  const found: string[] = [];
  const checkedTopics = new Set<string>();
  for (const [stack, template] of Object.entries(templates)) {
    for (const [id, resource] of Object.entries(template.Resources)) {
      if (resource.Type !== 'AWS::CloudWatch::Alarm') continue;
      const targets = ['AlarmActions', 'OKActions', 'InsufficientDataActions'].flatMap((key) =>
        asArray(resource.Properties?.[key] as unknown[] | undefined),
      );
      for (const target of targets) {
        const topic = locate(templates, stack, target);
        if (!topic) {
          // An action given as a literal ARN is a topic this app cannot check (nor should it have one: see the hard-coded rule).
          found.push(`${stack}/${id}: alarm action ${JSON.stringify(target)} is not a topic of this app`);
          continue;
        }
        if (topic.resource.Type !== 'AWS::SNS::Topic' || checkedTopics.has(`${topic.stack}/${topic.id}`)) continue;
        checkedTopics.add(`${topic.stack}/${topic.id}`);
        const where = `${topic.stack}/${topic.id} (notified by ${stack}/${id})`;
        const policies = Object.values(templates[topic.stack]!.Resources).filter(
          (candidate) =>
            candidate.Type === 'AWS::SNS::TopicPolicy' &&
            asArray(candidate.Properties?.Topics as unknown[]).some(
              (named) => locate(templates, topic.stack, named)?.id === topic.id,
            ),
        );
        // No topic policy at all keeps SNS's default one, which lets the account's services publish.
        if (
          policies.length > 0 &&
          !allows(
            policies.flatMap((policy) => statementsOf(policy.Properties?.PolicyDocument)),
            'cloudwatch.amazonaws.com',
            ['sns:Publish'],
          )
        ) {
          found.push(`${where}: its topic policy does not allow cloudwatch.amazonaws.com to sns:Publish`);
        }
        const keyRef = topic.resource.Properties?.KmsMasterKeyId;
        if (keyRef === undefined) continue;
        if (JSON.stringify(keyRef).includes('alias/aws/sns')) {
          found.push(`${where}: encrypted with the AWS-managed SNS key, whose policy CloudWatch may never use`);
          continue;
        }
        const key = locate(templates, topic.stack, keyRef);
        if (!key || key.resource.Type !== 'AWS::KMS::Key') {
          found.push(`${where}: its key ${JSON.stringify(keyRef)} is not a key of this app`);
          continue;
        }
        if (
          !allows(statementsOf(key.resource.Properties?.KeyPolicy), 'cloudwatch.amazonaws.com', [
            'kms:GenerateDataKey',
            'kms:Decrypt',
          ])
        ) {
          found.push(
            `${where}: its key ${key.stack}/${key.id} does not allow cloudwatch.amazonaws.com to kms:GenerateDataKey and kms:Decrypt`,
          );
        }
      }
    }
  }
  return found;
};

/**
 * Rule: a log group encrypted with a key is created only if the key lets CloudWatch Logs of the region use it for log
 * groups of this account (CreateLogGroup fails otherwise).
 */
export const logGroupKeyViolations = (templates: Templates, region: string): string[] => {
  const found: string[] = [];
  for (const [stack, template] of Object.entries(templates)) {
    for (const [id, resource] of Object.entries(template.Resources)) {
      if (resource.Type !== 'AWS::Logs::LogGroup' || resource.Properties?.KmsKeyId === undefined) continue;
      const key = locate(templates, stack, resource.Properties.KmsKeyId);
      if (!key || key.resource.Type !== 'AWS::KMS::Key') {
        found.push(`${stack}/${id}: its key ${JSON.stringify(resource.Properties.KmsKeyId)} is not a key of this app`);
        continue;
      }
      const statements = statementsOf(key.resource.Properties?.KeyPolicy).filter((statement) =>
        servicesOf(statement.Principal).includes(`logs.${region}.amazonaws.com`),
      );
      const scoped = statements.some((statement) =>
        JSON.stringify(statement.Condition ?? {}).includes('kms:EncryptionContext:aws:logs:arn'),
      );
      if (
        !allows(statements, `logs.${region}.amazonaws.com`, [
          'kms:Encrypt',
          'kms:Decrypt',
          'kms:ReEncryptFrom',
          'kms:GenerateDataKey',
          'kms:DescribeKey',
        ]) ||
        !scoped
      ) {
        found.push(
          `${stack}/${id}: its key ${key.stack}/${key.id} does not let logs.${region}.amazonaws.com use it for this account's log groups`,
        );
      }
    }
  }
  return found;
};

/** The longest names the services accept, for the name properties a template may set explicitly. */
export const NAME_LIMITS: Record<string, { property: string; max: number }> = {
  'AWS::CloudWatch::Alarm': { property: 'AlarmName', max: 255 },
  'AWS::CloudWatch::Dashboard': { property: 'DashboardName', max: 255 },
  'AWS::Logs::LogGroup': { property: 'LogGroupName', max: 512 },
  'AWS::Lambda::Function': { property: 'FunctionName', max: 64 },
  'AWS::IAM::Role': { property: 'RoleName', max: 64 },
  'AWS::IAM::Policy': { property: 'PolicyName', max: 128 },
  'AWS::IAM::ManagedPolicy': { property: 'ManagedPolicyName', max: 128 },
  'AWS::SQS::Queue': { property: 'QueueName', max: 80 },
  'AWS::SNS::Topic': { property: 'TopicName', max: 256 },
  'AWS::StepFunctions::StateMachine': { property: 'StateMachineName', max: 80 },
  'AWS::Events::Rule': { property: 'Name', max: 64 },
  'AWS::Events::EventBus': { property: 'Name', max: 256 },
  'AWS::Scheduler::Schedule': { property: 'Name', max: 64 },
  'AWS::DynamoDB::Table': { property: 'TableName', max: 255 },
  'AWS::DynamoDB::GlobalTable': { property: 'TableName', max: 255 },
  'AWS::ApiGatewayV2::Api': { property: 'Name', max: 128 },
  'AWS::SES::ConfigurationSet': { property: 'Name', max: 64 },
  'AWS::KMS::Alias': { property: 'AliasName', max: 256 },
  'AWS::SecretsManager::Secret': { property: 'Name', max: 512 },
};

/** The text a name resolves to, with the pseudo parameters the stack knows; undefined when it depends on another resource. */
const nameText = (value: unknown, pseudo: Record<string, string>): string | undefined => {
  if (typeof value === 'string') return value;
  if (!isObject(value)) return undefined;
  if ('Ref' in value && typeof value.Ref === 'string') return pseudo[value.Ref];
  if ('Fn::Join' in value) {
    const [separator, parts] = value['Fn::Join'] as [string, unknown[]];
    const texts = parts.map((part) => nameText(part, pseudo));
    return texts.every((text): text is string => text !== undefined) ? texts.join(separator) : undefined;
  }
  return undefined;
};

/** Rule: every name set explicitly fits its service's limit (CloudFormation fails the resource, and the stack with it). */
export const nameLengthViolations = (
  templates: Templates,
  environment: { account: string; region: string },
): string[] => {
  const found: string[] = [];
  for (const [stack, template] of Object.entries(templates)) {
    const pseudo = {
      'AWS::StackName': stack,
      'AWS::Region': environment.region,
      'AWS::AccountId': environment.account,
      'AWS::Partition': 'aws',
      'AWS::URLSuffix': 'amazonaws.com',
    };
    for (const [id, resource] of Object.entries(template.Resources)) {
      const limit = NAME_LIMITS[resource.Type];
      const value = limit ? resource.Properties?.[limit.property] : undefined;
      if (!limit || value === undefined) continue;
      const text = nameText(value, pseudo);
      if (text === undefined)
        found.push(`${stack}/${id}: ${limit.property} ${JSON.stringify(value)} cannot be measured`);
      else if (text.length > limit.max)
        found.push(
          `${stack}/${id}: ${limit.property} "${text}" is ${text.length} characters, ${resource.Type} allows ${limit.max}`,
        );
    }
  }
  return found;
};

/** CloudFormation's limit on the resources of one stack. */
export const CLOUDFORMATION_RESOURCE_LIMIT = 500;

/** Rule: each stack stays under `ceiling` resources (CloudFormation refuses a template over 500). */
export const resourceCountViolations = (templates: Templates, ceiling: number): string[] =>
  Object.entries(templates)
    .map(([stack, template]) => [stack, Object.keys(template.Resources).length] as const)
    .filter(([, count]) => count >= ceiling)
    .map(
      ([stack, count]) =>
        `${stack}: ${count} resources, the ceiling is ${ceiling} (CloudFormation's limit ${CLOUDFORMATION_RESOURCE_LIMIT})`,
    );

const REGION_PATTERN =
  /\b(?:us|eu|ap|sa|ca|me|af|il|mx|cn|us-gov|us-iso|us-isob)-(?:north|south|east|west|central|northeast|southeast|northwest|southwest)-\d\b/g;
/** Twelve digits standing alone (not inside an asset hash or a longer number). */
const ACCOUNT_PATTERN = /(?<![0-9A-Za-z.])\d{12}(?![0-9A-Za-z.])/g;

/** Every string in a template, with where it is; CDK's own metadata (construct paths, asset hashes) is left out. */
const stringsOf = (value: unknown, at: string, into: [string, string][]) => {
  if (typeof value === 'string') into.push([at, value]);
  else if (Array.isArray(value)) value.forEach((item, index) => stringsOf(item, `${at}[${index}]`, into));
  else if (isObject(value))
    for (const [key, item] of Object.entries(value)) if (key !== 'Metadata') stringsOf(item, `${at}.${key}`, into);
  return into;
};

/**
 * Rule: no region and no account is written into a template except the ones it was synthesized for (`allowed`): a
 * literal one would deploy into any account and region and point at somebody else's.
 */
export const hardCodedEnvironmentViolations = (
  templates: Templates,
  allowed: { account?: string; region?: string } = {},
): string[] => {
  const found: string[] = [];
  for (const [stack, template] of Object.entries(templates)) {
    for (const [at, text] of stringsOf(template, stack, [])) {
      for (const region of text.match(REGION_PATTERN) ?? [])
        if (region !== allowed.region) found.push(`${at}: region "${region}" written in "${text}"`);
      for (const account of text.match(ACCOUNT_PATTERN) ?? [])
        if (account !== allowed.account) found.push(`${at}: account "${account}" written in "${text}"`);
    }
  }
  return found;
};

/**
 * Rule: a route's settings on an HTTP API stage replace the stage's defaults as a whole, so a route given settings (to
 * turn on its detailed metrics, say) must restate the stage's throttle, or it is left with none of it (0: every call 429).
 */
export const routeThrottleViolations = (templates: Templates): string[] => {
  const found: string[] = [];
  for (const [stack, template] of Object.entries(templates)) {
    for (const [id, resource] of Object.entries(template.Resources)) {
      if (resource.Type !== 'AWS::ApiGatewayV2::Stage') continue;
      const defaults = (resource.Properties?.DefaultRouteSettings ?? {}) as Record<string, unknown>;
      const routes = (resource.Properties?.RouteSettings ?? {}) as Record<string, Record<string, unknown>>;
      for (const [routeKey, settings] of Object.entries(routes)) {
        for (const limit of ['ThrottlingBurstLimit', 'ThrottlingRateLimit']) {
          if (defaults[limit] !== undefined && settings[limit] === undefined)
            found.push(`${stack}/${id}: route "${routeKey}" drops the stage's ${limit}`);
        }
      }
    }
  }
  return found;
};
