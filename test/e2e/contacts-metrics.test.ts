// On `npm start`'s program: a collector's calls refused by Regulation F over HTTP, and the business metrics a month's
// start produces as GET /local/metrics shows them. Its own runtime, so its clock disturbs no other file.
import { startRuntimeProcess, type RuntimeProcess } from './runtime-process';

let runtime: RuntimeProcess;
const KEY = 'contacts-key-000001';

beforeAll(async () => {
  runtime = await startRuntimeProcess({
    ARREARS_CLOCK: 'virtual',
    // 03:00 on Tuesday 1 December in New York.
    ARREARS_CLOCK_START: '2026-12-01T08:00:00Z',
    ARREARS_LOCAL_TENANTS: `contacts:${KEY}:whsec_contacts`,
  });
});
afterAll(() => runtime.stop());

const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
  const response = await fetch(`${runtime.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as any };
};
const metric = async (name: string, dimensions: Record<string, string> = {}) => {
  const { metrics } = (await call('GET', '/local/metrics')).body as {
    metrics: { name: string; dimensions: Record<string, string>; value: number }[];
  };
  return (
    metrics.find(
      (candidate) => candidate.name === name && JSON.stringify(candidate.dimensions) === JSON.stringify(dimensions),
    )?.value ?? 0
  );
};

describe('contacts and metrics on the local runtime', () => {
  it('counts the run, the reminder and one payment however often it is replayed, and refuses a call after a conversation', async () => {
    expect((await call('GET', '/local/metrics')).body).toEqual({ metrics: [] });
    await call('PUT', '/v1/customers/cus-ny', {
      name: 'Ada',
      kind: 'consumer',
      email: 'ada@example.com',
      phone: '+12125550100',
      timeZone: 'America/New_York',
    });
    await call('PUT', '/v1/invoices/inv-ny', {
      customerId: 'cus-ny',
      amount: 10_000,
      currency: 'USD',
      issuedAt: '2026-11-01',
      dueDate: '2026-11-30',
    });
    // The run at 09:00Z opens the case; the overdue email goes at 09:00 in New York (14:00Z).
    await call('POST', '/local/clock/advance', { to: '2026-12-01T15:00:00Z' });
    expect(await metric('ExecutionsStarted')).toBe(1);
    expect(await metric('MessagesSent', { channel: 'email' })).toBe(1);

    const payment = { amount: 4_000, currency: 'USD', reference: 'bank-1' };
    expect(
      (await call('POST', '/v1/invoices/inv-ny/payments', payment, { 'Idempotency-Key': 'pay-once' })).status,
    ).toBe(201);
    expect(
      (await call('POST', '/v1/invoices/inv-ny/payments', payment, { 'Idempotency-Key': 'pay-once' })).status,
    ).toBe(201);
    expect(await metric('PaymentsApplied', { currency: 'USD' })).toBe(1);
    expect(await metric('AmountRecovered', { currency: 'USD' })).toBe(4_000);

    const { delinquencyId } = (await call('GET', '/v1/invoices/inv-ny')).body as { delinquencyId: string };
    const contacts = `/v1/delinquencies/${delinquencyId}/contacts`;
    expect((await call('GET', `/v1/delinquencies/${delinquencyId}/contact-window?channel=call`)).body).toEqual({
      channel: 'call',
      nextAllowedAt: '2026-12-01T15:00:00.000Z',
    });
    expect(
      (await call('POST', contacts, { channel: 'call', direction: 'outbound', outcome: 'conversation' })).status,
    ).toBe(201);
    const refused = await call('POST', contacts, { channel: 'call', direction: 'outbound', outcome: 'no_answer' });
    // Conversation on Tuesday 1 December: the next call is allowed on Tuesday 8 December at 08:00 EST.
    expect(refused).toMatchObject({
      status: 409,
      body: { rule: 'call-after-conversation', nextAllowedAt: '2026-12-08T13:00:00.000Z' },
    });
    expect((await call('GET', contacts)).body.items).toHaveLength(1);
  });
});
