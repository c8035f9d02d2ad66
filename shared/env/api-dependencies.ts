// The composition root of the partner API: real adapters built once per cold start from the validated environment.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../adapters/dynamodb/client';
import { DynamoCustomerRepository } from '../adapters/dynamodb/customer-repository.dynamodb';
import { DynamoIdempotencyStore } from '../adapters/dynamodb/idempotency-store.dynamodb';
import { DynamoInvoiceRepository } from '../adapters/dynamodb/invoice-repository.dynamodb';
import { DynamoStrategyRepository } from '../adapters/dynamodb/strategy-repository.dynamodb';
import { CachedStrategies } from '../adapters/cached-strategies';
import { DynamoTaskRepository } from '../adapters/dynamodb/task-repository.dynamodb';
import { DynamoTenantDirectory } from '../adapters/dynamodb/tenant-directory.dynamodb';
import type { TaskRepository } from '../ports/task-repository.port';
import type { SearchIndex } from '../ports/search-index.port';
import { DynamoSearchIndex } from '../adapters/dynamodb/search-index.dynamodb';
import type { CollectorRepository } from '../ports/collector-repository.port';
import type { CreditRepository } from '../ports/credit-repository.port';
import { DynamoCreditRepository } from '../adapters/dynamodb/credit-repository.dynamodb';
import type { EventPublisher } from '../ports/event-publisher.port';
import { DynamoCollectorRepository } from '../adapters/dynamodb/collector-repository.dynamodb';
import { DynamoUnsubscribeTokens } from '../adapters/dynamodb/unsubscribe-tokens.dynamodb';
import type { UnsubscribeTokens } from '../ports/unsubscribe-tokens.port';
import type { PayTokens } from '../ports/pay-tokens.port';
import { missingPortalSigningKey, type PortalSigningKey } from '../ports/portal-signing-key.port';
import { secretPortalSigningKey } from '../adapters/secret-portal-signing-key';
import { DynamoPayTokens } from '../adapters/dynamodb/pay-tokens.dynamodb';
import { DynamoDelinquencyRepository } from '../adapters/dynamodb/delinquency-repository.dynamodb';
import { WakeOnFactsChanged } from '../adapters/facts-changed';
import type { ExecutionStarter, ExecutionWaker } from '../ports/executions.port';
import type { DelinquencyRepository } from '../ports/delinquency-repository.port';
import type { WebhookEventStore } from '../ports/webhook-events.port';
import type { WebhookSecrets } from '../ports/webhook-secrets.port';
import { DynamoWebhookEventStore } from '../adapters/dynamodb/webhook-events.dynamodb';
import { systemClock, type Clock } from '../ports/clock.port';
import type { IdempotencyStore } from '../ports/idempotency-store.port';
import type { StrategyRepository } from '../ports/strategy-repository.port';
import type { TenantDirectory } from '../ports/tenant-directory.port';
import type { CoreDeps } from '../use-cases/ports';
import type { ConfirmationSender } from '../use-cases/unsubscribe';
import { ApiEnvSchema } from './api.env';
import { DynamoReportStore } from '../adapters/dynamodb/report-store.dynamodb';
import type { ReportStore } from '../ports/report-store.port';
import { DynamoContactRepository } from '../adapters/dynamodb/contact-repository.dynamodb';
import type { ContactRepository } from '../ports/contact-repository.port';
import { noMetrics, type BusinessMetrics } from '../ports/metrics.port';
import { PowertoolsBusinessMetrics } from '../adapters/aws/powertools-metrics';
import { readEnv } from './read-env';
import {
  eventBridgeOnFirstUse,
  sesEmailOnFirstUse,
  sfnExecutionsOnFirstUse,
  webhookSecretsOnFirstUse,
} from './aws-adapters-on-first-use';
import type { PersonalDataStore } from '../ports/personal-data.port';
import { DynamoPersonalDataStore } from '../adapters/dynamodb/personal-data.dynamodb';
import type { DisputeCreditLedger } from '../ports/dispute-credits.port';
import { DynamoDisputeCreditLedger } from '../adapters/dynamodb/dispute-credits.dynamodb';
import { noCardCheckout, type CardCheckout } from '../ports/card-checkout.port';
import { DEFAULT_SECRETS_NAMESPACE, type Secrets } from '../ports/secrets.port';
import { cardCheckoutFrom, secretsFrom } from './card-checkout';
import type { IdTokenVerifier } from '../ports/id-tokens.port';
import { JwksIdTokenVerifier } from '../adapters/jwt/jwks-id-token-verifier';
import type { PeopleDirectory } from '../ports/people-directory.port';
import type { PersonAccessReader, PersonAccessStore } from '../ports/person-access.port';
import { personAccessReader } from '../adapters/dynamodb/person-access-reader.dynamodb';

export interface ApiDependencies extends CoreDeps {
  tenants: TenantDirectory;
  idempotency: IdempotencyStore;
  strategies: StrategyRepository;
  unsubscribeTokens: UnsubscribeTokens;
  payTokens: PayTokens;
  /** Checks the portal links' signatures (the key the engine signs them with). */
  portalSigningKey: PortalSigningKey;
  /** Origins the portal's forms may lead to besides its own: the hosted checkout its pay form redirects to. */
  checkoutOrigins: readonly string[];
  tasks: TaskRepository;
  /** Customers, invoices and cases by name, e-mail, phone, invoice id or reference (GET /v1/search). */
  search: SearchIndex;
  /** Pre-aggregated report counters (aging, KPIs). */
  reports: ReportStore;
  collectors: CollectorRepository;
  /** Credit-control state per customer (unbilled report, hold). */
  credit: CreditRepository;
  /** Integration events some routes publish (a credit hold starting or ending). */
  events: EventPublisher;
  delinquencies: DelinquencyRepository;
  /** The table itself, for an adapter only one route uses (built in its handler, so no other bundle carries it). */
  table: { client: DynamoDBDocumentClient; name: string };
  contacts: ContactRepository;
  metrics: BusinessMetrics;
  executions: ExecutionStarter;
  webhookEvents: WebhookEventStore;
  webhookSecrets: WebhookSecrets;
  /** Real seconds since the epoch: webhook signatures are checked against it, never against a virtual clock. */
  wallClockSeconds: () => number;
  confirmations: ConfirmationSender | null;
  maxBodyBytes: number;
  /** Everything about one customer at once: GDPR export and erasure. */
  personalData: PersonalDataStore;
  /** Dispute credits added up per case and per customer: what the approval limit is checked against. */
  disputeCredits: DisputeCreditLedger;
  /** Card payments on the provider's hosted page (the portal's "pay by card"); none on routes not granted it. */
  cardCheckout: CardCheckout;
  /** Named secrets (the portal's signing key); names are built with the helpers of secrets.port.ts and this namespace. */
  secrets: Secrets;
  secretsNamespace: string;
  /** People's id tokens (the Cognito user pool deployed, the local identity provider locally); null: keys only. */
  idTokens: IdTokenVerifier | null;
  /**
   * The user pool's people (invite, role, deactivate): given by the people routes' own handlers (withPeopleFromEnv),
   * so no other function bundles the Cognito adapter; the local runtime adds it (and the records) for all.
   */
  people?: PeopleDirectory;
  /** People's access as the people routes record it: checked on every call a person makes. */
  personAccess: PersonAccessReader;
  /** Writing people's access and its history: the people routes' (given with `people`). */
  peopleRecords?: PersonAccessStore;
}

/** What only some routes use: the unsubscribe confirmation's sender, webhook secrets. */
export interface ApiExtras {
  confirmations?: ConfirmationSender | null;
  webhookSecrets?: WebhookSecrets;
  /** The event bus (EventBridge when deployed, the recorder locally); routes without one publish nothing. */
  events?: EventPublisher;
  /** Business metrics (EMF when deployed, the local recorder); none when left out. */
  metrics?: BusinessMetrics;
  cardCheckout?: CardCheckout;
  secrets?: Secrets;
  secretsNamespace?: string;
  /** Verifies people's id tokens; without it only API keys are accepted. */
  idTokens?: IdTokenVerifier;
  portalSigningKey?: PortalSigningKey;
  checkoutOrigins?: readonly string[];
}

/** Stripe's hosted Checkout pages live here. */
export const STRIPE_CHECKOUT_ORIGIN = 'https://checkout.stripe.com';

const noWebhookSecrets: WebhookSecrets = { secretFor: async () => null };
const noEvents: EventPublisher = { publish: async () => undefined };
const noSecrets: Secrets = { get: async () => null };

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
    strategies: new CachedStrategies(new DynamoStrategyRepository(client, tableName)),
    unsubscribeTokens: new DynamoUnsubscribeTokens(client, tableName),
    payTokens: new DynamoPayTokens(client, tableName),
    portalSigningKey: extras.portalSigningKey ?? missingPortalSigningKey,
    checkoutOrigins: extras.checkoutOrigins ?? [STRIPE_CHECKOUT_ORIGIN],
    tasks: new DynamoTaskRepository(client, tableName),
    search: new DynamoSearchIndex(client, tableName),
    reports: new DynamoReportStore(client, tableName),
    collectors: new DynamoCollectorRepository(client, tableName),
    credit: new DynamoCreditRepository(client, tableName),
    events: extras.events ?? noEvents,
    factsChanged: new WakeOnFactsChanged(delinquencies, executions),
    delinquencies,
    table: { client, name: tableName },
    contacts: new DynamoContactRepository(client, tableName),
    metrics: extras.metrics ?? noMetrics,
    executions,
    webhookEvents: new DynamoWebhookEventStore(client, tableName),
    webhookSecrets: extras.webhookSecrets ?? noWebhookSecrets,
    wallClockSeconds: () => Math.floor(Date.now() / 1000),
    confirmations: extras.confirmations ?? null,
    maxBodyBytes,
    personalData: new DynamoPersonalDataStore(client, tableName),
    disputeCredits: new DynamoDisputeCreditLedger(client, tableName),
    cardCheckout: extras.cardCheckout ?? noCardCheckout,
    secrets: extras.secrets ?? noSecrets,
    secretsNamespace: extras.secretsNamespace ?? DEFAULT_SECRETS_NAMESPACE,
    idTokens: extras.idTokens ?? null,
    personAccess: personAccessReader(client, tableName),
  };
};

let cached: ApiDependencies | undefined;

/** Dependencies for a deployed function: one client per cold start, the wall clock, settings from the environment. */
export const apiDependenciesFromEnv = (): ApiDependencies => {
  if (!cached) {
    const env = readEnv(ApiEnvSchema);
    const named = secretsFrom(env);
    cached = buildApiDependencies(
      createDocumentClient(),
      env.TABLE_NAME,
      systemClock,
      env.MAX_BODY_BYTES,
      env.DUE_DATE_SHARDS,
      // Step Functions, SES, Secrets Manager and EventBridge load on first use: most routes never touch them.
      sfnExecutionsOnFirstUse(env.STATE_MACHINE_ARN),
      {
        confirmations:
          env.SES_CONFIGURATION_SET && env.DEFAULT_EMAIL_FROM
            ? { email: sesEmailOnFirstUse(env.SES_CONFIGURATION_SET), defaultEmailFrom: env.DEFAULT_EMAIL_FROM }
            : null,
        ...(env.WEBHOOK_SECRETS === 'secrets-manager' ? { webhookSecrets: webhookSecretsOnFirstUse() } : {}),
        ...(env.EVENT_BUS_NAME ? { events: eventBridgeOnFirstUse(env.EVENT_BUS_NAME) } : {}),
        metrics: new PowertoolsBusinessMetrics(),
        secrets: named.secrets,
        secretsNamespace: named.namespace,
        cardCheckout: cardCheckoutFrom(env, named.secrets),
        // A route that signs or checks portal links is given the namespace (and the grant on the key's secret).
        ...(env.SECRETS_NAMESPACE ? { portalSigningKey: secretPortalSigningKey(named.secrets, named.namespace) } : {}),
        ...(env.ID_TOKEN_ISSUER && env.ID_TOKEN_AUDIENCE
          ? {
              idTokens: new JwksIdTokenVerifier(
                { issuer: env.ID_TOKEN_ISSUER, audience: env.ID_TOKEN_AUDIENCE },
                systemClock,
              ),
            }
          : {}),
      },
    );
  }
  return cached;
};
