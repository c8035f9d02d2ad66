// A partner's view of the local runtime: plain HTTP calls with an API key, answers parsed as JSON, and Stripe's webhooks
// signed with Stripe's own library.
import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';

export const TENANT_KEYS = { acme: 'acme-key-00000001', globex: 'globex-key-00000001' } as const;

export interface Answer {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export const baseUrl = (): string => {
  const url = process.env.ARREARS_E2E_URL;
  if (!url) throw new Error('ARREARS_E2E_URL is not set: run through the e2e project');
  return url;
};

export const call = async (
  method: string,
  path: string,
  options: { key?: string | null; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<Answer> => {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
  const key = options.key === undefined ? TENANT_KEYS.acme : options.key;
  if (key !== null) headers.authorization = `Bearer ${key}`;
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const response = await fetch(`${baseUrl()}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
};

/** Ids unique to one test run, so tests sharing the runtime never see each other's data. */
export const uniqueId = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/**
 * A partner's calls against a runtime a test file started itself (its own clock; `url` is read per call, since the
 * runtime starts in beforeAll): JSON in, parsed JSON out, and the local clock moved by an ISO duration.
 */
export const runtimeClient = (url: () => string, key: string) => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const call = async (method: string, path: string, body?: unknown): Promise<any> => {
    const response = await fetch(`${url()}${path}`, {
      method,
      // As a careful partner does: every POST carries its own Idempotency-Key (money-moving ones are refused without).
      headers: {
        authorization: `Bearer ${key}`,
        'content-type': 'application/json',
        ...(method === 'POST' ? { 'idempotency-key': randomUUID() } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return text ? JSON.parse(text) : undefined;
  };
  return { call, advance: (by: string) => call('POST', '/local/clock/advance', { by }) };
};

const stripe = new Stripe('sk_test_not_used_offline');

/** Posts Stripe events to a tenant's webhook, signed with its secret as Stripe does; answers status and parsed body. */
export const stripeWebhook = (url: () => string, tenantId: string, secret: string) => async (event: unknown) => {
  const payload = JSON.stringify(event);
  const response = await fetch(`${url()}/v1/webhooks/stripe/${tenantId}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'stripe-signature': stripe.webhooks.generateTestHeaderString({ payload, secret }),
    },
    body: payload,
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: response.status, body: (await response.json()) as any };
};
