// Issue 13 item 6: the answers kept for Idempotency-Key replays are the customer's data too: exported while they live,
// erased with the customer, so a replay after erasure cannot bring the name, email or phone back.
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createHandler as createErase } from '../../functions/api/delete-customer.handler';
import { createHandler as createExport } from '../../functions/api/get-customer-export.handler';
import { createHandler as createPostOptOut } from '../../functions/api/post-opt-out.handler';
import { createHandler as createPutCustomer } from '../../functions/api/put-customer.handler';
import { createHandler as createPutInvoice } from '../../functions/api/put-invoice.handler';
import { sha256Hex } from '../../shared/domain/ids';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { apiEvent, asRoute, context } from '../fixtures/api-event';
import { createTestTable, fixedClock, type TestTable } from '../fixtures/test-table';

let table: TestTable;
let deps: ApiDependencies;
const clock = fixedClock('2026-12-10T10:00:00Z');
const MANAGER = 'replay-manager-key-0001';
const PERSON = {
  name: 'Grace Hopper',
  email: 'grace.hopper@example.com',
  phone: '+4798765432',
  kind: 'consumer',
  timeZone: 'Europe/Oslo',
};

beforeAll(async () => {
  table = await createTestTable();
  deps = {
    ...table.deps(clock),
    webhookSecrets: table.iam.guardSecrets({
      secretFor: async (_tenantId, name) => (name === 'erasureKey' ? 'replay-tenant-erasure-key-000001' : null),
    }),
  };
  await deps.tenants.putApiKey(sha256Hex(MANAGER), { tenantId: 't1', role: 'manager', keyId: 'key_manager' }, 'now');
});
afterAll(() => table.destroy());

type Handler = ReturnType<typeof createErase>;
const call = async (
  handler: Handler,
  method: string,
  routePath: string,
  params: Record<string, string>,
  options: { body?: unknown; idempotencyKey?: string } = {},
) => {
  const path = Object.entries(params).reduce((text, [name, value]) => text.replace(`{${name}}`, value), routePath);
  const headers: Record<string, string> = { authorization: `Bearer ${MANAGER}` };
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  const response = await asRoute(handler)(
    apiEvent({ method, routePath, path, pathParameters: params, headers, body: options.body }),
    context(),
  );
  return {
    status: response.statusCode,
    replayed: response.headers?.['idempotent-replayed'] === 'true',
    body: JSON.parse(response.body ?? '{}'),
  };
};
const putCustomer = () =>
  call(
    createPutCustomer(deps),
    'PUT',
    '/v1/customers/{customerId}',
    { customerId: 'c1' },
    { body: PERSON, idempotencyKey: 'sync-c1' },
  );
const putInvoice = () =>
  call(
    createPutInvoice(deps),
    'PUT',
    '/v1/invoices/{invoiceId}',
    { invoiceId: 'inv1' },
    {
      body: {
        customerId: 'c1',
        amount: 10_000,
        currency: 'EUR',
        issuedAt: '2026-11-01',
        dueDate: '2026-12-01',
        description: 'Consulting for Grace Hopper',
      },
      idempotencyKey: 'sync-inv1',
    },
  );
const optOut = () =>
  call(
    createPostOptOut(deps),
    'POST',
    '/v1/customers/{customerId}/opt-outs',
    { customerId: 'c1' },
    { body: { channel: 'email' }, idempotencyKey: 'optout-c1' },
  );
const exportOf = () => call(createExport(deps), 'GET', '/v1/customers/{customerId}/export', { customerId: 'c1' });

describe('item 6: replays after erasure', () => {
  it('item 6: the answers kept for replays are in the export while they live', async () => {
    expect((await putCustomer()).status).toBe(201);
    expect((await putInvoice()).status).toBe(201);
    expect((await optOut()).status).toBe(201);
    // A replay within the retention answers the first response.
    expect(await putCustomer()).toMatchObject({ status: 201, replayed: true, body: { name: PERSON.name } });
    const exported = await exportOf();
    expect(exported.status).toBe(200);
    expect(exported.body.requests).toHaveLength(3);
    expect(JSON.stringify(exported.body.requests)).toContain(PERSON.email);
  });

  it("item 6: after erasure, replaying the customer's PUT with its Idempotency-Key answers 409 customer-erased, not the name, email and phone", async () => {
    expect((await call(createErase(deps), 'DELETE', '/v1/customers/{customerId}', { customerId: 'c1' })).status).toBe(
      200,
    );
    const replay = await putCustomer();
    expect(replay).toMatchObject({
      status: 409,
      replayed: false,
      body: { type: 'urn:arrears:problem:customer-erased' },
    });
    expect(JSON.stringify(replay.body)).not.toContain(PERSON.name);
    // The opt-out's kept answer (it named the address) is gone too: the request runs again, and there is no address left.
    const again = await optOut();
    expect(again.replayed).toBe(false);
    for (const value of [PERSON.name, PERSON.email, PERSON.phone])
      expect(JSON.stringify(again.body)).not.toContain(value);
    const stored = JSON.stringify((await table.client.send(new ScanCommand({ TableName: table.tableName }))).Items);
    for (const value of [PERSON.name, PERSON.email, PERSON.phone]) expect(stored).not.toContain(value);
    expect(JSON.stringify((await exportOf()).body.requests)).not.toContain(PERSON.email);
    // A write about the customer's invoice is no longer answered from what was kept: it runs as a new request.
    expect((await putInvoice()).replayed).toBe(false);
  });
});
