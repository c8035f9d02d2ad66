// What webhook handling remembers: each provider event once, provider payment ids, and refunds waiting for a payment.

export type WebhookOutcome = 'applied' | 'ignored' | 'unmatched' | 'rejected' | 'waiting';

export interface WebhookEventRecord {
  provider: string;
  eventId: string;
  type: string;
  /** 'received' until the event's work is done; then what came of it. */
  status: 'received' | WebhookOutcome;
  detail?: string;
  receivedAt: string;
  /** While 'received': the attempt working on it owns it until then; a copy arriving meanwhile does nothing. */
  leaseUntil?: string;
  finishedAt?: string;
}

export interface ProviderPaymentLink {
  invoiceId: string;
  paymentId: string;
}

export interface WaitingReversal {
  eventId: string;
  kind: 'refund' | 'chargeback';
  /** Stripe reports refunds as a running total per charge; the reversal tops up to it. */
  cumulativeAmount: number;
  /** The currency the provider gave, checked against the payment's when it arrives. */
  currency?: string;
  reference: string;
}

export interface WebhookEventStore {
  /**
   * Records the event as received and leases it to this attempt. An event finished already, or leased to another
   * attempt that is still within its lease, comes back as `fresh: false`; an expired lease (a crashed attempt) is taken.
   */
  begin(
    tenantId: string,
    record: WebhookEventRecord,
  ): Promise<{ fresh: true } | { fresh: false; record: WebhookEventRecord }>;
  finish(
    tenantId: string,
    provider: string,
    eventId: string,
    status: WebhookOutcome,
    detail: string,
    at: string,
  ): Promise<void>;
  linkPayment(tenantId: string, provider: string, providerPaymentId: string, link: ProviderPaymentLink): Promise<void>;
  paymentLink(tenantId: string, provider: string, providerPaymentId: string): Promise<ProviderPaymentLink | null>;
  addWaiting(tenantId: string, provider: string, providerPaymentId: string, waiting: WaitingReversal): Promise<void>;
  listWaiting(tenantId: string, provider: string, providerPaymentId: string): Promise<WaitingReversal[]>;
}
