// IAM, locally: every AWS call a function makes (through an SDK client or a local stand-in for a service) is checked
// against that function's synthesized role, and refused with AccessDeniedException as AWS would refuse it.
import type { EventPublisher } from '../../shared/ports/event-publisher.port';
import { wakeScheduleName } from '../../shared/domain/wake-schedule';
import type { ExecutionStarter, ExecutionWaker, WaitEnder } from '../../shared/ports/executions.port';
import type { EmailSender, SmsSender } from '../../shared/ports/notifier.port';
import type { RunContinuation } from '../../shared/ports/run-continuation.port';
import type { WakeSchedules } from '../../shared/ports/wake-schedules.port';
import { WEBHOOK_SECRET_PREFIX, type WebhookSecrets } from '../../shared/ports/webhook-secrets.port';
import type { Secrets } from '../../shared/ports/secrets.port';
import { LOCAL_ENVIRONMENT, synthesizedTemplates, type SynthesizedTemplates } from '../synthesized-app';
import { requestsFor, secretArn, type AwsTarget } from './aws-requests';
import { functionPrincipals, keyPolicies, type FunctionPrincipal } from './function-policies';
import { currentFunction, runAsFunction } from './function-scope';
import { PolicyEvaluator, type AccessRequest } from './policy-evaluator';
import { TemplateResolver } from './template-resolver';

export interface IamEnforcementOptions {
  tableName: string;
  /** The SES configuration set the local senders name (the stack's one, under its local name). */
  configurationSetName?: string;
  /** Off only to show the difference (ARREARS_LOCAL_IAM=off); on by default. */
  enabled?: boolean;
  templates?: SynthesizedTemplates;
  /** Told of every refusal (the runtime logs it: a denial otherwise surfaces only as a failed task or a 500). */
  onDenial?: (denial: Denial & { reason: string }) => void;
}

export interface Denial {
  functionId: string;
  action: string;
  resource: string;
}

/** The error the SDK throws for a refused call: same name, same fault, same status. */
export class AccessDeniedException extends Error {
  override readonly name = 'AccessDeniedException';
  readonly $fault = 'client';
  readonly $metadata = { httpStatusCode: 400 };
}

type MiddlewareClient = {
  middlewareStack: {
    add: (middleware: never, options: { step: 'initialize'; name: string; priority: 'high' }) => void;
    remove: (name: string) => boolean;
  };
};

const MIDDLEWARE_NAME = 'arrearsLocalIam';

/** True unless ARREARS_LOCAL_IAM says off (the one switch; for showing what enforcement catches, never for a test to pass). */
export const iamEnforcementEnabled = (value = process.env.ARREARS_LOCAL_IAM): boolean => value !== 'off';

export class IamEnforcement {
  readonly enabled: boolean;
  /** Every refusal, in order: what a test or the runtime's log reads. */
  readonly denials: Denial[] = [];
  /** Calls made outside any function (an operator's setup, a test's arrangement): not checked. */
  unattributed = 0;
  readonly target: AwsTarget;
  readonly eventBusArn: string;
  /** The role the wake schedules run as (their target's SendTaskSuccess is checked against it), and its principal id. */
  readonly wakeScheduler: { roleArn: string; principalId: string };
  private readonly evaluator: PolicyEvaluator;
  private readonly principals: Map<string, FunctionPrincipal>;
  private readonly configurationSetName: string;
  private readonly onDenial: ((denial: Denial & { reason: string }) => void) | undefined;

  constructor(options: IamEnforcementOptions) {
    this.enabled = options.enabled ?? iamEnforcementEnabled();
    const templates = options.templates ?? synthesizedTemplates();
    this.configurationSetName = options.configurationSetName ?? 'arrears-local';
    this.onDenial = options.onDenial;
    const resolver = new TemplateResolver(
      templates,
      { tableName: options.tableName, configurationSetName: this.configurationSetName },
      LOCAL_ENVIRONMENT,
    );
    const stateful = Object.entries(templates.stateful.Resources);
    const stateless = Object.entries(templates.stateless.Resources);
    const only = (entries: typeof stateful, type: string) => {
      const found = entries.filter(([, resource]) => resource.Type === type);
      if (found.length !== 1) throw new Error(`the local IAM enforcement expects one ${type}, found ${found.length}`);
      return found[0]![0];
    };
    const table = only(stateful, 'AWS::DynamoDB::GlobalTable');
    const scheduleGroup = only(stateless, 'AWS::Scheduler::ScheduleGroup');
    const tableKey = (
      templates.stateful.Resources[table]!.Properties as { SSESpecification?: { KMSMasterKeyId?: unknown } }
    ).SSESpecification;
    this.target = {
      ...LOCAL_ENVIRONMENT,
      tableKeyArn: tableKey?.KMSMasterKeyId
        ? String(resolver.resolve(tableKey.KMSMasterKeyId, 'stateful'))
        : resolver.physical('stateful', only(stateful, 'AWS::KMS::Key'), 'Arn'),
      stateMachineArn: resolver.physical('stateless', only(stateless, 'AWS::StepFunctions::StateMachine'), 'Arn'),
      wakeScheduleGroup: resolver.physical('stateless', scheduleGroup, 'Ref'),
    };
    this.eventBusArn = resolver.physical('stateful', only(stateful, 'AWS::Events::EventBus'), 'Arn');
    this.principals = functionPrincipals(templates, resolver);
    const schedulerRoles = [...this.principals.values()].filter((principal) =>
      principal.resourceArn.includes(':role/'),
    );
    if (schedulerRoles.length !== 1) {
      throw new Error(`the local IAM enforcement expects one scheduler role, found ${schedulerRoles.length}`);
    }
    this.wakeScheduler = { roleArn: schedulerRoles[0]!.roleArn, principalId: schedulerRoles[0]!.functionId };
    this.evaluator = new PolicyEvaluator(this.principals, keyPolicies(templates, resolver), LOCAL_ENVIRONMENT.account);
  }

  /** Checks the requests of one call against the current function's role; throws AccessDeniedException on the first refusal. */
  async authorize(requests: AccessRequest[]): Promise<void> {
    if (!this.enabled) return;
    const functionId = currentFunction();
    if (functionId === undefined) {
      this.unattributed += 1;
      return;
    }
    await this.authorizeAs(functionId, requests);
  }

  /** Checks requests against one principal's role (a state machine's own service calls, which run in no function). */
  async authorizeAs(functionId: string, requests: AccessRequest[]): Promise<void> {
    if (!this.enabled) return;
    for (const request of requests) {
      const decision = await this.evaluator.decide(functionId, request);
      if (!decision.allowed) {
        const denial = { functionId, action: request.action, resource: request.resource };
        this.denials.push(denial);
        this.onDenial?.({ ...denial, reason: decision.reason });
        throw new AccessDeniedException(decision.reason);
      }
    }
  }

  /**
   * Adds the check to an SDK client (DynamoDB, SES, Secrets Manager, ...): it runs before the request is built. A client
   * already checked by another enforcement (a test table's, then a harness's own) is checked by this one from now on.
   */
  instrument<C extends MiddlewareClient>(client: C): C {
    client.middlewareStack.remove(MIDDLEWARE_NAME);
    const middleware =
      (
        next: (args: { input: Record<string, unknown> }) => Promise<unknown>,
        context: { clientName?: string; commandName?: string },
      ) =>
      async (args: { input: Record<string, unknown> }) => {
        await this.authorize(requestsFor(context.clientName ?? '', context.commandName ?? '', args.input, this.target));
        return next(args);
      };
    client.middlewareStack.add(middleware as never, { step: 'initialize', name: MIDDLEWARE_NAME, priority: 'high' });
    return client;
  }

  /**
   * A task of a state machine: the machine's role must allow invoking the task's function (lambda:InvokeFunction on its
   * ARN), and the function then runs under its own role.
   */
  stateMachineTask<A extends unknown[], R>(
    machineId: string,
    functionId: string,
    handler: (...args: A) => Promise<R>,
  ): (...args: A) => Promise<R> {
    const functionArn =
      this.principals.get(functionId)?.resourceArn ??
      `arn:aws:lambda:${this.target.region}:${this.target.account}:function:${functionId}`;
    return async (...args: A) => {
      await this.authorizeAs(machineId, [{ action: 'lambda:InvokeFunction', resource: functionArn }]);
      return runAsFunction(functionId, () => handler(...args));
    };
  }

  /** The local event recorder stands in for PutEvents on the stack's bus. */
  guardEvents(port: EventPublisher): EventPublisher {
    return {
      publish: async (events, options) => {
        await this.authorize([{ action: 'events:PutEvents', resource: this.eventBusArn }]);
        return port.publish(events, options);
      },
    };
  }

  /** The reminder run hands its next turn over with an event on the bus. */
  guardContinuation(port: RunContinuation): RunContinuation {
    return {
      continueRun: async (next) => {
        await this.authorize([{ action: 'events:PutEvents', resource: this.eventBusArn }]);
        return port.continueRun(next);
      },
    };
  }

  /**
   * The local interpreter stands in for StartExecution, SendTaskSuccess and SendTaskFailure on the stack's state
   * machine.
   */
  guardExecutions<P extends ExecutionStarter & ExecutionWaker & Partial<WaitEnder>>(
    port: P,
  ): ExecutionStarter & ExecutionWaker & Pick<P, keyof WaitEnder & keyof P> {
    const end = port.end?.bind(port);
    return {
      start: async (name, input) => {
        await this.authorize([{ action: 'states:StartExecution', resource: this.target.stateMachineArn }]);
        return port.start(name, input);
      },
      wake: async (token) => {
        await this.authorize([{ action: 'states:SendTaskSuccess', resource: this.target.stateMachineArn }]);
        return port.wake(token);
      },
      ...(end
        ? {
            end: async (token: string, error: string, cause: string) => {
              await this.authorize([{ action: 'states:SendTaskFailure', resource: this.target.stateMachineArn }]);
              return end(token, error, cause);
            },
          }
        : {}),
    } as ExecutionStarter & ExecutionWaker & Pick<P, keyof WaitEnder & keyof P>;
  }

  /**
   * The local scheduler stands in for EventBridge Scheduler: creating a wake schedule is CreateSchedule in the stack's
   * group (passing the scheduler's role), and a schedule that runs calls SendTaskSuccess as that role.
   */
  guardWakeSchedules(port: WakeSchedules): WakeSchedules {
    return {
      wakeAt: async (taskToken, at) => {
        await this.authorize(
          requestsFor(
            'SchedulerClient',
            'CreateScheduleCommand',
            {
              Name: wakeScheduleName(taskToken),
              GroupName: this.target.wakeScheduleGroup,
              Target: { RoleArn: this.wakeScheduler.roleArn },
            },
            this.target,
          ),
        );
        return port.wakeAt(taskToken, at);
      },
    };
  }

  /** A wake schedule's target: SendTaskSuccess on the state machine, as the scheduler's role. */
  authorizeScheduledWake(): Promise<void> {
    return this.authorizeAs(this.wakeScheduler.principalId, [
      { action: 'states:SendTaskSuccess', resource: this.target.stateMachineArn },
    ]);
  }

  /** SMS goes to SNS's Publish on a phone number. */
  guardSms(port: SmsSender): SmsSender {
    return {
      send: async (sms) => {
        await this.authorize(requestsFor('SNSClient', 'PublishCommand', { PhoneNumber: sms.to }, this.target));
        return port.send(sms);
      },
    };
  }

  /** An email sender that is not the SES adapter (a recorder in tests) is checked as SES's SendRawEmail. */
  guardEmail(port: EmailSender): EmailSender {
    return {
      send: async (email) => {
        await this.authorize(
          requestsFor(
            'SESClient',
            'SendRawEmailCommand',
            { Source: email.from, ConfigurationSetName: this.configurationSetName },
            this.target,
          ),
        );
        return port.send(email);
      },
    };
  }

  /** The local secrets stand in for Secrets Manager's GetSecretValue of the tenant's secret. */
  guardSecrets(port: WebhookSecrets): WebhookSecrets {
    return {
      secretFor: async (tenantId, provider) => {
        await this.authorize([
          {
            action: 'secretsmanager:GetSecretValue',
            resource: secretArn(this.target, `${WEBHOOK_SECRET_PREFIX}${tenantId}`),
          },
        ]);
        return port.secretFor(tenantId, provider);
      },
    };
  }

  /**
   * Named secrets read through the Secrets Manager stand-in: each read is checked before the adapter's cache, which is
   * shared by every function here (deployed, each function has a cache of its own and cannot borrow another's).
   */
  guardNamedSecrets(port: Secrets): Secrets {
    return {
      get: async (name) => {
        await this.authorize([{ action: 'secretsmanager:GetSecretValue', resource: secretArn(this.target, name) }]);
        return port.get(name);
      },
    };
  }
}
