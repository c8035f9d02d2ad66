// Card payments through a hosted checkout (Stripe Checkout): the portal asks for a session and sends the customer there.
// Placeholder from the portal's branch with the contract's exact signatures; the checkout part's version wins at merge.

export interface CheckoutRequest {
  tenantId: string;
  delinquencyId: string;
  customerId: string;
  /** Minor units, ISO 4217 upper case. */
  amount: number;
  currency: string;
  description: string;
  /** The page's language. */
  locale: string;
  /** May contain {CHECKOUT_SESSION_ID}. */
  successUrl: string;
  cancelUrl: string;
  customerEmail?: string;
}

export interface CheckoutSession {
  id: string;
  url: string;
}

export interface CardCheckout {
  /** null when the tenant has no Stripe key: the portal then offers no card payment. */
  createSession(request: CheckoutRequest): Promise<CheckoutSession | null>;
  /** What a finished session paid, for the receipt page (null when unknown). */
  getSession(
    tenantId: string,
    sessionId: string,
  ): Promise<{
    status: 'open' | 'complete' | 'expired';
    paymentStatus: 'paid' | 'unpaid';
    amount: number;
    currency: string;
  } | null>;
}
