// The Stripe Checkout adapter against a recording HTTP server: how a session request is encoded as Stripe's API takes
// it, which key and idempotency key it sends, what a missing key means, and how a session is read back.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkoutSessionForm, StripeCheckout, stripeLocale } from '../../../shared/adapters/stripe/stripe-checkout';
import type { CheckoutRequest } from '../../../shared/ports/card-checkout.port';
import type { Secrets } from '../../../shared/ports/secrets.port';

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

const received: Received[] = [];
const answers: { status: number; body: unknown }[] = [];
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.push({ method: request.method!, url: request.url!, headers: request.headers, body });
      const answer = answers.shift() ?? { status: 500, body: {} };
      response.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  received.length = 0;
  answers.length = 0;
});

const keys = new Map([['arrears/tenants/acme/stripe', 'sk_test_acme']]);
const secrets: Secrets = { get: async (name) => keys.get(name) ?? null };
const request: CheckoutRequest = {
  tenantId: 'acme',
  delinquencyId: 'dlq-1',
  customerId: 'cust-1',
  amount: 12_550,
  currency: 'NOK',
  description: 'Invoices 1001 and 1002',
  locale: 'nb-NO',
  successUrl: 'https://pay.example/portal/t/receipt?session={CHECKOUT_SESSION_ID}',
  cancelUrl: 'https://pay.example/portal/t',
  customerEmail: 'kari@example.no',
};
const checkout = () => new StripeCheckout(secrets, 'arrears', baseUrl, () => 'fixed-key');

describe('Stripe Checkout sessions', () => {
  it('encodes one inline-priced line item, the return URLs, language, e-mail and the case ids on session and intent', () => {
    expect(Object.fromEntries(checkoutSessionForm(request))).toEqual({
      mode: 'payment',
      'line_items[0][quantity]': '1',
      'line_items[0][price_data][currency]': 'nok',
      'line_items[0][price_data][unit_amount]': '12550',
      'line_items[0][price_data][product_data][name]': 'Invoices 1001 and 1002',
      success_url: 'https://pay.example/portal/t/receipt?session={CHECKOUT_SESSION_ID}',
      cancel_url: 'https://pay.example/portal/t',
      locale: 'nb',
      client_reference_id: 'dlq-1',
      customer_email: 'kari@example.no',
      'metadata[tenantId]': 'acme',
      'metadata[delinquencyId]': 'dlq-1',
      'metadata[customerId]': 'cust-1',
      'payment_intent_data[metadata][tenantId]': 'acme',
      'payment_intent_data[metadata][delinquencyId]': 'dlq-1',
      'payment_intent_data[metadata][customerId]': 'cust-1',
    });
    const withoutEmail: CheckoutRequest = { ...request };
    delete withoutEmail.customerEmail;
    expect(checkoutSessionForm(withoutEmail).has('customer_email')).toBe(false);
  });

  it("gives Stripe's page a language it speaks: Norwegian of any kind is Bokmål, an unknown one 'auto'", () => {
    expect(['nb', 'nn', 'no', 'sv-SE', 'de', 'fr-CA', 'es', 'en', 'xx'].map(stripeLocale)).toEqual([
      'nb',
      'nb',
      'nb',
      'sv',
      'de',
      'fr',
      'es',
      'en',
      'auto',
    ]);
  });

  it("posts the form with the tenant's key and an Idempotency-Key, and answers the session's id and URL", async () => {
    answers.push({ status: 200, body: { id: 'cs_test_1', url: 'https://checkout.example/c/pay/cs_test_1' } });
    await expect(checkout().createSession(request)).resolves.toEqual({
      id: 'cs_test_1',
      url: 'https://checkout.example/c/pay/cs_test_1',
    });
    expect(received).toHaveLength(1);
    const [sent] = received;
    expect(sent).toMatchObject({ method: 'POST', url: '/v1/checkout/sessions' });
    expect(sent!.headers).toMatchObject({
      authorization: 'Bearer sk_test_acme',
      'content-type': 'application/x-www-form-urlencoded',
      'idempotency-key': 'checkout-fixed-key',
    });
    expect(sent!.body).toBe(checkoutSessionForm(request).toString());
  });

  it('retries a failed attempt once with the same Idempotency-Key, so Stripe makes one session', async () => {
    answers.push({ status: 503, body: {} }, { status: 200, body: { id: 'cs_test_2', url: 'https://c/2' } });
    await expect(checkout().createSession(request)).resolves.toEqual({ id: 'cs_test_2', url: 'https://c/2' });
    expect(received.map((sent) => sent.headers['idempotency-key'])).toEqual([
      'checkout-fixed-key',
      'checkout-fixed-key',
    ]);
  });

  it('offers no session, and calls nobody, for a tenant without a Stripe key', async () => {
    await expect(checkout().createSession({ ...request, tenantId: 'globex' })).resolves.toBeNull();
    await expect(checkout().getSession('globex', 'cs_test_1')).resolves.toBeNull();
    expect(received).toHaveLength(0);
  });

  it("reads a session back as the receipt page needs it, and only the tenant's own", async () => {
    const session = {
      id: 'cs_test_1',
      status: 'complete',
      payment_status: 'paid',
      amount_total: 12_550,
      currency: 'nok',
      metadata: { tenantId: 'acme' },
    };
    answers.push(
      { status: 200, body: session },
      { status: 200, body: { ...session, metadata: { tenantId: 'other' } } },
    );
    await expect(checkout().getSession('acme', 'cs_test_1')).resolves.toEqual({
      status: 'complete',
      paymentStatus: 'paid',
      amount: 12_550,
      currency: 'NOK',
    });
    await expect(checkout().getSession('acme', 'cs_test_1')).resolves.toBeNull();
    expect(received.map((sent) => `${sent.method} ${sent.url} ${sent.headers.authorization}`)).toEqual([
      'GET /v1/checkout/sessions/cs_test_1 Bearer sk_test_acme',
      'GET /v1/checkout/sessions/cs_test_1 Bearer sk_test_acme',
    ]);
  });

  it('looks up nothing for an id that is not a session id', async () => {
    await expect(checkout().getSession('acme', '../customers/x')).resolves.toBeNull();
    expect(received).toHaveLength(0);
  });
});
