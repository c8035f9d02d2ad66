// What the escalation engine works with: storage, senders, the event publisher, the clock and a few deployment settings.
import type { Clock } from '../ports/clock.port';
import type { CustomerRepository } from '../ports/customer-repository.port';
import type { DelinquencyRepository } from '../ports/delinquency-repository.port';
import type { EventPublisher } from '../ports/event-publisher.port';
import type { InvoiceRepository } from '../ports/invoice-repository.port';
import type { EmailSender, SmsSender } from '../ports/notifier.port';
import type { StrategyRepository } from '../ports/strategy-repository.port';
import type { TaskRepository } from '../ports/task-repository.port';
import type { PaymentCollector } from '../ports/payment-collector.port';
import type { ClaimStore } from './send-reminder';
import type { TenantDirectory } from '../ports/tenant-directory.port';
import type { UnsubscribeTokens } from '../ports/unsubscribe-tokens.port';
import type { PayTokens } from '../ports/pay-tokens.port';
import type { PortalSigningKey } from '../ports/portal-signing-key.port';
import type { WebhookEventStore } from '../ports/webhook-events.port';
import type { CollectorRepository } from '../ports/collector-repository.port';
import type { CreditRepository } from '../ports/credit-repository.port';
import type { ExecutionStarter } from '../ports/executions.port';
import type { BusinessMetrics } from '../ports/metrics.port';
import type { ParkedEventStore } from '../ports/parked-events.port';

export interface EngineSettings {
  /** Base URL of the public API, for unsubscribe and pay links (no trailing slash). */
  publicBaseUrl: string;
  /** Sender address when the tenant has none of its own. */
  defaultEmailFrom: string;
}

export interface EngineDeps {
  clock: Clock;
  tenants: TenantDirectory;
  customers: CustomerRepository;
  invoices: InvoiceRepository;
  strategies: StrategyRepository;
  delinquencies: DelinquencyRepository;
  tasks: TaskRepository;
  /** Collectors new delinquencies are assigned to, and whose load and results move as debts end. */
  collectors: CollectorRepository;
  /** Credit-control state: the engine reviews a customer's hold as its debts age and get paid. */
  credit: CreditRepository;
  unsubscribeTokens: UnsubscribeTokens;
  payTokens: PayTokens;
  /** Signs the portal link in every message. */
  portalSigningKey: PortalSigningKey;
  email: EmailSender;
  sms: SmsSender;
  events: EventPublisher;
  /** Where events the bus kept refusing wait (with their delinquency) for the hourly run's replay. */
  parkedEvents: ParkedEventStore;
  /** Claims in a customer's partition: one case message per channel and day. */
  caseClaims: (tenantId: string, customerId: string) => ClaimStore;
  /** Collects instalments of plans agreed with automatic collection. */
  collector: PaymentCollector;
  /** Links a collected charge to its invoice payment, so the provider's later refund or chargeback finds it. */
  webhookEvents: WebhookEventStore;
  /** Starts the execution of a delinquency a reversal reopens. */
  executions: ExecutionStarter;
  settings: EngineSettings;
  /** Counts business events (messages sent, executions started, promises decided); none when left out. */
  metrics?: BusinessMetrics;
}
