// Key rotation through the API against DynamoDB Local: a manager issues a second key, revokes the first, nobody is locked out.
import { createHandler as createPost } from '../../functions/api/post-api-key.handler';
import { createHandler as createList } from '../../functions/api/list-api-keys.handler';
import { createHandler as createDelete } from '../../functions/api/delete-api-key.handler';
import { createHandler as createGetCustomer } from '../../functions/api/get-customer.handler';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { sha256Hex } from '../../shared/domain/ids';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { putCustomer } from '../../shared/use-cases/customers';
import { apiEvent, asRoute, context } from '../fixtures/api-event';
import { createTestTable, fixedClock, type TestTable } from '../fixtures/test-table';

let table: TestTable;
let deps: ApiDependencies;
const clock = fixedClock('2026-12-10T10:00:00Z');
const OLD_MANAGER = 'rotation-manager-old-01';
const COLLECTOR = 'rotation-collector-0001';

beforeAll(async () => {
  table = await createTestTable();
  deps = table.deps(clock);
  await deps.tenants.putApiKey(sha256Hex(OLD_MANAGER), { tenantId: 't1', role: 'manager', keyId: 'key_old' }, 'now');
  await deps.tenants.putApiKey(
    sha256Hex(COLLECTOR),
    { tenantId: 't1', role: 'collector', keyId: 'key_collector' },
    'now',
  );
  await deps.tenants.putApiKey(
    sha256Hex('other-tenant-manager-1'),
    { tenantId: 't2', role: 'manager', keyId: 'key_t2' },
    'now',
  );
  await putCustomer(deps, 't1', 'c1', { name: 'Ada', kind: 'consumer', timeZone: 'UTC' });
});
afterAll(() => table.destroy());

const call = async (
  handler: ReturnType<typeof createPost>,
  key: string,
  options: {
    method: string;
    routePath: string;
    path: string;
    pathParameters?: Record<string, string>;
    body?: unknown;
    headers?: Record<string, string>;
  },
) => {
  const response = await asRoute(handler)(
    apiEvent({ ...options, headers: { authorization: `Bearer ${key}`, ...options.headers } }),
    context(),
  );
  return { status: response.statusCode, body: JSON.parse(response.body ?? '{}'), headers: response.headers ?? {} };
};
const issue = (key: string, body: unknown) =>
  call(createPost(deps), key, {
    method: 'POST',
    routePath: '/v1/api-keys',
    path: '/v1/api-keys',
    body,
    headers: { 'idempotency-key': `issue-${JSON.stringify(body)}` },
  });
const list = (key: string) =>
  call(createList(deps), key, { method: 'GET', routePath: '/v1/api-keys', path: '/v1/api-keys' });
const revoke = (key: string, keyId: string) =>
  call(createDelete(deps), key, {
    method: 'DELETE',
    routePath: '/v1/api-keys/{keyId}',
    path: `/v1/api-keys/${keyId}`,
    pathParameters: { keyId },
  });
const readCustomer = (key: string) =>
  call(createGetCustomer(deps), key, {
    method: 'GET',
    routePath: '/v1/customers/{customerId}',
    path: '/v1/customers/c1',
    pathParameters: { customerId: 'c1' },
  });

describe('API key rotation', () => {
  it('issues a second key once, lets both work, then the old one is revoked by the new one and stops at once', async () => {
    const issued = await issue(OLD_MANAGER, { role: 'manager', name: 'ERP sync 2027' });
    expect(issued).toMatchObject({
      status: 201,
      body: { role: 'manager', name: 'ERP sync 2027', createdBy: 'api:key_old', revokedAt: null },
      headers: { 'cache-control': 'no-store' },
    });
    const fresh = issued.body.apiKey as string;
    expect(fresh).toMatch(/^ark_[A-Za-z0-9_-]{32}$/);
    // Stored nowhere, not even in an idempotency record: only its hash.
    expect(
      JSON.stringify((await table.client.send(new ScanCommand({ TableName: table.tableName }))).Items),
    ).not.toContain(fresh);
    // Both keys work during the switch-over.
    expect((await readCustomer(OLD_MANAGER)).status).toBe(200);
    expect((await readCustomer(fresh)).status).toBe(200);

    const revoked = await revoke(fresh, 'key_old');
    expect(revoked).toMatchObject({
      status: 200,
      body: { keyId: 'key_old', revokedAt: '2026-12-10T10:00:00.000Z', revokedBy: `api:${issued.body.keyId}` },
    });
    expect((await readCustomer(OLD_MANAGER)).body).toMatchObject({ status: 401 });
    expect((await readCustomer(fresh)).status).toBe(200);

    const listed = await list(fresh);
    expect(listed.status).toBe(200);
    expect(
      listed.body.items.map((key: { keyId: string; revokedAt: string | null }) => [key.keyId, key.revokedAt !== null]),
    ).toEqual(
      expect.arrayContaining([
        ['key_old', true],
        [issued.body.keyId, false],
        ['key_collector', false],
      ]),
    );
    // Only hashes are stored: the key itself appears in no listing.
    expect(JSON.stringify(listed.body)).not.toContain(fresh);
    expect(JSON.stringify(listed.body)).not.toContain('keyHash');
  });

  it("refuses a key revoking itself, a collector's key, and another tenant's key id", async () => {
    const issued = await issue(await spareManager(), { role: 'manager' });
    const manager = issued.body.apiKey as string;
    expect((await revoke(manager, issued.body.keyId)).body).toMatchObject({
      status: 409,
      type: 'urn:arrears:problem:own-key',
    });
    expect((await issue(COLLECTOR, { role: 'manager' })).body).toMatchObject({ status: 403 });
    expect((await revoke(COLLECTOR, 'key_old')).body).toMatchObject({ status: 403 });
    expect((await revoke(manager, 'key_t2')).body).toMatchObject({ status: 404 });
    expect((await readCustomer('other-tenant-manager-1')).status).toBe(404);
    expect((await issue(manager, { role: 'admin' })).body).toMatchObject({ status: 400, errors: [{ path: 'role' }] });
  });
});

/** A manager key of t1 that is not revoked (the first test revoked the original). */
const spareManager = async () => {
  await deps.tenants.putApiKey(
    sha256Hex('rotation-manager-spare-1'),
    { tenantId: 't1', role: 'manager', keyId: 'key_spare' },
    'now',
  );
  return 'rotation-manager-spare-1';
};
