// Issue 13 item 14: the work queue ranks debts in different currencies by what they are worth in the tenant's base
// currency (dated ECB reference rates, shipped and overridable per tenant) and shows both amounts.
import { createHandler as createList } from '../../functions/api/list-delinquencies.handler';
import { sha256Hex } from '../../shared/domain/ids';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import type { Tenant } from '../../shared/schemas/tenant.schema';
import type { EngineDeps } from '../../shared/use-cases/engine-deps';
import { putCustomer } from '../../shared/use-cases/customers';
import { putInvoice } from '../../shared/use-cases/invoices';
import { openDelinquency } from '../../shared/use-cases/reminder-run';
import { listStrategies } from '../../shared/use-cases/strategies';
import { apiEvent, asRoute, context } from '../fixtures/api-event';
import { createTestTable, fixedClock, type TestTable } from '../fixtures/test-table';

let table: TestTable;
let deps: ApiDependencies;
const clock = fixedClock('2026-12-20T10:00:00Z');

type Item = {
  id: string;
  invoiceId: string;
  currency: string;
  balance: number;
  priority: number;
  baseBalance: { amount: number; currency: string; rateDate: string } | null;
};

const queue = async (key: string): Promise<Item[]> => {
  const event = apiEvent({
    method: 'GET',
    routePath: '/v1/delinquencies',
    path: '/v1/delinquencies',
    headers: { authorization: `Bearer ${key}` },
  });
  const response = await asRoute(createList(deps))(event, context());
  expect(response.statusCode).toBe(200);
  return JSON.parse(response.body ?? '{}').items;
};

const open = async (tenantId: string, id: string, amount: number, currency: string) => {
  // The same reachable customer and the same due date: only the amounts differ.
  await putCustomer(deps, tenantId, `cus-${id}`, {
    name: `Customer ${id}`,
    kind: 'business',
    timeZone: 'Europe/London',
    email: `${id}@example.com`,
  });
  await putInvoice(deps, tenantId, `inv-${id}`, {
    customerId: `cus-${id}`,
    amount,
    currency,
    issuedAt: '2026-11-01',
    dueDate: '2026-12-01',
  });
  const engine = { ...deps, events: { publish: async () => undefined } } as unknown as EngineDeps;
  const tenant = (await deps.tenants.getTenant(tenantId))!;
  await openDelinquency(
    engine,
    tenant,
    (await deps.invoices.get(tenantId, `inv-${id}`))!.invoice,
    await listStrategies(deps, tenantId),
    (await deps.customers.getWithOptOuts(tenantId, `cus-${id}`))!,
  );
};

const tenant = (id: string, settings: Partial<Tenant>): Tenant => ({
  id,
  name: id,
  sendTime: '09:00',
  promiseGraceDays: 2,
  timeZone: 'Europe/London',
  disputeApprovalAbove: 100_000,
  statementMode: 'customer',
  creditHoldDaysPastDue: 30,
  createdAt: 'now',
  ...settings,
});

beforeAll(async () => {
  table = await createTestTable();
  deps = table.deps(clock);
  await deps.tenants.putApiKey(sha256Hex('gbp-manager-0001'), { tenantId: 'uk', role: 'manager', keyId: 'gbp' }, 'now');
  await deps.tenants.putApiKey(
    sha256Hex('own-rates-key-001'),
    { tenantId: 'own', role: 'manager', keyId: 'own' },
    'now',
  );
  await deps.tenants.putApiKey(
    sha256Hex('no-base-key-00001'),
    { tenantId: 'plain', role: 'manager', keyId: 'plain' },
    'now',
  );
  await deps.tenants.putTenant(tenant('uk', { baseCurrency: 'GBP' }));
  // Its own table says a krone is worth far more than the ECB's: the override is what ranks.
  await deps.tenants.putTenant(
    tenant('own', { baseCurrency: 'GBP', exchangeRates: [{ date: '2026-12-01', rates: { NOK: 1, GBP: 1 } }] }),
  );
  await deps.tenants.putTenant(tenant('plain', {}));
  for (const tenantId of ['uk', 'own', 'plain']) {
    await open(tenantId, 'nok', 125_000, 'NOK');
    await open(tenantId, 'gbp', 48_960, 'GBP');
  }
});
afterAll(() => table.destroy());

describe('the work queue across currencies', () => {
  it('item 14: NOK 1,250 ranks below £489.60 in a GBP tenant, and the queue shows both amounts', async () => {
    const items = await queue('gbp-manager-0001');
    expect(items.map((item) => item.invoiceId)).toEqual(['inv-gbp', 'inv-nok']);
    expect(items[0]!.priority).toBeGreaterThan(items[1]!.priority);
    // NOK 1,250.00 at the ECB's rates of 26 April 2024 (the shipped table's latest day): 11.7995 NOK and 0.85643 GBP to
    // the euro, so 1,250 × 0.85643 ÷ 11.7995 = £90.726..., rounded once to £90.73.
    expect(items[1]).toMatchObject({
      currency: 'NOK',
      balance: 125_000,
      baseBalance: { amount: 9_073, currency: 'GBP' },
    });
    expect(items[0]).toMatchObject({
      currency: 'GBP',
      balance: 48_960,
      baseBalance: { amount: 48_960, currency: 'GBP' },
    });
  });

  it("ranks by the tenant's own rates when it has them", async () => {
    const items = await queue('own-rates-key-001');
    expect(items.map((item) => item.invoiceId)).toEqual(['inv-nok', 'inv-gbp']);
    expect(items[0]).toMatchObject({ balance: 125_000, baseBalance: { amount: 125_000, currency: 'GBP' } });
  });

  it('converts to euros for a tenant that has not named its base currency', async () => {
    const items = await queue('no-base-key-00001');
    // £489.60 ÷ 0.85643 = €571.68; NOK 1,250 ÷ 11.7995 = €105.94.
    expect(items.map((item) => [item.invoiceId, item.baseBalance])).toEqual([
      ['inv-gbp', { amount: 57_168, currency: 'EUR', rateDate: '2024-04-26' }],
      ['inv-nok', { amount: 10_594, currency: 'EUR', rateDate: '2024-04-26' }],
    ]);
  });
});
