// Paying a case now by card on the provider's hosted page (Stripe Checkout): the portal asks for a session and sends
// the customer to its URL; the money itself lands later through the provider's webhook, like any other payment.

export interface CheckoutRequest {
  tenantId: string;
  delinquencyId: string;
  customerId: string;
  /** Minor units. */
  amount: number;
  /** ISO 4217, upper case. */
  currency: string;
  description: string;
  /** The page's language (BCP 47). */
  locale: string;
  /** May contain {CHECKOUT_SESSION_ID}, which the provider replaces with the session's id. */
  successUrl: string;
  cancelUrl: string;
  customerEmail?: string;
}

export interface CheckoutSession {
  id: string;
  url: string;
}

export interface CheckoutSessionState {
  status: 'open' | 'complete' | 'expired';
  paymentStatus: 'paid' | 'unpaid';
  /** Minor units. */
  amount: number;
  /** ISO 4217, upper case. */
  currency: string;
}

export interface CardCheckout {
  /** null when the tenant has no Stripe key: the portal then offers no card payment. */
  createSession(request: CheckoutRequest): Promise<CheckoutSession | null>;
  /** What a finished session paid, for the receipt page (null when unknown). */
  getSession(tenantId: string, sessionId: string): Promise<CheckoutSessionState | null>;
}

/** A deployment without card payments: every tenant is without a key. */
export const noCardCheckout: CardCheckout = {
  createSession: async () => null,
  getSession: async () => null,
};
