// The composition root of the escalation engine: adapters for storage, senders, events and executions.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { StripeCollector } from '../adapters/stripe/stripe-collector';
import { DynamoClaims } from '../adapters/dynamodb/claims.dynamodb';
import { createDocumentClient } from '../adapters/dynamodb/client';
import { DynamoCustomerRepository } from '../adapters/dynamodb/customer-repository.dynamodb';
import { DynamoDelinquencyRepository } from '../adapters/dynamodb/delinquency-repository.dynamodb';
import { DynamoParkedEventStore } from '../adapters/dynamodb/parked-events.dynamodb';
import { DynamoInvoiceRepository } from '../adapters/dynamodb/invoice-repository.dynamodb';
import { keys } from '../adapters/dynamodb/keys';
import { DynamoStrategyRepository } from '../adapters/dynamodb/strategy-repository.dynamodb';
import { DynamoTaskRepository } from '../adapters/dynamodb/task-repository.dynamodb';
import { DynamoTenantDirectory } from '../adapters/dynamodb/tenant-directory.dynamodb';
import { DynamoUnsubscribeTokens } from '../adapters/dynamodb/unsubscribe-tokens.dynamodb';
import { DynamoPayTokens } from '../adapters/dynamodb/pay-tokens.dynamodb';
import { DynamoWebhookEventStore } from '../adapters/dynamodb/webhook-events.dynamodb';
import { DynamoCollectorRepository } from '../adapters/dynamodb/collector-repository.dynamodb';
import { DynamoCreditRepository } from '../adapters/dynamodb/credit-repository.dynamodb';
import { WakeOnFactsChanged } from '../adapters/facts-changed';
import { DynamoReportStore } from '../adapters/dynamodb/report-store.dynamodb';
import { systemClock, type Clock } from '../ports/clock.port';
import type { EventPublisher } from '../ports/event-publisher.port';
import type { ExecutionStarter, ExecutionWaker, WaitEnder } from '../ports/executions.port';
import type { WakeSchedules } from '../ports/wake-schedules.port';
import type { EmailSender, SmsSender } from '../ports/notifier.port';
import type { PaymentCollector } from '../ports/payment-collector.port';
import { noMetrics, type BusinessMetrics } from '../ports/metrics.port';
import type { PortalSigningKey } from '../ports/portal-signing-key.port';
import { secretPortalSigningKey } from '../adapters/secret-portal-signing-key';
import { PowertoolsBusinessMetrics } from '../adapters/aws/powertools-metrics';
import type { EngineDeps, EngineSettings } from '../use-cases/engine-deps';
import type { RunTurnDeps } from '../use-cases/reminder-run-turn';
import type { RunContinuation } from '../ports/run-continuation.port';
import { DynamoRunLease } from '../adapters/dynamodb/run-lease.dynamodb';
import { DynamoRestartMarkers } from '../adapters/dynamodb/restart-markers.dynamodb';
import { DynamoCurrentExecutions } from '../adapters/dynamodb/current-executions.dynamodb';
import { StartPacer } from '../adapters/aws/start-pacer';
import {
  eventBridgeOnFirstUse,
  runContinuationOnFirstUse,
  sesEmailOnFirstUse,
  sfnExecutionsOnFirstUse,
  snsSmsOnFirstUse,
  wakeSchedulesOnFirstUse,
  secretsOnFirstUse,
} from './aws-adapters-on-first-use';
import { EngineEnvSchema, RunEnvSchema } from './engine.env';
import { WakeEnvSchema } from './wake.env';
import { readEnv } from './read-env';

export interface EngineAdapters {
  /** The key portal links are signed with: the same one the portal's functions check them with. */
  portalSigningKey: PortalSigningKey;
  email: EmailSender;
  sms: SmsSender;
  events: EventPublisher;
  /** Ending waits is the Wake task's alone: a runtime that runs no executions may leave it out. */
  executions: ExecutionStarter & ExecutionWaker & Partial<WaitEnder>;
  /** The timers of the executions' waits (the Wake task's alone, like ending them). */
  wakeSchedules?: WakeSchedules;
  collector?: PaymentCollector;
  /** Business metrics (EMF when deployed, the local recorder); none when left out. */
  metrics?: BusinessMetrics;
  /** Where a reminder run out of time hands over the rest; left out, the next hourly firing picks it up. */
  continuation?: RunContinuation;
  /** Invoices the run handles at once. */
  runConcurrency?: number;
}

const noWaits = (what: string) => async (): Promise<never> => {
  throw new Error(`this runtime runs no executions to ${what}`);
};

const noContinuation: RunContinuation = {
  continueRun: async () => {
    throw new Error('this runtime has no continuation for the reminder run');
  },
};

/** Where no provider is configured, an automatic collection is a refusal the plan records, never an outage. */
const unconfiguredCollector: PaymentCollector = {
  collect: async () => ({
    outcome: 'failed',
    providerPaymentId: null,
    reason: 'automatic collection is not configured',
  }),
};

export type FullEngineDeps = RunTurnDeps & {
  waker: ExecutionWaker;
  waits: WaitEnder;
  wakeSchedules: WakeSchedules;
  factsChanged: WakeOnFactsChanged;
};

export const buildEngineDependencies = (
  client: DynamoDBDocumentClient,
  tableName: string,
  clock: Clock,
  adapters: EngineAdapters,
  settings: EngineSettings,
  dueDateShards: number,
): FullEngineDeps => {
  const claims = new DynamoClaims(client, tableName);
  const delinquencies = new DynamoDelinquencyRepository(client, tableName);
  const engine: EngineDeps & { factsChanged: WakeOnFactsChanged } = {
    clock,
    tenants: new DynamoTenantDirectory(client, tableName),
    customers: new DynamoCustomerRepository(client, tableName),
    invoices: new DynamoInvoiceRepository(client, tableName, dueDateShards),
    strategies: new DynamoStrategyRepository(client, tableName),
    delinquencies,
    tasks: new DynamoTaskRepository(client, tableName),
    collectors: new DynamoCollectorRepository(client, tableName),
    credit: new DynamoCreditRepository(client, tableName),
    factsChanged: new WakeOnFactsChanged(delinquencies, adapters.executions),
    unsubscribeTokens: new DynamoUnsubscribeTokens(client, tableName),
    payTokens: new DynamoPayTokens(client, tableName),
    portalSigningKey: adapters.portalSigningKey,
    email: adapters.email,
    sms: adapters.sms,
    events: adapters.events,
    parkedEvents: new DynamoParkedEventStore(client, tableName),
    collector: adapters.collector ?? unconfiguredCollector,
    webhookEvents: new DynamoWebhookEventStore(client, tableName),
    executions: adapters.executions,
    metrics: adapters.metrics ?? noMetrics,
    caseClaims: (tenantId, customerId) => {
      const pk = keys.customerPartition(tenantId, customerId);
      return {
        claim: (claim) => claims.claim(pk, claim),
        settle: (key, attemptId, update) => claims.settle(pk, key, attemptId, update),
        release: (key, attemptId) => claims.release(pk, key, attemptId),
      };
    },
    settings,
  };
  return {
    ...engine,
    waker: adapters.executions,
    waits: { end: adapters.executions.end?.bind(adapters.executions) ?? noWaits('end the waits of') },
    wakeSchedules: adapters.wakeSchedules ?? { wakeAt: noWaits('schedule the wakes of') },
    reports: new DynamoReportStore(client, tableName),
    runLease: new DynamoRunLease(client, tableName),
    restartMarkers: new DynamoRestartMarkers(client, tableName),
    currentExecutions: new DynamoCurrentExecutions(client, tableName),
    continuation: adapters.continuation ?? noContinuation,
    runConcurrency: adapters.runConcurrency,
    preDueClaims: (tenantId, invoiceId) => {
      const pk = keys.invoicePartition(tenantId, invoiceId);
      return {
        claim: (claim) => claims.claim(pk, claim),
        settle: (key, attemptId, update) => claims.settle(pk, key, attemptId, update),
        release: (key, attemptId) => claims.release(pk, key, attemptId),
        done: async () =>
          new Set((await claims.list(pk)).filter((claim) => claim.status !== 'claimed').map((claim) => claim.stepId)),
      };
    },
  };
};

let cached: FullEngineDeps | undefined;

/** Deployed dependencies; `withExecutions` for the run, which starts executions and so knows the state machine. */
export const engineDependenciesFromEnv = (withExecutions = false): FullEngineDeps => {
  if (!cached) {
    const env = readEnv(EngineEnvSchema);
    const run = withExecutions ? readEnv(RunEnvSchema) : undefined;
    cached = buildEngineDependencies(
      createDocumentClient(),
      env.TABLE_NAME,
      systemClock,
      {
        // Each SDK client loads on first use: a pass that sends nothing never loads SES, SNS or EventBridge.
        // The links in messages are signed with the stack's `<namespace>/portal-signing-key`, read on first use.
        portalSigningKey: secretPortalSigningKey(secretsOnFirstUse(), env.SECRETS_NAMESPACE),
        email: sesEmailOnFirstUse(env.SES_CONFIGURATION_SET),
        sms: snsSmsOnFirstUse(),
        events: eventBridgeOnFirstUse(env.EVENT_BUS_NAME),
        executions: sfnExecutionsOnFirstUse(
          run?.STATE_MACHINE_ARN,
          run ? { pacer: new StartPacer(run.START_EXECUTION_RATE, run.START_EXECUTION_BURST) } : undefined,
        ),
        // Only the Wake task schedules wakes: its environment names the group and role, read when it first does.
        wakeSchedules: wakeSchedulesOnFirstUse(() => {
          const wake = readEnv(WakeEnvSchema);
          return { groupName: wake.WAKE_SCHEDULE_GROUP, roleArn: wake.WAKE_SCHEDULER_ROLE_ARN };
        }),
        ...(run
          ? { continuation: runContinuationOnFirstUse(env.EVENT_BUS_NAME), runConcurrency: run.RUN_CONCURRENCY }
          : {}),
        // Only the Wake task charges instalments: its environment names the secrets' namespace.
        collector: new StripeCollector(secretsOnFirstUse(), () => env.SECRETS_NAMESPACE),
        metrics: new PowertoolsBusinessMetrics(),
      },
      { publicBaseUrl: env.PUBLIC_BASE_URL.replace(/\/$/, ''), defaultEmailFrom: env.DEFAULT_EMAIL_FROM },
      env.DUE_DATE_SHARDS,
    );
  }
  return cached;
};
