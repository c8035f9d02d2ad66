// Customer statements and case payments against DynamoDB Local: open items per currency, payments, credit, total due.
import { createHandler } from '../../functions/api/get-statement.handler';
import { sha256Hex } from '../../shared/domain/ids';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { putCustomer } from '../../shared/use-cases/customers';
import { putInvoice, recordPayment } from '../../shared/use-cases/invoices';
import { recordCasePayment } from '../../shared/use-cases/case-payments';
import { apiEvent, asRoute, context } from '../fixtures/api-event';
import { createTestTable, fixedClock, type TestTable } from '../fixtures/test-table';

let table: TestTable;
let deps: ApiDependencies;
const clock = fixedClock('2026-12-20T10:00:00Z');
const KEY = 'statement-key-0001';

beforeAll(async () => {
  table = await createTestTable();
  deps = table.deps(clock);
  await deps.tenants.putApiKey(sha256Hex(KEY), { tenantId: 't1', role: 'collector', keyId: 'k1' }, 'now');
  await putCustomer(deps, 't1', 'kari', {
    name: 'Kari Nordmann',
    kind: 'consumer',
    timeZone: 'Europe/Oslo',
    locale: 'nb-NO',
  });
  const invoice = (id: string, amount: number, currency: string, dueDate: string, description?: string) =>
    putInvoice(deps, 't1', id, {
      customerId: 'kari',
      amount,
      currency,
      issuedAt: '2026-11-01',
      dueDate,
      ...(description ? { description } : {}),
    });
  await invoice('A-1', 10_000, 'EUR', '2026-12-01');
  await invoice('A-2', 5_000, 'EUR', '2026-12-10', 'Strøm desember');
  await invoice('A-3', 2_000, 'EUR', '2026-12-15');
  await invoice('N-1', 80_000, 'NOK', '2026-12-05');
  await recordPayment(deps, 't1', 'A-1', { amount: 4_000, currency: 'EUR', reference: 'bank-1' });
  await recordPayment(deps, 't1', 'A-3', { amount: 2_500, currency: 'EUR', reference: 'bank-2' }); // 500 over: credit
});
afterAll(() => table.destroy());

const get = async (customerId: string, format?: string) => {
  const event = apiEvent({
    method: 'GET',
    routePath: '/v1/customers/{customerId}/statement',
    path: `/v1/customers/${customerId}/statement`,
    pathParameters: { customerId },
    headers: { authorization: `Bearer ${KEY}` },
  });
  if (format) event.queryStringParameters = { format };
  const response = await asRoute(createHandler(deps))(event, context());
  return { status: response.statusCode, contentType: response.headers['content-type'], body: response.body ?? '' };
};

describe('customer statements', () => {
  it('lists open items per currency with payments, nets overpaid credit into the total due', async () => {
    const answer = await get('kari');
    expect(answer.status).toBe(200);
    const statement = JSON.parse(answer.body);
    expect(statement.asOf).toBe('2026-12-20');
    expect(
      statement.currencies.EUR.items.map((item: { invoiceId: string; balance: number; daysPastDue: number }) => [
        item.invoiceId,
        item.balance,
        item.daysPastDue,
      ]),
    ).toEqual([
      ['A-1', 6_000, 19],
      ['A-2', 5_000, 10],
    ]);
    expect(statement.currencies.EUR).toMatchObject({ credit: 500, totalDue: 10_500 });
    expect(statement.currencies.EUR.items[1]).toMatchObject({ invoiceId: 'A-2', description: 'Strøm desember' });
    expect(statement.currencies.EUR.payments).toEqual([
      expect.objectContaining({ invoiceId: 'A-1', amount: 4_000, reference: 'bank-1' }),
    ]);
    expect(statement.currencies.NOK).toMatchObject({ totalDue: 80_000, credit: 0 });
  });

  it('prints it as HTML in the customer’s language, and 404s a customer of no one', async () => {
    const html = await get('kari', 'html');
    expect(html.contentType).toContain('text/html');
    expect(html.body).toContain('Kontoutskrift per 20. desember 2026');
    expect(html.body).toContain('Å betale');
    expect(html.body).toContain('Strøm desember');
    expect(html.body).toContain('10. desember 2026');
    expect((await get('nobody')).status).toBe(404);
  });
});

describe('a payment that names no invoice', () => {
  it('is applied across the case oldest due first, the rest kept as credit, and a retry applies nothing twice', async () => {
    await putCustomer(deps, 't1', 'ola', { name: 'Ola Hansen', kind: 'consumer', timeZone: 'Europe/Oslo' });
    for (const [id, amount, dueDate] of [
      ['O-2', 3_000, '2026-12-12'],
      ['O-1', 2_000, '2026-12-02'],
      ['O-3', 4_000, '2026-12-18'],
    ] as const) {
      await putInvoice(deps, 't1', id, { customerId: 'ola', amount, currency: 'EUR', issuedAt: '2026-11-01', dueDate });
    }
    const pay = () =>
      recordCasePayment(
        deps,
        't1',
        'ola',
        { amount: 6_000, currency: 'EUR', reference: 'bank-ola' },
        'idem-ola-1',
        'api:k1',
      );
    const first = await pay();
    expect(first.allocations.map((part) => [part.invoiceId, part.amount, part.balance])).toEqual([
      ['O-1', 2_000, 0],
      ['O-2', 3_000, 0],
      ['O-3', 1_000, 3_000],
    ]);
    const again = await pay();
    expect(again.allocations.map((part) => part.paymentId)).toEqual(first.allocations.map((part) => part.paymentId));
    const statement = JSON.parse((await get('ola')).body);
    expect(statement.currencies.EUR.totalDue).toBe(3_000);
    const over = await recordCasePayment(
      deps,
      't1',
      'ola',
      { amount: 3_500, currency: 'EUR', reference: 'bank-ola-2' },
      'idem-ola-2',
      'api:k1',
    );
    expect(over).toMatchObject({ credit: 500, allocations: [{ invoiceId: 'O-3', amount: 3_000, balance: 0 }] });
    await expect(
      recordCasePayment(
        deps,
        't1',
        'ola',
        { amount: 100, currency: 'NOK', reference: 'bank-ola-3' },
        undefined,
        'api:k1',
      ),
    ).rejects.toMatchObject({ code: 'nothing-owed' });
  });
});
