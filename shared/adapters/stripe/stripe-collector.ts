// Off-session instalment charges through Stripe's REST API (POST /v1/payment_intents, confirm=true), with an
// idempotency key per attempt and the tenant's own key (the one Checkout uses). Plain fetch keeps the functions small;
// the base URL points at the stand-in locally and in tests.
import type { CollectionRequest, CollectionResult, PaymentCollector } from '../../ports/payment-collector.port';
import { tenantStripeSecretName, type Secrets } from '../../ports/secrets.port';

export const STRIPE_API_BASE = 'https://api.stripe.com';

interface StripeIntent {
  id: string;
  status: string;
  amount_received?: number;
}

interface StripeErrorBody {
  error?: { type?: string; code?: string; decline_code?: string; message?: string; payment_intent?: { id?: string } };
}

export class StripeCollector implements PaymentCollector {
  constructor(
    private readonly secrets: Secrets,
    /** The deployment's secret namespace (see secrets.port.ts); read when a charge is first made. */
    private readonly namespace: () => string,
    private readonly baseUrl: string = STRIPE_API_BASE,
  ) {}

  async collect(request: CollectionRequest): Promise<CollectionResult> {
    const apiKey = await this.secrets.get(tenantStripeSecretName(this.namespace(), request.tenantId));
    if (!apiKey)
      return { outcome: 'failed', providerPaymentId: null, reason: 'no Stripe API key is configured for this tenant' };
    const form = new URLSearchParams({
      amount: String(request.amount),
      currency: request.currency.toLowerCase(),
      customer: request.customer,
      payment_method: request.paymentMethod,
      off_session: 'true',
      confirm: 'true',
      'metadata[invoice_id]': request.invoiceId,
      'metadata[plan_id]': request.planId,
      'metadata[installment]': String(request.installment),
    });
    const response = await fetch(`${this.baseUrl}/v1/payment_intents`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${apiKey}`,
        'content-type': 'application/x-www-form-urlencoded',
        'idempotency-key': request.idempotencyKey,
      },
      body: form.toString(),
    });
    if (response.ok) {
      const intent = (await response.json()) as StripeIntent;
      if (intent.status === 'succeeded')
        return { outcome: 'succeeded', providerPaymentId: intent.id, amount: intent.amount_received ?? request.amount };
      return { outcome: 'failed', providerPaymentId: intent.id, reason: `the payment is ${intent.status}` };
    }
    // 402: the card was declined, 400: the request cannot succeed as sent; both are the customer's side, not an outage.
    if (response.status === 402 || response.status === 400) {
      const body = (await response.json().catch(() => ({}))) as StripeErrorBody;
      const reason = body.error?.decline_code ?? body.error?.code ?? body.error?.type ?? `refused (${response.status})`;
      return { outcome: 'failed', providerPaymentId: body.error?.payment_intent?.id ?? null, reason };
    }
    throw new Error(`Stripe answered ${response.status}; the attempt will be retried`);
  }
}
