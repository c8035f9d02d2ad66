// The ports the partner-API use cases receive; adapters are chosen by whoever builds these.
import type { Clock } from '../ports/clock.port';
import type { CustomerRepository } from '../ports/customer-repository.port';
import type { InvoiceRepository } from '../ports/invoice-repository.port';
import type { FactsChanged } from '../ports/facts-changed.port';
import type { BusinessMetrics } from '../ports/metrics.port';
import type { StrategyRepository } from '../ports/strategy-repository.port';

export interface CoreDeps {
  clock: Clock;
  customers: CustomerRepository;
  invoices: InvoiceRepository;
  strategies: StrategyRepository;
  /** Wakes a delinquency's execution when a payment (or another fact) lands. */
  factsChanged: FactsChanged;
  /** Counts business events (payments applied, messages sent); none when left out. */
  metrics?: BusinessMetrics;
}
