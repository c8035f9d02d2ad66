// Resolves the intrinsic functions of the synthesized templates to the names and ARNs the local runtime uses, so the
// policies CloudFormation would create can be evaluated against the calls the local functions make.
import type { CfnTemplate, SynthesizedTemplates } from '../synthesized-app';

/** What the local runtime calls the stateful resources that it stands in for. */
export interface LocalResourceNames {
  tableName: string;
  /** SES configuration set the local sender names on every message. */
  configurationSetName: string;
}

export interface LocalEnvironment {
  account: string;
  region: string;
}

type Value = unknown;

/** The id the local user pool goes by (shaped like Cognito's `<region>_<id>`): its stand-in and its ARN in policies. */
export const localUserPoolId = (region: string) => `${region}_ArrearsLocal`;

const PSEUDO: Record<string, (env: LocalEnvironment, stackName: string) => string> = {
  'AWS::Region': (env) => env.region,
  'AWS::AccountId': (env) => env.account,
  'AWS::Partition': () => 'aws',
  'AWS::URLSuffix': () => 'amazonaws.com',
  'AWS::StackName': (_env, stackName) => stackName,
  'AWS::NoValue': () => '',
};

/** A resolver over both stacks: `resolve(value, stack)` returns plain JSON with every intrinsic replaced. */
export class TemplateResolver {
  private readonly exports = new Map<string, Value>();

  constructor(
    private readonly templates: SynthesizedTemplates,
    private readonly names: LocalResourceNames,
    private readonly env: LocalEnvironment,
  ) {
    for (const output of Object.values(templates.stateful.Outputs ?? {})) {
      if (output.Export) this.exports.set(String(output.Export.Name), output.Value);
    }
  }

  /** The ARN (or name) a resource's Ref or Fn::GetAtt gives locally. */
  physical(stack: 'stateful' | 'stateless', logicalId: string, attribute: 'Ref' | string): string {
    const template: CfnTemplate = this.templates[stack];
    const resource = template.Resources[logicalId];
    if (!resource) throw new Error(`no resource ${logicalId} in the ${stack} template`);
    const { region, account } = this.env;
    const props = (resource.Properties ?? {}) as Record<string, unknown>;
    // A physical name set in the template (a string or an intrinsic such as the stack's name joined in), else the logical id.
    const named = (property: string) =>
      props[property] === undefined ? logicalId : String(this.resolve(props[property], stack));
    switch (resource.Type) {
      case 'AWS::DynamoDB::GlobalTable':
      case 'AWS::DynamoDB::Table': {
        const arn = `arn:aws:dynamodb:${region}:${account}:table/${this.names.tableName}`;
        if (attribute === 'Ref') return this.names.tableName;
        if (attribute === 'Arn') return arn;
        // DynamoDB Local names its streams by the time they were made: every local stream stands for this one.
        if (attribute === 'StreamArn') return `${arn}/stream/local`;
        break;
      }
      case 'AWS::KMS::Key':
        if (attribute === 'Ref' || attribute === 'KeyId') return logicalId;
        if (attribute === 'Arn') return `arn:aws:kms:${region}:${account}:key/${logicalId}`;
        break;
      case 'AWS::Events::EventBus':
        if (attribute === 'Ref' || attribute === 'Name') return named('Name');
        if (attribute === 'Arn') return `arn:aws:events:${region}:${account}:event-bus/${named('Name')}`;
        break;
      case 'AWS::SES::ConfigurationSet':
        if (attribute === 'Ref') return this.names.configurationSetName;
        break;
      case 'AWS::SNS::Topic':
        if (attribute === 'Ref' || attribute === 'TopicArn')
          return `arn:aws:sns:${region}:${account}:${named('TopicName')}`;
        if (attribute === 'TopicName') return named('TopicName');
        break;
      case 'AWS::SQS::Queue':
        if (attribute === 'Arn') return `arn:aws:sqs:${region}:${account}:${named('QueueName')}`;
        if (attribute === 'QueueName') return named('QueueName');
        if (attribute === 'Ref' || attribute === 'QueueUrl')
          return `https://sqs.${region}.amazonaws.com/${account}/${named('QueueName')}`;
        break;
      case 'AWS::StepFunctions::StateMachine': {
        const arn = `arn:aws:states:${region}:${account}:stateMachine:${named('StateMachineName')}`;
        if (attribute === 'Ref' || attribute === 'Arn') return arn;
        if (attribute === 'Name') return named('StateMachineName');
        break;
      }
      case 'AWS::Lambda::Function':
        if (attribute === 'Arn') return `arn:aws:lambda:${region}:${account}:function:${named('FunctionName')}`;
        if (attribute === 'Ref') return named('FunctionName');
        break;
      case 'AWS::IAM::Role':
        if (attribute === 'Arn') return `arn:aws:iam::${account}:role/${named('RoleName')}`;
        if (attribute === 'Ref') return named('RoleName');
        break;
      case 'AWS::Logs::LogGroup':
        if (attribute === 'Arn') return `arn:aws:logs:${region}:${account}:log-group:${named('LogGroupName')}:*`;
        if (attribute === 'Ref') return named('LogGroupName');
        break;
      case 'AWS::Scheduler::ScheduleGroup':
        if (attribute === 'Arn') return `arn:aws:scheduler:${region}:${account}:schedule-group/${named('Name')}`;
        if (attribute === 'Ref') return named('Name');
        break;
      case 'AWS::Cognito::UserPool':
        if (attribute === 'Ref') return localUserPoolId(region);
        if (attribute === 'Arn') return `arn:aws:cognito-idp:${region}:${account}:userpool/${localUserPoolId(region)}`;
        break;
      default:
        break;
    }
    throw new Error(`the local IAM resolver does not know ${resource.Type}.${attribute} (${stack}/${logicalId})`);
  }

  resolve(value: Value, stack: 'stateful' | 'stateless'): Value {
    if (Array.isArray(value)) return value.map((item) => this.resolve(item, stack));
    if (value === null || typeof value !== 'object') return value;
    const object = value as Record<string, Value>;
    const keys = Object.keys(object);
    if (keys.length === 1) {
      const [key] = keys as [string];
      const argument = object[key];
      switch (key) {
        case 'Ref': {
          const name = argument as string;
          const stackName = stack === 'stateful' ? this.templates.statefulStackName : this.templates.statelessStackName;
          if (PSEUDO[name]) return PSEUDO[name](this.env, stackName);
          return this.physical(stack, name, 'Ref');
        }
        case 'Fn::GetAtt': {
          const [logicalId, attribute] = (typeof argument === 'string' ? argument.split('.') : argument) as [
            string,
            string,
          ];
          return this.physical(stack, logicalId, attribute);
        }
        case 'Fn::Join': {
          const [separator, parts] = argument as [string, Value[]];
          return (this.resolve(parts, stack) as Value[]).join(separator);
        }
        case 'Fn::Select': {
          const [index, list] = argument as [Value, Value];
          return (this.resolve(list, stack) as Value[])[Number(this.resolve(index, stack))];
        }
        case 'Fn::Split': {
          const [separator, source] = argument as [string, Value];
          return String(this.resolve(source, stack)).split(separator);
        }
        case 'Fn::ImportValue': {
          const name = String(this.resolve(argument, stack));
          if (!this.exports.has(name)) throw new Error(`no export ${name} in the stateful template`);
          return this.resolve(this.exports.get(name), 'stateful');
        }
        case 'Fn::Sub': {
          const template = (Array.isArray(argument) ? argument[0] : argument) as string;
          const variables = (Array.isArray(argument) ? this.resolve(argument[1], stack) : {}) as Record<string, string>;
          return template.replace(/\$\{([^}]+)\}/g, (_match, name: string) => {
            if (name in variables) return variables[name]!;
            if (name.includes('.')) return String(this.resolve({ 'Fn::GetAtt': name }, stack));
            return String(this.resolve({ Ref: name }, stack));
          });
        }
        default:
          break;
      }
    }
    return Object.fromEntries(keys.map((key) => [key, this.resolve(object[key], stack)]));
  }
}
