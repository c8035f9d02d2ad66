// The AWS adapters other than DynamoDB, each loaded with its SDK client on its first call: most routes never start an
// execution, send an email, read a webhook secret or publish an event, and a task that only parks a token sends nothing,
// so those SDKs are never loaded there.
// Each import() names a project module (bundled, loaded on demand), never an SDK package: the bundle then requires the
// SDK as every other module does, and no second copy of it can be loaded through the ESM loader.
import type { EventPublisher } from '../ports/event-publisher.port';
import type { ExecutionStarter, ExecutionWaker, WaitEnder } from '../ports/executions.port';
import type { WakeSchedules } from '../ports/wake-schedules.port';
import type { EmailSender, SmsSender } from '../ports/notifier.port';
import type { RunContinuation } from '../ports/run-continuation.port';
import type { SfnExecutionsOptions } from '../adapters/aws/sfn-executions';
import type { WebhookSecrets } from '../ports/webhook-secrets.port';
import type { Secrets } from '../ports/secrets.port';
import { onFirstUse } from './on-first-use';

/** Step Functions: starts (with a state machine), wakes and ends the waits of delinquency executions. */
export const sfnExecutionsOnFirstUse = (
  stateMachineArn: string | undefined,
  options?: SfnExecutionsOptions,
): ExecutionWaker & ExecutionStarter & WaitEnder => {
  const executions = onFirstUse(async () =>
    (await import('./first-use/sfn')).createSfnExecutions(stateMachineArn, options),
  );
  return {
    start: async (...args) => (await executions()).start(...args),
    wake: async (...args) => (await executions()).wake(...args),
    end: async (...args) => (await executions()).end(...args),
  };
};

/** EventBridge Scheduler: the one-time schedules that wake a delinquency's wait (the group and role read on first use). */
export const wakeSchedulesOnFirstUse = (settings: () => { groupName: string; roleArn: string }): WakeSchedules => {
  const schedules = onFirstUse(async () => {
    const { groupName, roleArn } = settings();
    return (await import('./first-use/scheduler')).createWakeSchedules(groupName, roleArn);
  });
  return { wakeAt: async (...args) => (await schedules()).wakeAt(...args) };
};

/** SES through the configuration set: the unsubscribe confirmation. */
export const sesEmailOnFirstUse = (configurationSetName: string): EmailSender => {
  const sender = onFirstUse(async () => (await import('./first-use/ses')).createSesEmailSender(configurationSetName));
  return { send: async (...args) => (await sender()).send(...args) };
};

/** Secrets Manager: the tenants' webhook signing secrets (the adapter's cache lives as long as the function). */
export const webhookSecretsOnFirstUse = (): WebhookSecrets => {
  const secrets = onFirstUse(async () => (await import('./first-use/secrets-manager')).createWebhookSecrets());
  return { secretFor: async (...args) => (await secrets()).secretFor(...args) };
};

/** Secrets Manager: named secrets (a tenant's Stripe key, the portal's signing key), cached per container. */
export const secretsOnFirstUse = (): Secrets => {
  const secrets = onFirstUse(async () => (await import('./first-use/secrets-manager')).createSecrets());
  return { get: async (...args) => (await secrets()).get(...args) };
};

/** EventBridge: integration events to the Arrears bus. */
export const eventBridgeOnFirstUse = (busName: string): EventPublisher => {
  const publisher = onFirstUse(async () =>
    (await import('./first-use/eventbridge')).createEventBridgePublisher(busName),
  );
  return { publish: async (...args) => (await publisher()).publish(...args) };
};

/** SNS: text messages. */
export const snsSmsOnFirstUse = (): SmsSender => {
  const sender = onFirstUse(async () => (await import('./first-use/sns')).createSnsSmsSender());
  return { send: async (...args) => (await sender()).send(...args) };
};

/** EventBridge: a reminder run's hand-over to its next turn. */
export const runContinuationOnFirstUse = (busName: string): RunContinuation => {
  const continuation = onFirstUse(async () => (await import('./first-use/eventbridge')).createRunContinuation(busName));
  return { continueRun: async (...args) => (await continuation()).continueRun(...args) };
};
