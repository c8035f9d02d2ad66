// A local stand-in for the parts of Stripe Arrears uses: off-session PaymentIntents (instalments, with Stripe's
// idempotency-key behaviour and test payment methods) and Checkout Sessions with a hosted card page that works without
// JavaScript; paying one sends the signed checkout.session.completed event to the tenant's webhook, as Stripe does.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { formatMoney, isCurrencyCode, MAX_MINOR_UNITS } from '../shared/domain/money';
import { signatureHeader } from '../shared/webhooks/signature';

export interface FakeCharge {
  id: string;
  amount: number;
  currency: string;
  customer: string;
  paymentMethod: string;
  metadata: Record<string, string>;
  status: 'succeeded' | 'requires_payment_method';
}

export interface StandInSession {
  id: string;
  object: 'checkout.session';
  mode: 'payment';
  status: 'open' | 'complete' | 'expired';
  payment_status: 'paid' | 'unpaid';
  amount_total: number;
  currency: string;
  description: string;
  success_url: string;
  cancel_url: string | null;
  locale: string | null;
  customer_email: string | null;
  client_reference_id: string | null;
  metadata: Record<string, string>;
  payment_intent: string | null;
  url: string;
  created: number;
  /** Not Stripe's: kept to give the PaymentIntent its metadata when the session is paid. */
  intentMetadata: Record<string, string>;
}

/** Where a tenant's events go and the secret they are signed with; null: the tenant receives none. */
export type WebhookTarget = (tenantId: string) => { url: string; secret: string } | null;

export interface StripeStandInOptions {
  /** The secret key callers must present (every tenant's key locally). */
  apiKey: string;
  /** Where to send each session's events (looked up when it is paid, so the runtime may start after the stand-in). */
  webhooks?: WebhookTarget;
  port?: number;
  host?: string;
}

export interface WebhookDelivery {
  eventId: string;
  type: string;
  tenantId: string;
  /** The event as sent (a test replays it, as Stripe's retries would). */
  body: string;
  status: number;
}

export interface StripeStandIn {
  url: string;
  /** The secret key it accepts. */
  apiKey: string;
  /** Every PaymentIntent created (a replayed idempotency key creates none), Checkout's included. */
  charges: FakeCharge[];
  sessions: Map<string, StandInSession>;
  /** Every event sent to a webhook, with the status it was answered with (the last attempt's). */
  deliveries: WebhookDelivery[];
  /** Requests received on the API, replays included (the hosted page's are not counted). */
  requests: number;
  /** Where events go from now on. */
  setWebhooks(webhooks: WebhookTarget): void;
  stop(): Promise<void>;
}

/** The tests' older name for the stand-in. */
export type FakeStripe = StripeStandIn;

/** Stripe's test cards: this one pays… */
export const TEST_CARD_PAYS = '4242424242424242';
/** …and this one is always declined. */
export const TEST_CARD_DECLINED = '4000000000000002';

const STRIPE_API_VERSION = '2025-11-17';
/** Attempts at delivering one event before the customer is sent on anyway (Stripe itself retries for days). */
const DELIVERY_ATTEMPTS = 3;

const stripeId = (prefix: string) => `${prefix}_test_${randomBytes(12).toString('hex')}`;

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character]!,
  );

const readBody = (request: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });

/** The bracketed keys of a form under one prefix: `metadata[a]=1` → { a: '1' }. */
const bracketed = (form: URLSearchParams, prefix: string): Record<string, string> => {
  const found: Record<string, string> = {};
  for (const [name, value] of form) {
    if (!name.startsWith(`${prefix}[`) || !name.endsWith(']')) continue;
    const key = name.slice(prefix.length + 1, -1);
    if (!key.includes('[')) found[key] = value;
  }
  return found;
};

const apiError = (message: string, param?: string) => ({
  error: { type: 'invalid_request_error', message, ...(param ? { param } : {}) },
});

/** The session as Stripe's API shows it (without the stand-in's own bookkeeping). */
const publicSession = ({ intentMetadata: _kept, description: _name, ...session }: StandInSession) => session;

/** The hosted page: a plain form, labelled fields, and the decline (or the refusal) said where it is seen. */
const checkoutPage = (session: StandInSession, message?: string): string => {
  const amount = formatMoney(session.amount_total, session.currency.toUpperCase(), session.locale ?? 'en');
  const field = (id: string, label: string, attributes: string) =>
    `<p><label for="${id}">${label}</label><br><input id="${id}" name="${id}" required ${attributes}></p>`;
  const body =
    session.status === 'open'
      ? `${message ? `<p role="alert" style="color:#a00000;font-weight:bold">${escapeHtml(message)}</p>` : ''}
<form method="post" action="/c/pay/${session.id}">
${field('cardNumber', 'Card number', 'inputmode="numeric" autocomplete="cc-number" placeholder="4242 4242 4242 4242"')}
${field('expiry', 'Expiry (MM/YY)', 'autocomplete="cc-exp" placeholder="12/34"')}
${field('cvc', 'CVC', 'inputmode="numeric" autocomplete="cc-csc" placeholder="123"')}
<p><button type="submit">Pay</button></p>
</form>
${session.cancel_url ? `<p><a href="${escapeHtml(session.cancel_url)}">Back</a></p>` : ''}`
      : `<p role="status">This payment is ${session.status === 'complete' ? 'complete' : 'no longer open'}.</p>`;
  return `<!doctype html>
<html lang="${escapeHtml((session.locale ?? 'en') === 'auto' ? 'en' : (session.locale ?? 'en'))}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Pay ${escapeHtml(amount)} (Stripe stand-in)</title></head>
<body style="font-family:sans-serif;max-width:28rem;margin:1rem auto;padding:0 1rem">
<main>
<h1>Pay ${escapeHtml(amount)}</h1>
<p>${escapeHtml(session.description)}</p>
${body}
<p style="font-size:0.9em">Local Stripe stand-in: card ${TEST_CARD_PAYS.replace(/(\d{4})(?=\d)/g, '$1 ')} pays, ${TEST_CARD_DECLINED.replace(/(\d{4})(?=\d)/g, '$1 ')} is declined.</p>
</main>
</body>
</html>`;
};

/**
 * pm_card_visa succeeds; pm_card_chargeDeclined is always declined; pm_card_flaky is declined the first time it is
 * charged for an instalment (insufficient funds) and succeeds on the next try. On the hosted page, 4242… pays and
 * 4000 0000 0000 0002 is declined; any other number is refused as invalid.
 */
export const startStripeStandIn = async (options: StripeStandInOptions): Promise<StripeStandIn> => {
  const { apiKey } = options;
  let webhooks: WebhookTarget = options.webhooks ?? (() => null);
  const byKey = new Map<string, { status: number; body: string }>();
  const flakySeen = new Set<string>();
  const state: StripeStandIn = {
    url: '',
    apiKey,
    charges: [],
    sessions: new Map(),
    deliveries: [],
    requests: 0,
    setWebhooks: (target) => {
      webhooks = target;
    },
    stop: async () => undefined,
  };

  const paymentIntent = (form: URLSearchParams, answer: (s: number, b: unknown) => void) => {
    const metadata = bracketed(form, 'metadata');
    const paymentMethod = form.get('payment_method') ?? '';
    const instalment = `${metadata.plan_id}-${metadata.installment}`;
    const declined =
      paymentMethod === 'pm_card_chargeDeclined' || (paymentMethod === 'pm_card_flaky' && !flakySeen.has(instalment));
    if (paymentMethod === 'pm_card_flaky') flakySeen.add(instalment);
    const charge: FakeCharge = {
      id: `pi_fake_${String(state.charges.length + 1).padStart(4, '0')}`,
      amount: Number(form.get('amount')),
      currency: form.get('currency') ?? '',
      customer: form.get('customer') ?? '',
      paymentMethod,
      metadata,
      status: declined ? 'requires_payment_method' : 'succeeded',
    };
    state.charges.push(charge);
    if (declined) {
      const declineCode = paymentMethod === 'pm_card_flaky' ? 'insufficient_funds' : 'generic_decline';
      return answer(402, {
        error: {
          type: 'card_error',
          code: 'card_declined',
          decline_code: declineCode,
          payment_intent: { id: charge.id, status: charge.status },
        },
      });
    }
    return answer(200, {
      id: charge.id,
      object: 'payment_intent',
      status: 'succeeded',
      amount: charge.amount,
      amount_received: charge.amount,
      currency: charge.currency,
      metadata,
    });
  };

  const createSession = (form: URLSearchParams, answer: (s: number, b: unknown) => void) => {
    if (form.get('mode') !== 'payment') return answer(400, apiError('only mode=payment is served here', 'mode'));
    const currency = (form.get('line_items[0][price_data][currency]') ?? '').toLowerCase();
    const amount = Number(form.get('line_items[0][price_data][unit_amount]'));
    const quantity = Number(form.get('line_items[0][quantity]') ?? '1');
    const name = form.get('line_items[0][price_data][product_data][name]') ?? '';
    const successUrl = form.get('success_url') ?? '';
    if (!isCurrencyCode(currency.toUpperCase()))
      return answer(400, apiError('Invalid currency', 'line_items[0][price_data][currency]'));
    if (!Number.isInteger(amount) || amount < 1 || !Number.isInteger(quantity) || quantity < 1)
      return answer(400, apiError('Invalid integer', 'line_items[0][price_data][unit_amount]'));
    if (amount * quantity > MAX_MINOR_UNITS) return answer(400, apiError('Amount too large', 'line_items'));
    if (!name) return answer(400, apiError('Missing required param', 'line_items[0][price_data][product_data][name]'));
    if (!/^https?:\/\//.test(successUrl)) return answer(400, apiError('Not a valid URL', 'success_url'));
    const id = stripeId('cs');
    const session: StandInSession = {
      id,
      object: 'checkout.session',
      mode: 'payment',
      status: 'open',
      payment_status: 'unpaid',
      amount_total: amount * quantity,
      currency,
      description: name,
      success_url: successUrl,
      cancel_url: form.get('cancel_url'),
      locale: form.get('locale'),
      customer_email: form.get('customer_email'),
      client_reference_id: form.get('client_reference_id'),
      metadata: bracketed(form, 'metadata'),
      payment_intent: null,
      url: `${state.url}/c/pay/${id}`,
      created: Math.floor(Date.now() / 1000),
      intentMetadata: bracketed(form, 'payment_intent_data[metadata]'),
    };
    state.sessions.set(id, session);
    return answer(200, publicSession(session));
  };

  const api = async (request: IncomingMessage, response: ServerResponse, path: string) => {
    const text = await readBody(request);
    state.requests += 1;
    const answer = (status: number, body: unknown) => {
      const json = JSON.stringify(body);
      const key = request.headers['idempotency-key'];
      if (request.method === 'POST' && typeof key === 'string') byKey.set(key, { status, body: json });
      response.writeHead(status, { 'content-type': 'application/json' }).end(json);
    };
    if (request.headers.authorization !== `Bearer ${apiKey}`)
      return answer(401, { error: { type: 'invalid_request_error', message: 'Invalid API Key provided' } });
    const key = request.headers['idempotency-key'];
    const replay = request.method === 'POST' && typeof key === 'string' ? byKey.get(key) : undefined;
    if (replay)
      return response
        .writeHead(replay.status, { 'content-type': 'application/json', 'idempotent-replayed': 'true' })
        .end(replay.body);
    const form = new URLSearchParams(text);
    if (request.method === 'POST' && path === '/v1/payment_intents') return paymentIntent(form, answer);
    if (request.method === 'POST' && path === '/v1/checkout/sessions') return createSession(form, answer);
    const sessionPath = /^\/v1\/checkout\/sessions\/([A-Za-z0-9_]+)$/.exec(path);
    if (request.method === 'GET' && sessionPath) {
      const session = state.sessions.get(sessionPath[1]!);
      if (!session)
        return answer(404, {
          error: { type: 'invalid_request_error', code: 'resource_missing', message: 'No such checkout.session' },
        });
      return answer(200, publicSession(session));
    }
    return answer(404, { error: { type: 'invalid_request_error', message: 'unknown route' } });
  };

  /** Sends the signed event and waits for the endpoint's 2xx, retrying a refusal a few times as Stripe would. */
  const deliver = async (tenantId: string, type: string, object: unknown) => {
    const target = webhooks(tenantId);
    const eventId = stripeId('evt');
    if (!target) return;
    const body = JSON.stringify({
      id: eventId,
      object: 'event',
      api_version: STRIPE_API_VERSION,
      created: Math.floor(Date.now() / 1000),
      livemode: false,
      type,
      data: { object },
    });
    let status = 0;
    for (let attempt = 1; attempt <= DELIVERY_ATTEMPTS && !(status >= 200 && status < 300); attempt += 1) {
      const answered = await fetch(target.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'stripe-signature': signatureHeader(body, target.secret, Math.floor(Date.now() / 1000)),
        },
        body,
      }).catch(() => null);
      status = answered?.status ?? 0;
      await answered?.arrayBuffer().catch(() => undefined);
    }
    state.deliveries.push({ eventId, type, tenantId, body, status });
  };

  const page = (response: ServerResponse, status: number, html: string) =>
    response
      .writeHead(status, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        // No form-action: browsers hold a form's redirect to it too, and paying redirects to the merchant's site.
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
      })
      .end(html);

  const hosted = async (request: IncomingMessage, response: ServerResponse, sessionId: string) => {
    const session = state.sessions.get(sessionId);
    if (!session) return page(response, 404, '<!doctype html><title>Not found</title><p>No such payment.</p>');
    if (request.method === 'GET') return page(response, 200, checkoutPage(session));
    if (request.method !== 'POST') return page(response, 405, checkoutPage(session));
    const form = new URLSearchParams(await readBody(request));
    if (session.status !== 'open') return page(response, 409, checkoutPage(session));
    const card = (form.get('cardNumber') ?? '').replace(/[\s-]/g, '');
    const expiry = /^\s*(\d{1,2})\s*\/\s*(\d{2})\s*$/.exec(form.get('expiry') ?? '');
    const cvc = (form.get('cvc') ?? '').trim();
    if (card !== TEST_CARD_PAYS && card !== TEST_CARD_DECLINED)
      return page(response, 400, checkoutPage(session, 'Your card number is invalid.'));
    if (!expiry || Number(expiry[1]) < 1 || Number(expiry[1]) > 12)
      return page(response, 400, checkoutPage(session, "Your card's expiration date is invalid."));
    if (!/^\d{3,4}$/.test(cvc))
      return page(response, 400, checkoutPage(session, "Your card's security code is invalid."));
    if (card === TEST_CARD_DECLINED) return page(response, 402, checkoutPage(session, 'Your card was declined.'));
    const charge: FakeCharge = {
      id: stripeId('pi'),
      amount: session.amount_total,
      currency: session.currency,
      customer: '',
      paymentMethod: 'pm_card_visa',
      metadata: session.intentMetadata,
      status: 'succeeded',
    };
    state.charges.push(charge);
    session.status = 'complete';
    session.payment_status = 'paid';
    session.payment_intent = charge.id;
    const tenantId = session.metadata.tenantId;
    if (tenantId) await deliver(tenantId, 'checkout.session.completed', publicSession(session));
    response.writeHead(303, { location: session.success_url.replaceAll('{CHECKOUT_SESSION_ID}', session.id) }).end();
  };

  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://stand-in').pathname;
    const hostedPath = /^\/c\/pay\/([A-Za-z0-9_]+)$/.exec(path);
    const handled = hostedPath ? hosted(request, response, hostedPath[1]!) : api(request, response, path);
    handled.catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(`stand-in failure: ${String(error)}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const host = options.host === undefined || options.host === '0.0.0.0' ? '127.0.0.1' : options.host;
  state.url = `http://${host}:${(server.address() as AddressInfo).port}`;
  state.stop = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
};

/** The instalment tests' entry: the stand-in with one key and no webhooks. */
export const startFakeStripe = (apiKey: string): Promise<StripeStandIn> => startStripeStandIn({ apiKey });
