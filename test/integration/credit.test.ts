// Credit control against DynamoDB Local through the API: limit, exposure and available credit, and the automatic hold
// and release (with the integration events an ERP acts on) as invoices, unbilled reports and payments come in.
import { createHandler as createGetCredit } from '../../functions/api/get-credit.handler';
import { createHandler as createPutUnbilled } from '../../functions/api/put-unbilled.handler';
import { createHandler as createPutCustomer } from '../../functions/api/put-customer.handler';
import { createHandler as createPutInvoice } from '../../functions/api/put-invoice.handler';
import { createHandler as createPostPayment } from '../../functions/api/post-payment.handler';
import type { IntegrationEvent } from '../../events/catalog';
import { sha256Hex } from '../../shared/domain/ids';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { createHandler as createStripeWebhook } from '../../functions/api/post-stripe-webhook.handler';
import { signatureHeader } from '../../shared/webhooks/signature';
import { putStrategy } from '../../shared/use-cases/strategies';
import { apiEvent, asRoute, context } from '../fixtures/api-event';
import { createTestTable, fixedClock, type TestTable } from '../fixtures/test-table';

let table: TestTable;
let deps: ApiDependencies;
const published: IntegrationEvent[] = [];
/** While true, the bus refuses every event (an outage past the publisher's retries). */
let busRefuses = false;
const clock = fixedClock('2026-12-20T10:00:00Z');

type Handler = ReturnType<typeof createGetCredit>;
let calls = 0;
const send = async (
  create: (deps: ApiDependencies) => Handler,
  method: string,
  routePath: string,
  params: Record<string, string>,
  body?: unknown,
  key = 'partner-key-00001',
) => {
  const path = Object.entries(params).reduce((text, [name, value]) => text.replace(`{${name}}`, value), routePath);
  // A fresh Idempotency-Key per write: a payment moves money and needs one.
  const headers = {
    authorization: `Bearer ${key}`,
    ...(method === 'GET' ? {} : { 'idempotency-key': `call-${(calls += 1)}` }),
  };
  const response = await asRoute(create(deps))(
    apiEvent({ method, routePath, path, pathParameters: params, headers, ...(body === undefined ? {} : { body }) }),
    context(),
  );
  return { status: response.statusCode, body: JSON.parse(response.body ?? '{}') };
};
const credit = (customerId: string, key?: string) =>
  send(createGetCredit, 'GET', '/v1/customers/{customerId}/credit', { customerId }, undefined, key);
const customer = (customerId: string, body: unknown) =>
  send(createPutCustomer, 'PUT', '/v1/customers/{customerId}', { customerId }, body);
const invoice = (invoiceId: string, body: unknown) =>
  send(createPutInvoice, 'PUT', '/v1/invoices/{invoiceId}', { invoiceId }, body);
const unbilled = (customerId: string, body: unknown) =>
  send(createPutUnbilled, 'PUT', '/v1/customers/{customerId}/unbilled', { customerId }, body);
const pay = (invoiceId: string, amount: number) =>
  send(
    createPostPayment,
    'POST',
    '/v1/invoices/{invoiceId}/payments',
    { invoiceId },
    { amount, currency: 'EUR', reference: `bank-${amount}` },
  );
const WEBHOOK_SECRET = 'whsec_credit_0001';
/** A payment as Stripe reports it, signed with the tenant's secret. */
const payByStripe = async (invoiceId: string, amount: number) => {
  const body = JSON.stringify({
    id: `evt_${invoiceId}_${amount}`,
    object: 'event',
    type: 'payment_intent.succeeded',
    data: {
      object: {
        id: `pi_${invoiceId}_${amount}`,
        amount_received: amount,
        currency: 'eur',
        metadata: { invoice_id: invoiceId },
      },
    },
  });
  const response = await asRoute(createStripeWebhook(deps))(
    apiEvent({
      method: 'POST',
      routePath: '/v1/webhooks/stripe/{tenantId}',
      path: '/v1/webhooks/stripe/t1',
      pathParameters: { tenantId: 't1' },
      headers: { 'stripe-signature': signatureHeader(body, WEBHOOK_SECRET, Math.floor(Date.now() / 1000)) },
      body,
    }),
    context(),
  );
  return { status: response.statusCode, body: JSON.parse(response.body ?? '{}') };
};
const holds = (customerId: string) =>
  published
    .filter((event) => 'customerId' in event.detail && event.detail.customerId === customerId)
    .map((event) => `${event.detailType}:${'reasons' in event.detail ? event.detail.reasons.join('+') : ''}`);

beforeAll(async () => {
  table = await createTestTable();
  deps = {
    ...table.deps(clock),
    webhookSecrets: { secretFor: async () => WEBHOOK_SECRET },
    events: {
      publish: async (events) => {
        if (busRefuses)
          throw Object.assign(new Error('EventBridge refused 1 event(s) after 5 attempts'), { name: 'EventsRefused' });
        published.push(...events);
      },
    },
  };
  await deps.tenants.putApiKey(
    sha256Hex('partner-key-00001'),
    { tenantId: 't1', role: 'partner', keyId: 'partner-key-00001' },
    'now',
  );
  await deps.tenants.putApiKey(
    sha256Hex('other-key-000001'),
    { tenantId: 't2', role: 'partner', keyId: 'other-key-000001' },
    'now',
  );
  await deps.tenants.putTenant({
    id: 't1',
    name: 'Acme',
    sendTime: '09:00',
    promiseGraceDays: 2,
    timeZone: 'UTC',
    disputeApprovalAbove: 100_000,
    statementMode: 'customer',
    creditHoldDaysPastDue: 30,
    createdAt: 'now',
  });
});
afterAll(() => table.destroy());

describe('credit control', () => {
  it('holds a customer whose exposure (open balance plus unbilled) passes the limit, and releases it when paid down', async () => {
    expect(
      (
        await customer('shop', {
          name: 'Corner Shop AS',
          kind: 'business',
          timeZone: 'Europe/Oslo',
          creditLimit: { amount: 100_000, currency: 'EUR' },
        })
      ).status,
    ).toBe(201);
    await invoice('shop-1', {
      customerId: 'shop',
      amount: 80_000,
      currency: 'EUR',
      issuedAt: '2026-12-01',
      dueDate: '2027-01-01',
    });
    // Another currency does not count towards a EUR limit.
    await invoice('shop-2', {
      customerId: 'shop',
      amount: 500_000,
      currency: 'NOK',
      issuedAt: '2026-12-01',
      dueDate: '2027-01-01',
    });
    expect((await credit('shop')).body).toEqual({
      customerId: 'shop',
      currency: 'EUR',
      limit: 100_000,
      openBalance: 80_000,
      unbilled: 0,
      exposure: 80_000,
      available: 20_000,
      pastDueBalance: 0,
      maxDaysPastDue: 0,
      hold: { onHold: false, reasons: [], since: null },
    });
    const reported = await unbilled('shop', { amount: 30_000, currency: 'EUR' });
    expect(reported).toMatchObject({
      status: 200,
      body: {
        exposure: 110_000,
        available: 0,
        hold: { onHold: true, reasons: ['over-limit'], since: '2026-12-20T10:00:00.000Z' },
      },
    });
    expect(holds('shop')).toEqual(['customer.credit_hold:over-limit']);
    // Reporting the same again changes nothing and publishes nothing.
    await unbilled('shop', { amount: 30_000, currency: 'EUR' });
    expect(holds('shop')).toHaveLength(1);
    await pay('shop-1', 20_000);
    expect((await credit('shop')).body).toMatchObject({
      exposure: 90_000,
      available: 10_000,
      hold: { onHold: false, reasons: [] },
    });
    expect(holds('shop')).toEqual(['customer.credit_hold:over-limit', 'customer.credit_released:']);
  });

  it('holds a customer with a debt past the tenant threshold even without a limit, and a raised limit does not release it', async () => {
    await customer('late', { name: 'Late Payer', kind: 'consumer', timeZone: 'Europe/Oslo' });
    await invoice('late-1', {
      customerId: 'late',
      amount: 12_000,
      currency: 'EUR',
      issuedAt: '2026-10-01',
      dueDate: '2026-11-10',
    });
    expect((await credit('late')).body).toMatchObject({
      limit: null,
      available: null,
      pastDueBalance: 12_000,
      maxDaysPastDue: 40,
      hold: { onHold: true, reasons: ['past-due'] },
    });
    await customer('late', {
      name: 'Late Payer',
      kind: 'consumer',
      timeZone: 'Europe/Oslo',
      creditLimit: { amount: 1_000_000, currency: 'EUR' },
    });
    expect((await credit('late')).body.hold).toMatchObject({ onHold: true, reasons: ['past-due'] });
    await pay('late-1', 12_000);
    expect((await credit('late')).body.hold).toMatchObject({ onHold: false, reasons: [] });
    expect(holds('late')).toEqual(['customer.credit_hold:past-due', 'customer.credit_released:']);
  });

  it('lifts a hold when the payment arrives by webhook, as it does for a payment recorded through the API', async () => {
    await customer('hooked', { name: 'Hooked Payer', kind: 'consumer', timeZone: 'Europe/Oslo' });
    await invoice('hooked-1', {
      customerId: 'hooked',
      amount: 8_000,
      currency: 'EUR',
      issuedAt: '2026-10-01',
      dueDate: '2026-11-10',
    });
    expect((await credit('hooked')).body.hold).toMatchObject({ onHold: true, reasons: ['past-due'] });
    expect((await payByStripe('hooked-1', 8_000)).body).toMatchObject({ outcome: 'applied', replayed: false });
    expect((await credit('hooked')).body).toMatchObject({
      pastDueBalance: 0,
      hold: { onHold: false, reasons: [] },
    });
    expect(holds('hooked')).toEqual(['customer.credit_hold:past-due', 'customer.credit_released:']);
    // The provider's retry of the same event changes nothing and announces nothing again.
    expect((await payByStripe('hooked-1', 8_000)).body).toMatchObject({ outcome: 'applied', replayed: true });
    expect(holds('hooked')).toHaveLength(2);
  });

  it("counts the interest an invoice's strategy charges in the exposure, and holds on it", async () => {
    // 36.5 % a year on 100,000: 100 a day once the invoice is past due.
    await putStrategy(deps, 't1', 'accruing', {
      name: 'Accruing',
      appliesTo: { segment: 'accrues' },
      steps: [{ id: 'first', offsetDays: 3, channel: 'email', template: 'overdue' }],
      interest: { rule: 'simple', annualRatePercent: 36.5 },
    });
    await customer('accruing', {
      name: 'Accruing Ltd',
      kind: 'business',
      timeZone: 'UTC',
      segment: 'accrues',
      creditLimit: { amount: 100_500, currency: 'EUR' },
    });
    // Ten days past due on the clock's day: the principal alone is under the limit, with its interest it is over.
    await invoice('accruing-1', {
      customerId: 'accruing',
      amount: 100_000,
      currency: 'EUR',
      issuedAt: '2026-11-01',
      dueDate: '2026-12-10',
    });
    const position = (await credit('accruing')).body;
    expect(position.openBalance).toBeGreaterThan(100_500);
    expect(position.hold).toMatchObject({ onHold: true, reasons: ['over-limit'] });
    expect(holds('accruing')).toEqual(['customer.credit_hold:over-limit']);
  });

  it('refuses a negative unbilled amount or limit by field, and answers 404 for an unknown or foreign customer', async () => {
    expect((await unbilled('shop', { amount: -1, currency: 'eur' })).body).toMatchObject({
      status: 400,
      errors: [{ path: 'amount' }, { path: 'currency' }],
    });
    expect(
      (
        await customer('shop', {
          name: 'Corner Shop AS',
          kind: 'business',
          timeZone: 'Europe/Oslo',
          creditLimit: { amount: -5, currency: 'EUR' },
        })
      ).body,
    ).toMatchObject({ status: 400, errors: [{ path: 'creditLimit.amount' }] });
    expect((await credit('nobody')).status).toBe(404);
    expect((await credit('shop', 'other-key-000001')).status).toBe(404);
  });

  it("never loses a hold announcement the bus refused: nothing is stored, and the partner's retry announces it once", async () => {
    await customer('cafe', {
      name: 'Cafe AS',
      kind: 'business',
      timeZone: 'Europe/Oslo',
      creditLimit: { amount: 10_000, currency: 'EUR' },
    });
    busRefuses = true;
    const refused = await unbilled('cafe', { amount: 20_000, currency: 'EUR' });
    expect(refused.status).toBeGreaterThanOrEqual(500);
    expect((await credit('cafe')).body.hold).toEqual({ onHold: false, reasons: [], since: null });
    busRefuses = false;
    const retried = await unbilled('cafe', { amount: 20_000, currency: 'EUR' });
    expect(retried).toMatchObject({ status: 200, body: { hold: { onHold: true, reasons: ['over-limit'] } } });
    expect(holds('cafe')).toEqual(['customer.credit_hold:over-limit']);
  });
});
