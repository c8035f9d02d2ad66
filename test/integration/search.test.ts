// Issue 16, search: a collector finds an account by name, e-mail, phone, invoice id or RF reference, within the tenant
// only; the index follows the customer's changes and leaves with its erasure (GDPR).
import { DeleteCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { createHandler as createErase } from '../../functions/api/delete-customer.handler';
import { createHandler as createSearch } from '../../functions/api/search.handler';
import { itemMeta, keys } from '../../shared/adapters/dynamodb/keys';
import { backfillSearchIndex } from '../../shared/adapters/dynamodb/search-backfill.dynamodb';
import { sha256Hex, stableId } from '../../shared/domain/ids';
import { formatReference, invoiceCaseReference } from '../../shared/domain/transfer-reference';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import type { PutCustomerBody } from '../../shared/schemas/customer.schema';
import { putCustomer } from '../../shared/use-cases/customers';
import { putInvoice } from '../../shared/use-cases/invoices';
import { aDelinquency } from '../fixtures/delinquency';
import { apiEvent, asRoute, context } from '../fixtures/api-event';
import { createTestTable, fixedClock, type TestTable } from '../fixtures/test-table';

let table: TestTable;
let deps: ApiDependencies;
const clock = fixedClock('2026-12-07T10:00:00Z');
const COLLECTOR = 'search-collector-key-001';
const MANAGER = 'search-manager-key-00001';
const OTHER_TENANT = 'search-other-tenant-0001';

const customer = (fields: Partial<PutCustomerBody> & { name: string }): PutCustomerBody => ({
  kind: 'consumer',
  timeZone: 'Europe/Oslo',
  ...fields,
});

interface Hit {
  kind: string;
  id: string;
  customerId: string;
  name: string;
  matched: string;
  invoiceId: string | null;
  caseId: string | null;
}

const search = async (q: string | undefined, key = COLLECTOR) => {
  const event = apiEvent({
    method: 'GET',
    routePath: '/v1/search',
    path: '/v1/search',
    headers: { authorization: `Bearer ${key}` },
  });
  if (q !== undefined) {
    event.queryStringParameters = { q };
    event.rawQueryString = new URLSearchParams({ q }).toString();
  }
  const response = await asRoute(createSearch(deps))(event, context());
  return { status: response.statusCode, body: JSON.parse(response.body ?? '{}') };
};
const found = async (q: string, key = COLLECTOR) => {
  const answer = await search(q, key);
  expect(answer.status).toBe(200);
  return (answer.body.items as Hit[]).map((hit) => `${hit.kind}:${hit.id}:${hit.matched}`);
};
/** Every search entry of one customer in the tenant's name, e-mail and phone partitions. */
const termsOf = async (tenantId: string, customerId: string) => {
  const entries: Record<string, unknown>[] = [];
  for (const kind of ['name', 'email', 'phone'] as const) {
    const page = await table.client.send(
      new QueryCommand({
        TableName: table.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.searchPartition(tenantId, kind) },
      }),
    );
    entries.push(...(page.Items ?? []).filter((item) => item.customerId === customerId));
  }
  return entries;
};

beforeAll(async () => {
  table = await createTestTable();
  deps = table.deps(clock);
  await deps.tenants.putApiKey(sha256Hex(COLLECTOR), { tenantId: 't1', role: 'collector', keyId: 'key_col' }, 'now');
  await deps.tenants.putApiKey(sha256Hex(MANAGER), { tenantId: 't1', role: 'manager', keyId: 'key_man' }, 'now');
  await deps.tenants.putApiKey(sha256Hex(OTHER_TENANT), { tenantId: 't2', role: 'collector', keyId: 'key_t2' }, 'now');
  await putCustomer(
    deps,
    't1',
    'cus-kari',
    customer({ name: 'Kari Ødegård-Nilsen', email: 'Kari.Odegard@Example.no', phone: '+4791234567' }),
  );
  await putCustomer(deps, 't1', 'cus-karl', customer({ name: 'Karl Berg', phone: '+4798765432' }));
  await putCustomer(deps, 't1', 'cus-anne', customer({ name: 'Anne Kari Dahl' }));
  // The other tenant has a customer of the same name, e-mail and phone: never found from t1, nor t1's from it.
  await putCustomer(
    deps,
    't2',
    'cus-twin',
    customer({ name: 'Kari Ødegård-Nilsen', email: 'kari.odegard@example.no', phone: '+4791234567' }),
  );
  for (const [tenantId, invoiceId, customerId] of [
    ['t1', 'INV-1001', 'cus-kari'],
    ['t1', 'INV-1002', 'cus-karl'],
    ['t2', 'INV-9001', 'cus-twin'],
  ] as const) {
    await putInvoice(deps, tenantId, invoiceId, {
      customerId,
      amount: 120_000,
      currency: 'NOK',
      issuedAt: '2026-10-01',
      dueDate: '2026-11-01',
    });
  }
});
afterAll(() => table.destroy());

describe('search', () => {
  it('finds customers by the beginning of any word of the name, whatever the case and accents', async () => {
    expect(await found('ødeg')).toEqual(['customer:cus-kari:name']);
    expect(await found('ODEGA')).toEqual(['customer:cus-kari:name']);
    expect(await found('nils')).toEqual(['customer:cus-kari:name']);
    expect(await found('kar')).toEqual(
      expect.arrayContaining(['customer:cus-kari:name', 'customer:cus-karl:name', 'customer:cus-anne:name']),
    );
    // Every typed word must start a word of the name.
    expect(await found('kari d')).toEqual(['customer:cus-anne:name']);
    expect(await found('berg karl')).toEqual(['customer:cus-karl:name']);
    expect(await found('zzz')).toEqual([]);
  });

  it('finds a customer by e-mail in any case, only whole', async () => {
    expect(await found(' KARI.odegard@example.NO ')).toEqual(['customer:cus-kari:email']);
    expect(await found('kari.odegard@example')).toEqual([]);
  });

  it('finds a customer by phone as E.164 or as typed with spaces or 00', async () => {
    expect(await found('+4791234567')).toEqual(['customer:cus-kari:phone']);
    expect(await found('+47 912 34 567')).toEqual(['customer:cus-kari:phone']);
    expect(await found('0047 912-34-567')).toEqual(['customer:cus-kari:phone']);
  });

  it('finds an invoice by its id, with its customer', async () => {
    const answer = await search('INV-1001');
    expect(answer.body.items).toEqual([
      {
        kind: 'invoice',
        id: 'INV-1001',
        customerId: 'cus-kari',
        name: 'Kari Ødegård-Nilsen',
        matched: 'invoice',
        invoiceId: 'INV-1001',
        caseId: null,
      },
    ]);
  });

  it('finds the invoice by its RF reference before the case opens, and the case once it has', async () => {
    const reference = invoiceCaseReference('t1', 'INV-1002');
    expect(await found(formatReference(reference))).toEqual(['invoice:INV-1002:reference']);
    expect(await found(reference.toLowerCase())).toEqual(['invoice:INV-1002:reference']);

    const invoice = (await deps.invoices.get('t1', 'INV-1002'))!.invoice;
    // The case opened as the run opens it: its id derived from the invoice, the invoice marked with it.
    const delinquencyId = stableId('dlq', 't1', 'INV-1002');
    await deps.delinquencies.open(
      't1',
      aDelinquency({
        id: delinquencyId,
        invoiceId: 'INV-1002',
        customerId: 'cus-karl',
        openedAt: clock.now().toISOString(),
      }),
      { id: 'tl-1', at: clock.now().toISOString(), kind: 'delinquency.opened', actor: 'schedule', detail: 'opened' },
    );
    await deps.invoices.save('t1', { ...invoice, delinquencyId, version: invoice.version + 1 }, invoice.version);
    const answer = await search(formatReference(reference));
    expect(answer.body.items).toEqual([
      {
        kind: 'case',
        id: delinquencyId,
        customerId: 'cus-karl',
        name: 'Karl Berg',
        matched: 'reference',
        invoiceId: 'INV-1002',
        caseId: delinquencyId,
      },
    ]);
  });

  it("never finds another tenant's customer, invoice or reference", async () => {
    expect(await found('INV-9001')).toEqual([]);
    expect(await found(formatReference(invoiceCaseReference('t2', 'INV-9001')))).toEqual([]);
    expect(await found('kari.odegard@example.no')).toEqual(['customer:cus-kari:email']);
    expect(await found('+47 912 34 567', OTHER_TENANT)).toEqual(['customer:cus-twin:phone']);
    expect(await found('ødegård', OTHER_TENANT)).toEqual(['customer:cus-twin:name']);
    expect(await found('INV-1001', OTHER_TENANT)).toEqual([]);
  });

  it('follows a customer changed: the old name, e-mail and phone find it no more', async () => {
    await putCustomer(
      deps,
      't1',
      'cus-move',
      customer({ name: 'Per Hansen', email: 'per@old.example', phone: '+4740000001' }),
    );
    expect(await found('hansen')).toEqual(['customer:cus-move:name']);
    await putCustomer(
      deps,
      't1',
      'cus-move',
      customer({ name: 'Per Johansen', email: 'per@new.example', phone: '+4740000002' }),
    );
    expect(await found('hansen')).toEqual([]);
    expect(await found('per@old.example')).toEqual([]);
    expect(await found('+4740000001')).toEqual([]);
    expect(await found('johans')).toEqual(['customer:cus-move:name']);
    expect(await found('per@new.example')).toEqual(['customer:cus-move:email']);
    expect(await found('+47 400 00 002')).toEqual(['customer:cus-move:phone']);
    // The same write again changes nothing in the index; its entries are exactly the current ones.
    await putCustomer(
      deps,
      't1',
      'cus-move',
      customer({ name: 'Per Johansen', email: 'per@new.example', phone: '+4740000002' }),
    );
    expect((await termsOf('t1', 'cus-move')).map((item) => item.kind).sort()).toEqual([
      'email',
      'name',
      'name',
      'phone',
    ]);
  });

  it('erasure removes every search entry of the customer: nobody finds it by what it was called', async () => {
    await putCustomer(
      deps,
      't1',
      'cus-gone',
      customer({ name: 'Siri Forsvinn', email: 'siri@example.no', phone: '+4741111111' }),
    );
    await putInvoice(deps, 't1', 'INV-GONE', {
      customerId: 'cus-gone',
      amount: 10_000,
      currency: 'NOK',
      issuedAt: '2026-10-01',
      dueDate: '2026-11-01',
    });
    expect(await termsOf('t1', 'cus-gone')).toHaveLength(4);
    const erased = await asRoute(createErase(deps))(
      apiEvent({
        method: 'DELETE',
        routePath: '/v1/customers/{customerId}',
        path: '/v1/customers/cus-gone',
        pathParameters: { customerId: 'cus-gone' },
        headers: { authorization: `Bearer ${MANAGER}` },
      }),
      context(),
    );
    expect(erased.statusCode).toBe(200);
    expect(await termsOf('t1', 'cus-gone')).toEqual([]);
    expect(await found('forsvinn')).toEqual([]);
    expect(await found('siri@example.no')).toEqual([]);
    expect(await found('+4741111111')).toEqual([]);
    // The books are kept: the invoice is still found by its id, under the erased name.
    const answer = await search('INV-GONE');
    expect(answer.body.items).toEqual([expect.objectContaining({ kind: 'invoice', name: '(erased)' })]);
  });

  it('indexes what was stored before search existed with the one-off backfill, and again changes nothing', async () => {
    // As written before this release: the customer alone, no terms; an invoice without its reference entry.
    await table.client.send(
      new PutCommand({
        TableName: table.tableName,
        Item: {
          ...keys.customer('t1', 'cus-old'),
          ...itemMeta('Customer'),
          ...customer({ name: 'Olga Førsteutgave', phone: '+4742222222' }),
          id: 'cus-old',
          createdAt: '2025-01-01T00:00:00.000Z',
          updatedAt: '2025-01-01T00:00:00.000Z',
          version: 3,
        },
      }),
    );
    await putInvoice(deps, 't1', 'INV-OLD', {
      customerId: 'cus-old',
      amount: 10_000,
      currency: 'NOK',
      issuedAt: '2025-01-01',
      dueDate: '2025-02-01',
    });
    const reference = invoiceCaseReference('t1', 'INV-OLD');
    await table.client.send(
      new DeleteCommand({ TableName: table.tableName, Key: keys.searchReference('t1', reference, 'INV-OLD') }),
    );
    expect(await found('olga')).toEqual([]);
    expect(await found(reference)).toEqual([]);

    const counts = await backfillSearchIndex(table.client, table.tableName);
    expect(counts.customers).toBeGreaterThanOrEqual(1);
    expect(await found('forsteutg')).toEqual(['customer:cus-old:name']);
    expect(await found('+47 422 22 222')).toEqual(['customer:cus-old:phone']);
    expect(await found(reference)).toEqual(['invoice:INV-OLD:reference']);
    // The erased customer stays out of the index; a second run writes the same entries.
    expect(await termsOf('t1', 'cus-gone')).toEqual([]);
    const before = await termsOf('t1', 'cus-old');
    await backfillSearchIndex(table.client, table.tableName);
    expect(await termsOf('t1', 'cus-old')).toEqual(before);
  });

  it('refuses an empty or overlong query naming query.q', async () => {
    for (const q of [undefined, '', '   ', 'x'.repeat(201)]) {
      const answer = await search(q);
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual([expect.objectContaining({ path: 'query.q' })]);
    }
  });

  it('refuses a partner key: search is for the people who work the accounts', async () => {
    const PARTNER = 'search-partner-key-00001';
    await deps.tenants.putApiKey(sha256Hex(PARTNER), { tenantId: 't1', role: 'partner', keyId: 'key_par' }, 'now');
    expect((await search('kari', PARTNER)).status).toBe(403);
  });
});
