// The composition root of the partner API: real adapters built once per cold start from the validated environment.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../adapters/dynamodb/client';
import { DynamoCustomerRepository } from '../adapters/dynamodb/customer-repository.dynamodb';
import { DynamoIdempotencyStore } from '../adapters/dynamodb/idempotency-store.dynamodb';
import { DynamoInvoiceRepository } from '../adapters/dynamodb/invoice-repository.dynamodb';
import { DynamoStrategyRepository } from '../adapters/dynamodb/strategy-repository.dynamodb';
import { DynamoTaskRepository } from '../adapters/dynamodb/task-repository.dynamodb';
import { DynamoTenantDirectory } from '../adapters/dynamodb/tenant-directory.dynamodb';
import type { TaskRepository } from '../ports/task-repository.port';
import { DynamoUnsubscribeTokens } from '../adapters/dynamodb/unsubscribe-tokens.dynamodb';
import type { UnsubscribeTokens } from '../ports/unsubscribe-tokens.port';
import type { PayTokens } from '../ports/pay-tokens.port';
import { DynamoPayTokens } from '../adapters/dynamodb/pay-tokens.dynamodb';
import { SFNClient } from '@aws-sdk/client-sfn';
import { SfnExecutions } from '../adapters/aws/sfn-executions';
import { DynamoDelinquencyRepository } from '../adapters/dynamodb/delinquency-repository.dynamodb';
import { WakeOnFactsChanged } from '../adapters/facts-changed';
import type { ExecutionStarter, ExecutionWaker } from '../ports/executions.port';
import type { DelinquencyRepository } from '../ports/delinquency-repository.port';
import type { WebhookEventStore } from '../ports/webhook-events.port';
import type { WebhookSecrets } from '../ports/webhook-secrets.port';
import { DynamoWebhookEventStore } from '../adapters/dynamodb/webhook-events.dynamodb';
import { SecretsManagerWebhookSecrets } from '../adapters/aws/secrets-manager-webhook-secrets';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { systemClock, type Clock } from '../ports/clock.port';
import type { IdempotencyStore } from '../ports/idempotency-store.port';
import type { StrategyRepository } from '../ports/strategy-repository.port';
import type { TenantDirectory } from '../ports/tenant-directory.port';
import type { CoreDeps } from '../use-cases/ports';
import type { ConfirmationSender } from '../use-cases/unsubscribe';
import { SESClient } from '@aws-sdk/client-ses';
import { SesEmailSender } from '../adapters/aws/ses-email-sender';
import { ApiEnvSchema } from './api.env';
import { readEnv } from './read-env';

export interface ApiDependencies extends CoreDeps {
  tenants: TenantDirectory;
  idempotency: IdempotencyStore;
  strategies: StrategyRepository;
  unsubscribeTokens: UnsubscribeTokens;
  payTokens: PayTokens;
  tasks: TaskRepository;
  delinquencies: DelinquencyRepository;
  executions: ExecutionStarter;
  webhookEvents: WebhookEventStore;
  webhookSecrets: WebhookSecrets;
  /** Real seconds since the epoch: webhook signatures are checked against it, never against a virtual clock. */
  wallClockSeconds: () => number;
  confirmations: ConfirmationSender | null;
  maxBodyBytes: number;
}

/** What only some routes use: the unsubscribe confirmation's sender, webhook secrets. */
export interface ApiExtras {
  confirmations?: ConfirmationSender | null;
  webhookSecrets?: WebhookSecrets;
}

const noWebhookSecrets: WebhookSecrets = { secretFor: async () => null };

export const buildApiDependencies = (
  client: DynamoDBDocumentClient,
  tableName: string,
  clock: Clock,
  maxBodyBytes: number,
  dueDateShards: number,
  executions: ExecutionWaker & ExecutionStarter,
  extras: ApiExtras = {},
): ApiDependencies => {
  const delinquencies = new DynamoDelinquencyRepository(client, tableName);
  return {
  clock,
  tenants: new DynamoTenantDirectory(client, tableName),
  customers: new DynamoCustomerRepository(client, tableName),
  invoices: new DynamoInvoiceRepository(client, tableName, dueDateShards),
  idempotency: new DynamoIdempotencyStore(client, tableName),
  strategies: new DynamoStrategyRepository(client, tableName),
  unsubscribeTokens: new DynamoUnsubscribeTokens(client, tableName),
  payTokens: new DynamoPayTokens(client, tableName),
  tasks: new DynamoTaskRepository(client, tableName),
  factsChanged: new WakeOnFactsChanged(delinquencies, executions),
  delinquencies,
  executions,
  webhookEvents: new DynamoWebhookEventStore(client, tableName),
  webhookSecrets: extras.webhookSecrets ?? noWebhookSecrets,
  wallClockSeconds: () => Math.floor(Date.now() / 1000),
  confirmations: extras.confirmations ?? null,
  maxBodyBytes,
  };
};

let cached: ApiDependencies | undefined;

/** Dependencies for a deployed function: one client per cold start, the wall clock, settings from the environment. */
export const apiDependenciesFromEnv = (): ApiDependencies => {
  if (!cached) {
    const env = readEnv(ApiEnvSchema);
    cached = buildApiDependencies(
      createDocumentClient(),
      env.TABLE_NAME,
      systemClock,
      env.MAX_BODY_BYTES,
      env.DUE_DATE_SHARDS,
      new SfnExecutions(new SFNClient({}), env.STATE_MACHINE_ARN),
      {
        confirmations:
          env.SES_CONFIGURATION_SET && env.DEFAULT_EMAIL_FROM
            ? { email: new SesEmailSender(new SESClient({}), env.SES_CONFIGURATION_SET), defaultEmailFrom: env.DEFAULT_EMAIL_FROM }
            : null,
        ...(env.WEBHOOK_SECRETS === 'secrets-manager' ? { webhookSecrets: new SecretsManagerWebhookSecrets(new SecretsManagerClient({})) } : {}),
      },
    );
  }
  return cached;
};
