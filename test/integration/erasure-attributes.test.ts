// Issue 13 item 1: erasure rewrites only the attributes that hold personal data; ids, keys, statuses, amounts and dates
// of the kept records stay exactly as they were, whatever the customer is called.
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createHandler as createErase } from '../../functions/api/delete-customer.handler';
import { createHandler as createExport } from '../../functions/api/get-customer-export.handler';
import { createHandler as createGetCustomer } from '../../functions/api/get-customer.handler';
import { createHandler as createGetDelinquency } from '../../functions/api/get-delinquency.handler';
import { createHandler as createGetInvoice } from '../../functions/api/get-invoice.handler';
import { createHandler as createListDelinquencies } from '../../functions/api/list-delinquencies.handler';
import { PERSONAL_DATA, type ItemType } from '../../shared/adapters/dynamodb/keys';
import { sha256Hex } from '../../shared/domain/ids';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { putCustomer } from '../../shared/use-cases/customers';
import { putInvoice, recordPayment } from '../../shared/use-cases/invoices';
import { apiEvent, asRoute, context } from '../fixtures/api-event';
import { createTestTable, fixedClock, type TestTable } from '../fixtures/test-table';
import { aDelinquency } from '../fixtures/delinquency';

let table: TestTable;
let deps: ApiDependencies;
const clock = fixedClock('2026-12-10T10:00:00Z');
const MANAGER = 'erasure-manager-key-0001';
const NAMES = ['Tom', 'Open', 'Active', 'Default', 'inv', 'EUR'];
const idOf = (name: string) => name.toLowerCase();

const seed = async (name: string) => {
  const id = idOf(name);
  await putCustomer(deps, 't1', `cus-${id}`, {
    name,
    email: `${id}@example.com`,
    phone: '+4791234567',
    kind: 'consumer',
    timeZone: 'Europe/Oslo',
    segment: 'retail',
  });
  await putInvoice(deps, 't1', `inv-${id}`, {
    customerId: `cus-${id}`,
    amount: 50_000,
    currency: 'EUR',
    issuedAt: '2026-10-01',
    dueDate: '2026-11-01',
    strategyId: 'default',
    description: 'Electricity, October',
  });
  await recordPayment(deps, 't1', `inv-${id}`, { amount: 5_000, currency: 'EUR', reference: `bank-${id}-1` });
  const now = clock.now().toISOString();
  await deps.delinquencies.open(
    't1',
    aDelinquency({
      id: `dlq-${id}`,
      invoiceId: `inv-${id}`,
      customerId: `cus-${id}`,
      stage: 'overdue',
      doneSteps: ['overdue'],
      openedAt: now,
      priority: 10,
      balance: 45_000,
    }),
    {
      id: `tl-open-${id}`,
      at: now,
      kind: 'delinquency.opened',
      actor: 'schedule',
      detail: `invoice inv-${id} overdue: EUR 450.00 open, strategy default, status active`,
    },
  );
};

beforeAll(async () => {
  table = await createTestTable();
  deps = table.deps(clock);
  await deps.tenants.putApiKey(sha256Hex(MANAGER), { tenantId: 't1', role: 'manager', keyId: 'key_manager' }, 'now');
  for (const name of NAMES) await seed(name);
});
afterAll(() => table.destroy());

type Handler = ReturnType<typeof createErase>;
const call = async (handler: Handler, method: string, routePath: string, params: Record<string, string> = {}) => {
  const path = Object.entries(params).reduce((text, [name, value]) => text.replace(`{${name}}`, value), routePath);
  const response = await asRoute(handler)(
    apiEvent({ method, routePath, path, pathParameters: params, headers: { authorization: `Bearer ${MANAGER}` } }),
    context(),
  );
  return { status: response.statusCode, body: JSON.parse(response.body ?? '{}') };
};
const scan = async () => (await table.client.send(new ScanCommand({ TableName: table.tableName }))).Items ?? [];
const itemsOf = (items: Record<string, unknown>[], id: string) =>
  items.filter((item) => [`cus-${id}`, `inv-${id}`, `dlq-${id}`].some((part) => String(item.pk).endsWith(`#${part}`)));

describe('item 1: erasure by attribute', () => {
  it.each(NAMES)(
    'item 1: erasing a customer named "%s" keeps its invoice, payment, delinquency and timeline intact, and every route still answers',
    async (name) => {
      const id = idOf(name);
      const before = itemsOf(await scan(), id);
      expect(
        (await call(createErase(deps), 'DELETE', '/v1/customers/{customerId}', { customerId: `cus-${id}` })).status,
      ).toBe(200);
      const after = itemsOf(await scan(), id);

      // Every record kept for the books reads back as it was: ids, keys, statuses, amounts and dates exactly; only the
      // free-text attributes listed as personal may lose the name where it stands as a word.
      const personal = new Set(['Customer', 'OptOut', 'CustomerToken']);
      const withoutFreeText = (item: Record<string, unknown>) => {
        const rules = PERSONAL_DATA[item.type as ItemType];
        const listed = rules && rules !== 'delete' ? Object.keys(rules) : [];
        return Object.fromEntries(Object.entries(item).filter(([name]) => !listed.includes(name)));
      };
      const kept = before.filter((candidate) => !personal.has(String(candidate.type)));
      expect(kept.map((item) => item.type).sort()).toEqual(['Delinquency', 'Invoice', 'Payment', 'TimelineEntry']);
      for (const item of kept) {
        const now = after.find((candidate) => candidate.pk === item.pk && candidate.sk === item.sk);
        expect(now && withoutFreeText(now)).toEqual(withoutFreeText(item));
      }
      const customer = after.find((item) => item.type === 'Customer');
      expect(customer).toMatchObject({
        id: `cus-${id}`,
        name: '(erased)',
        kind: 'consumer',
        timeZone: 'Europe/Oslo',
        segment: 'retail',
      });
      expect(customer).not.toHaveProperty('email');
      expect(customer).not.toHaveProperty('phone');

      const invoice = await call(createGetInvoice(deps), 'GET', '/v1/invoices/{invoiceId}', { invoiceId: `inv-${id}` });
      expect(invoice).toMatchObject({
        status: 200,
        body: {
          id: `inv-${id}`,
          customerId: `cus-${id}`,
          currency: 'EUR',
          status: 'open',
          strategyId: 'default',
          amount: 50_000,
          paid: 5_000,
          description: 'Electricity, October',
        },
      });
      expect(invoice.body.payments).toEqual([expect.objectContaining({ reference: `bank-${id}-1`, currency: 'EUR' })]);
      const delinquency = await call(createGetDelinquency(deps), 'GET', '/v1/delinquencies/{delinquencyId}', {
        delinquencyId: `dlq-${id}`,
      });
      expect(delinquency).toMatchObject({
        status: 200,
        body: {
          id: `dlq-${id}`,
          invoiceIds: [`inv-${id}`],
          customerId: `cus-${id}`,
          status: 'active',
          currency: 'EUR',
          stage: 'overdue',
        },
      });
      expect(
        (await call(createGetCustomer(deps), 'GET', '/v1/customers/{customerId}', { customerId: `cus-${id}` })).status,
      ).toBe(200);
      const exported = await call(createExport(deps), 'GET', '/v1/customers/{customerId}/export', {
        customerId: `cus-${id}`,
      });
      expect(exported.status).toBe(200);
      // Ids inside free text are never taken for the name.
      expect(
        exported.body.timeline.find((entry: { kind: string }) => entry.kind === 'delinquency.opened').detail,
      ).toMatch(new RegExp(`^invoice inv-${id} overdue: `));
      const queue = await call(createListDelinquencies(deps), 'GET', '/v1/delinquencies');
      expect(queue.status).toBe(200);
    },
  );

  it('item 1: the personal data that was there is gone, the others are untouched', async () => {
    const stored = JSON.stringify(await scan());
    for (const name of NAMES) expect(stored).not.toContain(`${idOf(name)}@example.com`);
    expect(stored).not.toContain('+4791234567');
  });
});
