// Payments under concurrency: no update is lost, nothing applies twice, extra money is kept as credit.
import { createHandler as createPostPayment } from '../../functions/api/post-payment.handler';
import { sha256Hex } from '../../shared/domain/ids';
import { putCustomer } from '../../shared/use-cases/customers';
import { getInvoice, putInvoice, recordPayment } from '../../shared/use-cases/invoices';
import { apiEvent, asRoute, context } from '../fixtures/api-event';
import { createTestTable, fixedClock, type TestTable } from '../fixtures/test-table';

let table: TestTable;
const clock = fixedClock('2026-12-01T09:00:00Z');

beforeAll(async () => {
  table = await createTestTable();
  const deps = table.deps(clock);
  await deps.tenants.putApiKey(sha256Hex('tenant-key-0001'), { tenantId: 't1', role: 'partner', keyId: 'k1' }, 'now');
  await putCustomer(deps, 't1', 'c1', { name: 'Ada', kind: 'consumer', timeZone: 'Europe/Oslo' });
});
afterAll(() => table.destroy());

const openInvoice = (id: string, amount = 10_000) =>
  putInvoice(table.deps(clock), 't1', id, {
    customerId: 'c1',
    amount,
    currency: 'EUR',
    issuedAt: '2026-11-01',
    dueDate: '2026-12-01',
  });

describe('concurrent payments', () => {
  it('leaves the exact balance after 20 payments at once on one invoice', async () => {
    await openInvoice('inv-20');
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        recordPayment(table.deps(clock), 't1', 'inv-20', { amount: 317, currency: 'EUR', reference: `bank-${i}` }),
      ),
    );
    expect(results.every((result) => result.created)).toBe(true);
    const invoice = await getInvoice(table.deps(clock), 't1', 'inv-20');
    expect(invoice.paid).toBe(20 * 317);
    expect(invoice.balance).toBe(10_000 - 20 * 317);
    expect(invoice.payments).toHaveLength(20);
  });

  it('applies up to the balance and keeps the rest as credit when concurrent payments overshoot', async () => {
    await openInvoice('inv-over');
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        recordPayment(table.deps(clock), 't1', 'inv-over', { amount: 600, currency: 'EUR', reference: `over-${i}` }),
      ),
    );
    const invoice = await getInvoice(table.deps(clock), 't1', 'inv-over');
    expect(invoice.status).toBe('paid');
    expect(invoice.balance).toBe(0);
    expect(invoice.payments.reduce((sum, p) => sum + p.appliedAmount, 0)).toBe(10_000);
    expect(invoice.payments.reduce((sum, p) => sum + p.unappliedAmount, 0)).toBe(2_000);
  });

  it('applies a payment once when the same idempotency key arrives many times at once', async () => {
    await openInvoice('inv-dup');
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        recordPayment(
          table.deps(clock),
          't1',
          'inv-dup',
          { amount: 1_000, currency: 'EUR', reference: 'once' },
          { idempotencyKey: 'key-1' },
        ),
      ),
    );
    expect(new Set(results.map((result) => result.payment.id)).size).toBe(1);
    const invoice = await getInvoice(table.deps(clock), 't1', 'inv-dup');
    expect(invoice.payments).toHaveLength(1);
    expect(invoice.balance).toBe(9_000);
  });
});

describe('POST /v1/invoices/{id}/payments with an Idempotency-Key', () => {
  const post = (invoiceId: string, key: string, body: unknown) =>
    asRoute(createPostPayment(table.deps(clock)))(
      apiEvent({
        method: 'POST',
        routePath: '/v1/invoices/{invoiceId}/payments',
        path: `/v1/invoices/${invoiceId}/payments`,
        pathParameters: { invoiceId },
        headers: { authorization: 'Bearer tenant-key-0001', 'idempotency-key': key },
        body,
      }),
      context(),
    );

  it('runs concurrent duplicates once and replays the first answer afterwards', async () => {
    await openInvoice('inv-http');
    const body = { amount: 2_500, currency: 'EUR', reference: 'wire-7' };
    const responses = await Promise.all(Array.from({ length: 8 }, () => post('inv-http', 'retry-me', body)));
    const created = responses.filter(
      (response) => response.statusCode === 201 && !response.headers['idempotent-replayed'],
    );
    expect(created).toHaveLength(1);
    for (const response of responses) expect([201, 409]).toContain(response.statusCode);

    const replay = await post('inv-http', 'retry-me', body);
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toBe(created[0]!.body);
    expect((await getInvoice(table.deps(clock), 't1', 'inv-http')).balance).toBe(7_500);
  });

  it('refuses the same key for a different request and applies nothing', async () => {
    await openInvoice('inv-reuse');
    expect((await post('inv-reuse', 'k-reuse', { amount: 100, currency: 'EUR', reference: 'a' })).statusCode).toBe(201);
    const reused = await post('inv-reuse', 'k-reuse', { amount: 999, currency: 'EUR', reference: 'b' });
    expect(reused.statusCode).toBe(422);
    expect(reused.headers['content-type']).toBe('application/problem+json');
    expect((await getInvoice(table.deps(clock), 't1', 'inv-reuse')).paid).toBe(100);
  });

  it('frees the key after a refused request so the corrected one goes through', async () => {
    await openInvoice('inv-fix');
    const wrong = await post('inv-fix', 'k-fix', { amount: 100, currency: 'USD', reference: 'a' });
    expect(wrong.statusCode).toBe(400);
    expect(JSON.parse(wrong.body!).errors).toEqual([
      { path: 'currency', message: "must be the invoice's currency, EUR" },
    ]);
    const right = await post('inv-fix', 'k-fix', { amount: 100, currency: 'EUR', reference: 'a' });
    expect(right.statusCode).toBe(201);
  });
});
