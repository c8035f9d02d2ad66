// Card payments on Stripe's hosted Checkout page: sessions created and read server side with the tenant's own secret
// key (POST/GET /v1/checkout/sessions, form-encoded as Stripe's API takes it). The base URL points at the stand-in locally.
import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import type {
  CardCheckout,
  CheckoutRequest,
  CheckoutSession,
  CheckoutSessionState,
} from '../../ports/card-checkout.port';
import { tenantStripeSecretName, type Secrets } from '../../ports/secrets.port';
import { STRIPE_API_BASE } from './stripe-collector';

/** The languages Stripe's hosted page speaks (primary subtags); anything else lets the page choose from the browser's. */
const STRIPE_LOCALES = new Set([
  'bg',
  'cs',
  'da',
  'de',
  'el',
  'en',
  'es',
  'et',
  'fi',
  'fil',
  'fr',
  'hr',
  'hu',
  'id',
  'it',
  'ja',
  'ko',
  'lt',
  'lv',
  'ms',
  'mt',
  'nb',
  'nl',
  'pl',
  'pt',
  'ro',
  'ru',
  'sk',
  'sl',
  'sv',
  'th',
  'tr',
  'vi',
  'zh',
]);

/** Stripe's locale for a BCP 47 tag: Norwegian of any kind is Bokmål there; an unknown language is 'auto'. */
export const stripeLocale = (locale: string): string => {
  const primary = locale.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if (primary === 'no' || primary === 'nn') return 'nb';
  return STRIPE_LOCALES.has(primary) ? primary : 'auto';
};

/**
 * The session's form: one line item priced inline for exactly the amount chosen, and the case's ids as metadata on
 * both the session and the PaymentIntent it creates, so the webhook finds the case from either object.
 */
export const checkoutSessionForm = (request: CheckoutRequest): URLSearchParams => {
  const ids = { tenantId: request.tenantId, delinquencyId: request.delinquencyId, customerId: request.customerId };
  const form = new URLSearchParams({
    mode: 'payment',
    'line_items[0][quantity]': '1',
    'line_items[0][price_data][currency]': request.currency.toLowerCase(),
    'line_items[0][price_data][unit_amount]': String(request.amount),
    'line_items[0][price_data][product_data][name]': request.description,
    success_url: request.successUrl,
    cancel_url: request.cancelUrl,
    locale: stripeLocale(request.locale),
    client_reference_id: request.delinquencyId,
  });
  if (request.customerEmail) form.set('customer_email', request.customerEmail);
  for (const [name, value] of Object.entries(ids)) {
    form.set(`metadata[${name}]`, value);
    form.set(`payment_intent_data[metadata][${name}]`, value);
  }
  return form;
};

const CreatedSchema = z.object({ id: z.string().min(1), url: z.string().min(1) });

const SessionSchema = z.object({
  id: z.string(),
  status: z.enum(['open', 'complete', 'expired']).nullable(),
  payment_status: z.string(),
  amount_total: z.number().int().nullable(),
  currency: z.string().nullable(),
  metadata: z.record(z.string(), z.string()).nullish(),
});

export class StripeCheckout implements CardCheckout {
  constructor(
    private readonly secrets: Secrets,
    /** The deployment's secret namespace (see secrets.port.ts). */
    private readonly namespace: string,
    private readonly baseUrl: string = STRIPE_API_BASE,
    private readonly idempotencyKey: () => string = randomUUID,
  ) {}

  async createSession(request: CheckoutRequest): Promise<CheckoutSession | null> {
    const apiKey = await this.keyOf(request.tenantId);
    if (!apiKey) return null;
    const body = checkoutSessionForm(request).toString();
    // One key for this request and its one retry: a retry after a lost answer gets the same session, never a second one.
    const key = `checkout-${this.idempotencyKey()}`;
    const send = () =>
      fetch(`${this.baseUrl}/v1/checkout/sessions`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${apiKey}`,
          'content-type': 'application/x-www-form-urlencoded',
          'idempotency-key': key,
        },
        body,
      });
    let response = await send().catch(() => null);
    if (!response || response.status >= 500) response = await send();
    if (!response.ok) throw new Error(`Stripe refused the Checkout Session (${response.status})`);
    const created = CreatedSchema.parse(await response.json());
    return { id: created.id, url: created.url };
  }

  async getSession(tenantId: string, sessionId: string): Promise<CheckoutSessionState | null> {
    // A session id is Stripe's (cs_…); anything else is not looked up at all.
    if (!/^cs_[A-Za-z0-9_]{1,250}$/.test(sessionId)) return null;
    const apiKey = await this.keyOf(tenantId);
    if (!apiKey) return null;
    const response = await fetch(`${this.baseUrl}/v1/checkout/sessions/${sessionId}`, {
      headers: { authorization: `Bearer ${apiKey}` },
    });
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(`Stripe answered ${response.status} for a Checkout Session`);
    const session = SessionSchema.parse(await response.json());
    // One Stripe account may serve several tenants: a session made for another one is not this tenant's to show.
    if (session.metadata?.tenantId !== tenantId || session.status === null) return null;
    return {
      status: session.status,
      paymentStatus: session.payment_status === 'paid' ? 'paid' : 'unpaid',
      amount: session.amount_total ?? 0,
      currency: (session.currency ?? '').toUpperCase(),
    };
  }

  private keyOf(tenantId: string): Promise<string | null> {
    return this.secrets.get(tenantStripeSecretName(this.namespace, tenantId));
  }
}
