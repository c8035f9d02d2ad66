// Collecting an instalment from the customer's saved payment method at the provider (an off-session charge).

export interface CollectionRequest {
  tenantId: string;
  invoiceId: string;
  planId: string;
  installment: number;
  amount: number;
  currency: string;
  /** The provider's ids: customer and saved payment method. Never card data. */
  customer: string;
  paymentMethod: string;
  /** The same key for every retry of the same attempt: the provider charges once. */
  idempotencyKey: string;
}

export type CollectionResult =
  | { outcome: 'succeeded'; providerPaymentId: string; amount: number }
  | { outcome: 'failed'; providerPaymentId: string | null; reason: string };

export interface PaymentCollector {
  /** A refusal (declined card, no key configured) is a result; an outage throws, so the task retries. */
  collect(request: CollectionRequest): Promise<CollectionResult>;
}
