// Each repository's access patterns and conditional writes against DynamoDB Local.
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../shared/adapters/dynamodb/keys';
import { sha256Hex } from '../../shared/domain/ids';
import type { Customer } from '../../shared/schemas/customer.schema';
import type { Invoice } from '../../shared/schemas/invoice.schema';
import { createTestTable, fixedClock, type TestTable } from '../fixtures/test-table';

let table: TestTable;
const clock = fixedClock('2026-12-01T09:00:00Z');

beforeAll(async () => {
  table = await createTestTable();
});
afterAll(() => table.destroy());

const customer = (id: string, version = 1): Customer => ({
  id,
  name: 'Ada',
  kind: 'consumer',
  email: 'ada@example.com',
  timeZone: 'Europe/Oslo',
  createdAt: '2026-12-01T09:00:00.000Z',
  updatedAt: '2026-12-01T09:00:00.000Z',
  version,
});

const invoice = (id: string, overrides: Partial<Invoice> = {}): Invoice => ({
  id,
  customerId: 'c1',
  amount: 10_000,
  currency: 'EUR',
  issuedAt: '2026-11-01',
  dueDate: '2026-12-01',
  voided: false,
  writtenOff: false,
  paidTotal: 0,
  feesTotal: 0,
  delinquencyId: null,
  createdAt: '2026-12-01T09:00:00.000Z',
  updatedAt: '2026-12-01T09:00:00.000Z',
  version: 1,
  scanDate: overrides.dueDate ?? '2026-12-01',
  ...overrides,
});

describe('tenant directory', () => {
  it('resolves a key hash to its tenant and nothing else', async () => {
    const { tenants } = table.deps(clock);
    await tenants.putApiKey(sha256Hex('key-one-111111'), { tenantId: 't1', role: 'partner', keyId: 'k1' }, 'now');
    // A key stored without a person stands for a person of its own.
    expect(await tenants.resolveApiKey(sha256Hex('key-one-111111'))).toEqual({
      tenantId: 't1',
      role: 'partner',
      keyId: 'k1',
      person: 'key:k1',
    });
    expect(await tenants.resolveApiKey(sha256Hex('key-two-222222'))).toBeNull();
    await tenants.putApiKey(sha256Hex('key-three-33333'), { tenantId: 't1', role: 'manager', keyId: 'k3' }, 'now', {
      issuedTo: 'anna',
    });
    expect(await tenants.resolveApiKey(sha256Hex('key-three-33333'))).toEqual({
      tenantId: 't1',
      role: 'manager',
      keyId: 'k3',
      person: 'anna',
    });
  });

  it('stores only the hash of a key', async () => {
    const { tenants } = table.deps(clock);
    await tenants.putApiKey(sha256Hex('secret-key-3333'), { tenantId: 't3', role: 'partner', keyId: 'k3' }, 'now');
    const page = await table.client.send(
      new QueryCommand({
        TableName: table.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.apiKeyPartition(sha256Hex('secret-key-3333')) },
      }),
    );
    expect(JSON.stringify(page.Items)).not.toContain('secret-key-3333');
  });

  it('lists tenants from the index, without a scan', async () => {
    const { tenants } = table.deps(clock);
    for (const id of ['alpha', 'beta']) {
      await tenants.putTenant({
        id,
        name: id,
        sendTime: '09:00',
        promiseGraceDays: 2,
        timeZone: 'UTC',
        disputeApprovalAbove: 100_000,
        statementMode: 'customer',
        creditHoldDaysPastDue: 30,
        createdAt: 'now',
      });
    }
    expect((await tenants.listTenants()).map((tenant) => tenant.id)).toEqual(expect.arrayContaining(['alpha', 'beta']));
    expect(await tenants.getTenant('alpha')).toMatchObject({ id: 'alpha', sendTime: '09:00' });
  });
});

describe('customer repository', () => {
  it('creates once, then replaces only over the version it read', async () => {
    const { customers } = table.deps(clock);
    expect(await customers.save('t1', customer('c-ver'), null)).toBe(true);
    expect(await customers.save('t1', customer('c-ver'), null)).toBe(false);
    expect(await customers.save('t1', customer('c-ver', 2), 1)).toBe(true);
    expect(await customers.save('t1', customer('c-ver', 3), 1)).toBe(false);
    expect((await customers.get('t1', 'c-ver'))?.version).toBe(2);
  });

  it('keeps tenants apart', async () => {
    const { customers } = table.deps(clock);
    await customers.save('t1', customer('c-shared'), null);
    expect(await customers.get('t2', 'c-shared')).toBeNull();
  });

  it('records an opt-out once per channel and address, and reads it with the customer', async () => {
    const { customers } = table.deps(clock);
    await customers.save('t1', customer('c-opt'), null);
    const first = await customers.addOptOut('t1', 'c-opt', {
      id: 'opt_1',
      channel: 'email',
      address: 'ada@example.com',
      createdAt: 'a',
    });
    const again = await customers.addOptOut('t1', 'c-opt', {
      id: 'opt_2',
      channel: 'email',
      address: 'ada@example.com',
      createdAt: 'b',
    });
    expect(first.created).toBe(true);
    expect(again).toEqual({ created: false, optOut: first.optOut });
    const found = await customers.getWithOptOuts('t1', 'c-opt');
    expect(found?.optOuts).toEqual([first.optOut]);
  });
});

describe('invoice repository', () => {
  const dueIndex = (tenantId: string, dueDate: string, invoiceId: string) =>
    table.client
      .send(
        new QueryCommand({
          TableName: table.tableName,
          IndexName: 'gsi2',
          KeyConditionExpression: 'gsi2pk = :pk AND begins_with(gsi2sk, :date)',
          ExpressionAttributeValues: {
            ':pk': keys.invoiceByDueDate(tenantId, dueDate, invoiceId).gsi2pk,
            ':date': `${dueDate}#`,
          },
        }),
      )
      // The index holds keys only: its sort key is the scan date and the invoice id.
      .then((page) => (page.Items ?? []).map((item) => (item.gsi2sk as string).slice(dueDate.length + 1)));

  it('lists a customer’s invoices by due date through the customer index', async () => {
    const { invoices } = table.deps(clock);
    await invoices.save('t1', invoice('i-late', { customerId: 'c-idx', dueDate: '2026-12-20' }), null);
    await invoices.save('t1', invoice('i-early', { customerId: 'c-idx', dueDate: '2026-12-05' }), null);
    const page = await table.client.send(
      new QueryCommand({
        TableName: table.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.customerPartition('t1', 'c-idx'), ':prefix': 'INVOICE#' },
      }),
    );
    expect(page.Items?.map((item) => item.pk)).toEqual([
      keys.invoice('t1', 'i-early').pk,
      keys.invoice('t1', 'i-late').pk,
    ]);
    expect((await invoices.listByCustomer('t1', 'c-idx')).map((found) => found.id)).toEqual(['i-early', 'i-late']);
  });

  it("reads the run's date ranges in one query a shard, leaving out the invoices dated between them", async () => {
    const { invoices } = table.deps(clock);
    for (const [id, dueDate] of [
      ['i-run-1', '2026-12-01'],
      ['i-run-gap', '2026-12-03'],
      ['i-run-5', '2026-12-05'],
      ['i-run-after', '2026-12-06'],
    ] as const)
      await invoices.save('t-run', invoice(id, { customerId: 'c-run', dueDate }), null);
    const found: string[] = [];
    for (let shard = 0; shard < invoices.shardCount; shard += 1) {
      const page = await invoices.listForRun(
        't-run',
        [
          { from: '2026-12-01', to: '2026-12-02' },
          { from: '2026-12-04', to: '2026-12-05' },
        ],
        shard,
      );
      found.push(...page.invoices.map((listed) => listed.id));
    }
    expect(found.sort()).toEqual(['i-run-1', 'i-run-5']);
  });

  it('keeps only open invoices in the sharded due-date index', async () => {
    const { invoices } = table.deps(clock);
    await invoices.save('t1', invoice('i-due'), null);
    expect(await dueIndex('t1', '2026-12-01', 'i-due')).toContain('i-due');
    await invoices.save('t1', invoice('i-due', { paidTotal: 10_000, version: 2 }), 1);
    expect(await dueIndex('t1', '2026-12-01', 'i-due')).not.toContain('i-due');
    await invoices.save('t1', invoice('i-void', { voided: true }), null);
    expect(await dueIndex('t1', '2026-12-01', 'i-void')).not.toContain('i-void');
  });

  it('applies a payment and the new totals together, and refuses a stale version or a repeated payment id', async () => {
    const { invoices } = table.deps(clock);
    await invoices.save('t1', invoice('i-pay'), null);
    const payment = {
      id: 'pay_1',
      invoiceId: 'i-pay',
      customerId: 'c1',
      amount: 2_500,
      currency: 'EUR',
      paidAt: 'x',
      recordedAt: 'x',
      reference: 'r',
      source: 'api' as const,
      recordedBy: 'api:k1',
      appliedAmount: 2_500,
      unappliedAmount: 0,
    };
    expect(await invoices.applyPayment('t1', invoice('i-pay', { paidTotal: 2_500, version: 2 }), 1, payment)).toBe(
      'applied',
    );
    expect(
      await invoices.applyPayment('t1', invoice('i-pay', { paidTotal: 5_000, version: 2 }), 1, {
        ...payment,
        id: 'pay_2',
      }),
    ).toBe('version_moved');
    expect(await invoices.applyPayment('t1', invoice('i-pay', { paidTotal: 5_000, version: 3 }), 2, payment)).toBe(
      'duplicate',
    );
    const stored = await invoices.get('t1', 'i-pay');
    expect(stored?.invoice.paidTotal).toBe(2_500);
    expect(stored?.payments.map((p) => p.id)).toEqual(['pay_1']);
  });
});
