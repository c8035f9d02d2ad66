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

export interface WaitingReversal {
  eventId: string;
  kind: 'refund' | 'chargeback';
  /** Stripe reports refunds as a running total per charge; the reversal tops up to it. */
  cumulativeAmount: number;
  /** The currency the provider gave, checked against the payment's when it arrives. */
  currency?: string;
  reference: string;
}

/** One invoice payment a provider payment became, and how much of the provider's money it holds (minor units). */
export interface ProviderPaymentPart {
  invoiceId: string;
  paymentId: string;
  /** Absent on a link to a single invoice payment: the whole of it. */
  amount?: number;
}

/**
 * A provider payment id's one item: which invoice payment it became (once it arrived), and the refunds that arrived
 * before it did, kept on the same item so the payment's own transaction sees them without a further read.
 */
export interface ProviderPaymentLink {
  /** The (first) invoice payment: the only one of a payment to one invoice. */
  invoiceId: string;
  paymentId: string;
  /** A payment split over several invoices (a Checkout payment of a case): its parts in allocation order. */
  parts?: ProviderPaymentPart[];
}

export interface ProviderPaymentState {
  link: ProviderPaymentLink | null;
  /** The event whose payment made the link (its record lives on the link item), if an event did. */
  eventId: string | null;
  waiting: WaitingReversal[];
}

/**
 * What a provider payment writes in its own transaction: the link to its payment, carrying the record of the event
 * that brought it (the payment's own condition refuses a replay or a racing twin, so the record needs none of its own).
 */
export interface PaymentReceipt {
  /** None when no event brought the payment (a plan's instalment the engine collected itself). */
  event?: WebhookEventRecord;
  provider: string;
  providerPaymentId: string;
  /**
   * False (the usual case): the link is written only if no refund is waiting on it, so the transaction is refused when
   * one is and the rare case reads further. True once the caller knows some are waiting and will apply them.
   */
  waitingKnown: boolean;
}

export interface WebhookEventStore {
  /**
   * Records the event (as received and leased to this attempt, or already finished). An event finished already, or
   * leased to another attempt still within its lease, comes back as `fresh: false`; an expired lease is taken.
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
  /** The provider payment's link (null until the payment arrived) and the refunds waiting on it. */
  providerPayment(tenantId: string, provider: string, providerPaymentId: string): Promise<ProviderPaymentState>;
  /**
   * Keeps a refund that arrived before its payment on the payment's link item, unless the payment has arrived in the
   * meantime: then the stored link comes back and the caller applies the refund itself.
   */
  addWaiting(
    tenantId: string,
    provider: string,
    providerPaymentId: string,
    waiting: WaitingReversal,
  ): Promise<ProviderPaymentLink | null>;
  /**
   * Links a provider payment split over several invoices to its parts (in allocation order) once: a link stored already
   * is kept. Answers the stored state with the refunds that waited for it, which the caller applies (a repeat applies
   * them again, which reversals by running total make harmless).
   */
  linkParts(
    tenantId: string,
    provider: string,
    providerPaymentId: string,
    parts: readonly ProviderPaymentPart[],
  ): Promise<ProviderPaymentState>;
}
