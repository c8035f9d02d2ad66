// The partner API over HTTP on `npm start`: what a partner creates, reads, gets refused, and can never see.
import { call, TENANT_KEYS, uniqueId } from './client';

const customerBody = {
  name: 'Kari Nordmann',
  kind: 'consumer',
  email: 'kari@example.no',
  phone: '+4791234567',
  timeZone: 'Europe/Oslo',
  locale: 'nb-NO',
  country: 'NO',
};
const invoiceBody = (customerId: string) => ({
  customerId,
  amount: 125_000,
  currency: 'NOK',
  issuedAt: '2026-11-01',
  dueDate: '2026-12-01',
  description: 'Electricity, November',
});

const newCustomer = async (tenantKey: string = TENANT_KEYS.acme) => {
  const id = uniqueId('cus');
  expect((await call('PUT', `/v1/customers/${id}`, { key: tenantKey, body: customerBody })).status).toBe(201);
  return id;
};

const newInvoice = async (tenantKey: string = TENANT_KEYS.acme) => {
  const customerId = await newCustomer(tenantKey);
  const id = uniqueId('inv');
  expect((await call('PUT', `/v1/invoices/${id}`, { key: tenantKey, body: invoiceBody(customerId) })).status).toBe(201);
  return { id, customerId };
};

const expectProblem = (
  answer: { status: number; headers: Headers; body: { type: string; title: string; status: number; detail: string } },
  status: number,
) => {
  expect(answer.status).toBe(status);
  expect(answer.headers.get('content-type')).toBe('application/problem+json');
  expect(answer.body).toMatchObject({
    status,
    type: expect.stringMatching(/^urn:arrears:problem:/),
    title: expect.any(String),
    detail: expect.any(String),
  });
};

describe('customers', () => {
  it('creates, reads back and replaces a customer', async () => {
    const id = uniqueId('cus');
    const created = await call('PUT', `/v1/customers/${id}`, { body: customerBody });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...customerBody, id, version: 1, optOuts: [] });

    const read = await call('GET', `/v1/customers/${id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);

    const replaced = await call('PUT', `/v1/customers/${id}`, {
      body: { ...customerBody, segment: 'retail', timeZone: 'Asia/Tokyo' },
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({
      segment: 'retail',
      timeZone: 'Asia/Tokyo',
      version: 2,
      createdAt: created.body.createdAt,
    });
  });

  it('records opt-outs, defaulting to the address on file, once per channel and address', async () => {
    const id = await newCustomer();
    const sms = await call('POST', `/v1/customers/${id}/opt-outs`, { body: { channel: 'sms' } });
    expect(sms.status).toBe(201);
    expect(sms.body).toMatchObject({ id: expect.stringMatching(/^opt_/), channel: 'sms', address: '+4791234567' });
    expect((await call('POST', `/v1/customers/${id}/opt-outs`, { body: { channel: 'sms' } })).status).toBe(200);
    const email = await call('POST', `/v1/customers/${id}/opt-outs`, {
      body: { channel: 'email', address: 'Other@Example.no' },
    });
    expect(email.body.address).toBe('other@example.no');
    const read = await call('GET', `/v1/customers/${id}`);
    expect(read.body.optOuts.map((optOut: { channel: string }) => optOut.channel).sort()).toEqual(['email', 'sms']);
  });

  it('refuses an opt-out for a channel with no address, naming the field', async () => {
    const id = uniqueId('cus');
    await call('PUT', `/v1/customers/${id}`, { body: { name: 'No Phone', kind: 'business', timeZone: 'UTC' } });
    const refused = await call('POST', `/v1/customers/${id}/opt-outs`, { body: { channel: 'sms' } });
    expectProblem(refused, 400);
    expect(refused.body.errors[0].path).toBe('address');
    expect((await call('GET', `/v1/customers/${id}`)).body.optOuts).toEqual([]);
  });
});

describe('invoices and payments', () => {
  it('creates and reads back an invoice with status, balance and charges', async () => {
    const { id, customerId } = await newInvoice();
    const read = await call('GET', `/v1/invoices/${id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      id,
      customerId,
      amount: 125_000,
      currency: 'NOK',
      dueDate: '2026-12-01',
      status: 'open',
      balance: 125_000,
      charges: { fees: 0, interest: 0 },
      delinquencyId: null,
      payments: [],
    });
  });

  it('reduces the balance by a partial payment and marks the invoice paid by the rest', async () => {
    const { id } = await newInvoice();
    const partial = await call('POST', `/v1/invoices/${id}/payments`, {
      body: { amount: 25_000, currency: 'NOK', reference: 'bank-1' },
      headers: { 'Idempotency-Key': uniqueId('pay') },
    });
    expect(partial.status).toBe(201);
    expect(partial.body).toMatchObject({
      appliedAmount: 25_000,
      unappliedAmount: 0,
      invoice: { status: 'open', balance: 100_000 },
    });
    const rest = await call('POST', `/v1/invoices/${id}/payments`, {
      body: { amount: 100_000, currency: 'NOK', reference: 'bank-2' },
      headers: { 'Idempotency-Key': uniqueId('pay') },
    });
    expect(rest.body.invoice).toEqual({ status: 'paid', balance: 0 });
    expect((await call('GET', `/v1/invoices/${id}`)).body).toMatchObject({ status: 'paid', balance: 0, paid: 125_000 });
  });

  it('applies a replayed payment once and answers the replay with the first response', async () => {
    const { id } = await newInvoice();
    const request = {
      body: { amount: 10_000, currency: 'NOK', reference: 'psp-42' },
      headers: { 'Idempotency-Key': uniqueId('idem') },
    };
    const first = await call('POST', `/v1/invoices/${id}/payments`, request);
    const replay = await call('POST', `/v1/invoices/${id}/payments`, request);
    expect(first.status).toBe(201);
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);
    const invoice = await call('GET', `/v1/invoices/${id}`);
    expect(invoice.body.balance).toBe(115_000);
    expect(invoice.body.payments).toHaveLength(1);
  });

  it('takes no payment on a void invoice', async () => {
    const { id, customerId } = await newInvoice();
    expect(
      (await call('PUT', `/v1/invoices/${id}`, { body: { ...invoiceBody(customerId), status: 'void' } })).body.status,
    ).toBe('void');
    const refused = await call('POST', `/v1/invoices/${id}/payments`, {
      body: { amount: 100, currency: 'NOK', reference: 'x' },
      headers: { 'Idempotency-Key': uniqueId('pay') },
    });
    expectProblem(refused, 409);
    expect((await call('GET', `/v1/invoices/${id}`)).body.payments).toEqual([]);
  });
});

describe('bad input is refused with problem+json and stores nothing', () => {
  const cases: [string, (customerId: string) => unknown, string[]][] = [
    ['a fractional amount', (c) => ({ ...invoiceBody(c), amount: 1250.5 }), ['amount']],
    ['a negative amount', (c) => ({ ...invoiceBody(c), amount: -5 }), ['amount']],
    ['an amount as a string', (c) => ({ ...invoiceBody(c), amount: '125000' }), ['amount']],
    ['a bad currency', (c) => ({ ...invoiceBody(c), currency: 'KRONER' }), ['currency']],
    ['a lowercase currency', (c) => ({ ...invoiceBody(c), currency: 'nok' }), ['currency']],
    ['an impossible date', (c) => ({ ...invoiceBody(c), dueDate: '2026-02-30' }), ['dueDate']],
    ['an unknown customer', () => ({ ...invoiceBody('nobody-here'), customerId: 'nobody-here' }), ['customerId']],
    ['an unknown field', (c) => ({ ...invoiceBody(c), discount: 5 }), ['discount']],
    ['a missing field', (c) => ({ customerId: c, amount: 100, currency: 'NOK', issuedAt: '2026-11-01' }), ['dueDate']],
    ['an array instead of an object', () => [1, 2, 3], ['(body)']],
  ];

  it.each(cases)('invoice with %s', async (_label, makeBody, paths) => {
    const customerId = await newCustomer();
    const id = uniqueId('inv');
    const refused = await call('PUT', `/v1/invoices/${id}`, { body: makeBody(customerId) });
    expectProblem(refused, 400);
    expect(refused.body.errors.map((error: { path: string }) => error.path)).toEqual(paths);
    expectProblem(await call('GET', `/v1/invoices/${id}`), 404);
  });

  it.each([
    ['a bad time zone', { ...customerBody, timeZone: 'Europe/Atlantis' }, ['timeZone']],
    ['wrong types', { ...customerBody, name: 42, kind: true }, ['name', 'kind']],
    ['a phone not in E.164', { ...customerBody, phone: '912 34 567' }, ['phone']],
  ])('customer with %s', async (_label, body, paths) => {
    const id = uniqueId('cus');
    const refused = await call('PUT', `/v1/customers/${id}`, { body });
    expectProblem(refused, 400);
    expect(refused.body.errors.map((error: { path: string }) => error.path)).toEqual(paths);
    expectProblem(await call('GET', `/v1/customers/${id}`), 404);
  });

  it('refuses malformed JSON', async () => {
    const id = uniqueId('cus');
    const refused = await call('PUT', `/v1/customers/${id}`, { rawBody: '{"name": "Kari",' });
    expectProblem(refused, 400);
    expect(refused.body.type).toBe('urn:arrears:problem:malformed-json');
    expectProblem(await call('GET', `/v1/customers/${id}`), 404);
  });

  it('refuses an oversized body with 413', async () => {
    const id = uniqueId('cus');
    const refused = await call('PUT', `/v1/customers/${id}`, { body: { ...customerBody, name: 'x'.repeat(100_000) } });
    expectProblem(refused, 413);
    expectProblem(await call('GET', `/v1/customers/${id}`), 404);
  });

  it('refuses an id that is not a valid path id', async () => {
    const refused = await call('PUT', `/v1/customers/${encodeURIComponent('a#b')}`, { body: customerBody });
    expectProblem(refused, 400);
    expect(refused.body.errors[0].path).toBe('path.customerId');
  });

  it('leaves an existing invoice untouched when its replacement is refused', async () => {
    const { id, customerId } = await newInvoice();
    const before = (await call('GET', `/v1/invoices/${id}`)).body;
    expectProblem(await call('PUT', `/v1/invoices/${id}`, { body: { ...invoiceBody(customerId), amount: 0.5 } }), 400);
    expect((await call('GET', `/v1/invoices/${id}`)).body).toEqual(before);
  });

  it('refuses a payment in another currency or with a fractional amount, and applies nothing', async () => {
    const { id } = await newInvoice();
    const currency = await call('POST', `/v1/invoices/${id}/payments`, {
      body: { amount: 100, currency: 'EUR', reference: 'r' },
      headers: { 'Idempotency-Key': uniqueId('pay') },
    });
    expectProblem(currency, 400);
    expect(currency.body.errors).toEqual([{ path: 'currency', message: "must be the invoice's currency, NOK" }]);
    expectProblem(
      await call('POST', `/v1/invoices/${id}/payments`, {
        body: { amount: 99.99, currency: 'NOK', reference: 'r' },
        headers: { 'Idempotency-Key': uniqueId('pay') },
      }),
      400,
    );
    expect((await call('GET', `/v1/invoices/${id}`)).body.balance).toBe(125_000);
  });
});

describe('authentication and tenancy', () => {
  it('answers 401 without a key, with an unknown key and with a malformed header', async () => {
    const id = await newCustomer();
    expectProblem(await call('GET', `/v1/customers/${id}`, { key: null }), 401);
    expectProblem(await call('GET', `/v1/customers/${id}`, { key: 'not-a-real-key-123' }), 401);
    expectProblem(
      await call('GET', `/v1/customers/${id}`, { key: null, headers: { authorization: 'Basic abc' } }),
      401,
    );
    expect((await call('GET', `/v1/customers/${id}`, { key: null })).headers.get('www-authenticate')).toContain(
      'Bearer',
    );
  });

  it('checks the key before the body: no validation detail leaks to an unauthenticated caller', async () => {
    const refused = await call('PUT', `/v1/invoices/${uniqueId('inv')}`, {
      key: 'wrong-key-000000',
      body: { amount: 'x' },
    });
    expectProblem(refused, 401);
    expect(refused.body.errors).toBeUndefined();
  });

  it("shows another tenant's customer, invoice and payments as missing, and changes nothing of theirs", async () => {
    const { id, customerId } = await newInvoice(TENANT_KEYS.globex);
    expectProblem(await call('GET', `/v1/customers/${customerId}`), 404);
    expectProblem(await call('GET', `/v1/invoices/${id}`), 404);
    expectProblem(
      await call('POST', `/v1/invoices/${id}/payments`, {
        body: { amount: 100, currency: 'NOK', reference: 'x' },
        headers: { 'Idempotency-Key': uniqueId('pay') },
      }),
      404,
    );
    expectProblem(await call('POST', `/v1/customers/${customerId}/opt-outs`, { body: { channel: 'email' } }), 404);
    const theirs = await call('GET', `/v1/invoices/${id}`, { key: TENANT_KEYS.globex });
    expect(theirs.body).toMatchObject({ balance: 125_000, payments: [] });
    expect((await call('GET', `/v1/customers/${customerId}`, { key: TENANT_KEYS.globex })).body.optOuts).toEqual([]);
  });

  it('keeps two tenants apart even when they use the same ids', async () => {
    const id = uniqueId('shared');
    await call('PUT', `/v1/customers/${id}`, { key: TENANT_KEYS.acme, body: { ...customerBody, name: 'Acme view' } });
    await call('PUT', `/v1/customers/${id}`, {
      key: TENANT_KEYS.globex,
      body: { ...customerBody, name: 'Globex view' },
    });
    expect((await call('GET', `/v1/customers/${id}`, { key: TENANT_KEYS.acme })).body.name).toBe('Acme view');
    expect((await call('GET', `/v1/customers/${id}`, { key: TENANT_KEYS.globex })).body.name).toBe('Globex view');
  });
});

describe('the rest of the surface', () => {
  it('serves the OpenAPI document without a key', async () => {
    const answer = await call('GET', '/v1/openapi.json', { key: null });
    expect(answer.status).toBe(200);
    expect(answer.body.openapi).toBe('3.1.0');
    expect(Object.keys(answer.body.paths)).toEqual(
      expect.arrayContaining(['/v1/customers/{customerId}', '/v1/invoices/{invoiceId}/payments']),
    );
  });

  it('answers unknown routes with 404 and wrong methods with 405, as problems', async () => {
    expectProblem(await call('GET', '/v1/nothing-here'), 404);
    expectProblem(await call('DELETE', '/v1/invoices/abc'), 405);
  });
});

describe('payment dates', () => {
  it('refuses a payment dated in the future and records one dated in the past as given', async () => {
    const { id } = await newInvoice();
    const future = await call('POST', `/v1/invoices/${id}/payments`, {
      body: { amount: 100, currency: 'NOK', reference: 'early', paidAt: '2030-01-01T00:00:00Z' },
      headers: { 'Idempotency-Key': uniqueId('pay') },
    });
    expectProblem(future, 400);
    expect(future.body.errors[0].path).toBe('paidAt');
    const past = await call('POST', `/v1/invoices/${id}/payments`, {
      body: { amount: 100, currency: 'NOK', reference: 'late', paidAt: '2026-11-30T23:59:00+01:00' },
      headers: { 'Idempotency-Key': uniqueId('pay') },
    });
    expect(past.status).toBe(201);
    expect(past.body.paidAt).toBe('2026-11-30T22:59:00.000Z');
  });
});

describe('strategies', () => {
  it('every tenant starts with the documented default ladder', async () => {
    const listed = await call('GET', '/v1/strategies', { key: TENANT_KEYS.globex });
    expect(listed.status).toBe(200);
    const [first] = listed.body.strategies;
    expect(first).toMatchObject({ id: 'default', isDefault: true, name: 'Default ladder' });
    expect(first.steps.map((step: { id: string }) => step.id)).toEqual([
      'upcoming',
      'overdue',
      'overdue-sms',
      'second-reminder',
      'late-fee',
      'collector-call',
      'final-notice-letter',
      'final-notice',
      'hand-off',
    ]);
  });

  it('creates, reads and replaces a strategy, and lists it after the default', async () => {
    const id = uniqueId('uk-b2b');
    const body = {
      name: 'UK business',
      appliesTo: { segment: 'uk-b2b', minAmount: 10_000 },
      steps: [
        { id: 'reminder', offsetDays: 1, channel: 'email', template: 'overdue' },
        { id: 'statutory', offsetDays: 14, channel: 'email', template: 'late-fee' },
        { id: 'agency', offsetDays: 60, channel: 'agency' },
      ],
      interest: { rule: 'uk-late-payment' },
    };
    const created = await call('PUT', `/v1/strategies/${id}`, { body });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...body, id, isDefault: false, version: 1 });
    expect((await call('GET', `/v1/strategies/${id}`)).body).toEqual(created.body);
    const replaced = await call('PUT', `/v1/strategies/${id}`, { body: { ...body, name: 'UK business v2' } });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ name: 'UK business v2', version: 2 });
    const ids = (await call('GET', '/v1/strategies')).body.strategies.map((strategy: { id: string }) => strategy.id);
    expect(ids[0]).toBe('default');
    expect(ids).toContain(id);
  });

  it('refuses an invalid ladder with the failing step paths and stores nothing', async () => {
    const id = uniqueId('bad');
    const refused = await call('PUT', `/v1/strategies/${id}`, {
      body: {
        name: 'Bad',
        steps: [
          { id: 'a', offsetDays: 10, channel: 'email' },
          { id: 'a', offsetDays: 5, channel: 'sms' },
          { id: 'off', offsetDays: 20, channel: 'write_off' },
          { id: 'after', offsetDays: 30, channel: 'email' },
        ],
      },
    });
    expectProblem(refused, 400);
    expect(refused.body.errors.map((error: { path: string }) => error.path)).toEqual([
      'steps.1.id',
      'steps.1.offsetDays',
      'steps.2.channel',
    ]);
    expectProblem(await call('GET', `/v1/strategies/${id}`), 404);
  });

  it("keeps strategies per tenant: another tenant's strategy is 404", async () => {
    const id = uniqueId('private');
    await call('PUT', `/v1/strategies/${id}`, {
      key: TENANT_KEYS.globex,
      body: { name: 'Private', steps: [{ id: 'a', offsetDays: 1, channel: 'email' }] },
    });
    expectProblem(await call('GET', `/v1/strategies/${id}`, { key: TENANT_KEYS.acme }), 404);
  });
});

describe('interest on an overdue invoice', () => {
  it('shows simple interest accrued up to today in the customer zone, inside the balance', async () => {
    const strategyId = uniqueId('ten-percent');
    await call('PUT', `/v1/strategies/${strategyId}`, {
      body: {
        name: 'Ten percent',
        steps: [{ id: 'remind', offsetDays: 1, channel: 'email' }],
        interest: { rule: 'simple', annualRatePercent: 10 },
      },
    });
    const customerId = uniqueId('cus');
    await call('PUT', `/v1/customers/${customerId}`, {
      body: { name: 'Late Payer', kind: 'consumer', timeZone: 'UTC' },
    });
    const id = uniqueId('inv');
    await call('PUT', `/v1/invoices/${id}`, {
      body: { customerId, amount: 100_000, currency: 'EUR', issuedAt: '2026-10-01', dueDate: '2026-10-31', strategyId },
    });
    const invoice = (await call('GET', `/v1/invoices/${id}`)).body;
    const daysLate = Math.round((Date.parse(invoice.asOf) - Date.parse('2026-10-31')) / 86_400_000);
    expect(daysLate).toBeGreaterThanOrEqual(31);
    const expected = Math.round((100_000 * 10 * daysLate) / 36_500);
    expect(invoice.charges).toEqual({ fees: 0, interest: expected });
    expect(invoice.balance).toBe(100_000 + expected);
    // Paying the whole balance, interest included, settles it with nothing left over.
    const paid = await call('POST', `/v1/invoices/${id}/payments`, {
      body: { amount: invoice.balance, currency: 'EUR', reference: 'all' },
      headers: { 'Idempotency-Key': uniqueId('pay') },
    });
    expect(paid.body).toMatchObject({
      appliedAmount: invoice.balance,
      unappliedAmount: 0,
      invoice: { status: 'paid', balance: 0 },
    });
  });
});
