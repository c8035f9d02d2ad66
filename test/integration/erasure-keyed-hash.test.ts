// Issue 13 item 5: an erased opt-out keeps its address only as a hash keyed with the tenant's secret, which is read from
// the provider secret (never stored in the table): no brute force of phone numbers without it, and the same address
// still matches with it.
import { createHash, createHmac } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createHandler as createErase } from '../../functions/api/delete-customer.handler';
import { createHandler as createGetCustomer } from '../../functions/api/get-customer.handler';
import { sha256Hex } from '../../shared/domain/ids';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import type { OptOut } from '../../shared/schemas/customer.schema';
import { addOptOut, putCustomer } from '../../shared/use-cases/customers';
import { isOptedOut } from '../../shared/use-cases/send-reminder';
import { apiEvent, asRoute, context } from '../fixtures/api-event';
import { createTestTable, fixedClock, type TestTable } from '../fixtures/test-table';

let table: TestTable;
let deps: ApiDependencies;
const clock = fixedClock('2026-12-10T10:00:00Z');
const MANAGER = 'keyed-manager-key-0001';
const ERASURE_KEY = 'tenant-t1-erasure-key-0001';
const PHONE = '+4791234567';
const EMAIL = 'kari.nordmann@example.com';

beforeAll(async () => {
  table = await createTestTable();
  // The tenant's provider secret, as the erasure route's role may read it from Secrets Manager.
  const secrets = table.iam.guardSecrets({
    secretFor: async (tenantId, name) => (tenantId === 't1' && name === 'erasureKey' ? ERASURE_KEY : null),
  });
  deps = { ...table.deps(clock), webhookSecrets: secrets };
  await deps.tenants.putApiKey(sha256Hex(MANAGER), { tenantId: 't1', role: 'manager', keyId: 'key_manager' }, 'now');
  await deps.tenants.putApiKey(
    sha256Hex('keyed-manager-key-t2'),
    { tenantId: 't2', role: 'manager', keyId: 'key_t2' },
    'now',
  );
  for (const tenantId of ['t1', 't2']) {
    await putCustomer(deps, tenantId, 'c1', {
      name: 'Kari Nordmann',
      email: EMAIL,
      phone: PHONE,
      kind: 'consumer',
      timeZone: 'Europe/Oslo',
    });
    await addOptOut(deps, tenantId, 'c1', { channel: 'sms' });
    await addOptOut(deps, tenantId, 'c1', { channel: 'email' });
  }
});
afterAll(() => table.destroy());

type Handler = ReturnType<typeof createErase>;
const call = async (handler: Handler, method: string, key = MANAGER) => {
  const response = await asRoute(handler)(
    apiEvent({
      method,
      routePath: '/v1/customers/{customerId}',
      path: '/v1/customers/c1',
      pathParameters: { customerId: 'c1' },
      headers: { authorization: `Bearer ${key}` },
    }),
    context(),
  );
  return { status: response.statusCode, body: JSON.parse(response.body ?? '{}') };
};

describe('item 5: keyed hash of erased opt-out addresses', () => {
  it('item 5: an erased opt-out is kept as an HMAC under the tenant key, not a plain SHA-256 anyone can brute-force, and still matches the same address', async () => {
    expect((await call(createErase(deps), 'DELETE')).status).toBe(200);
    const optOuts = (await call(createGetCustomer(deps), 'GET')).body.optOuts as OptOut[];
    const sms = optOuts.find((optOut) => optOut.channel === 'sms')!.address;
    const email = optOuts.find((optOut) => optOut.channel === 'email')!.address;

    // A brute force of the number space without the key finds nothing.
    const plain = createHash('sha256').update(PHONE).digest('hex');
    expect(sms).not.toContain(plain);
    expect(sms).toBe(`erased:hmac-sha256:${createHmac('sha256', ERASURE_KEY).update(PHONE).digest('hex')}`);
    expect(email).toBe(`erased:hmac-sha256:${createHmac('sha256', ERASURE_KEY).update(EMAIL).digest('hex')}`);
    // The key is never stored next to the hashes.
    const stored = JSON.stringify((await table.client.send(new ScanCommand({ TableName: table.tableName }))).Items);
    expect(stored).not.toContain(ERASURE_KEY);
    expect(stored).not.toContain(plain);
    // With the key, the same address (any case or spacing) is still opted out; another one is not.
    expect(isOptedOut(optOuts, 'sms', PHONE, ERASURE_KEY)).toBe(true);
    expect(isOptedOut(optOuts, 'email', ' Kari.Nordmann@Example.com ', ERASURE_KEY)).toBe(true);
    expect(isOptedOut(optOuts, 'sms', '+4799999999', ERASURE_KEY)).toBe(false);
    // Where the key cannot be read, an erased opt-out refuses its channel rather than risk a message.
    expect(isOptedOut(optOuts, 'sms', '+4799999999')).toBe(true);
  });

  it('item 5: a tenant without an erasure key is refused with 503 and nothing is erased half-way', async () => {
    const answer = await call(createErase(deps), 'DELETE', 'keyed-manager-key-t2');
    expect(answer.status).toBe(503);
    const customer = await deps.customers.getWithOptOuts('t2', 'c1');
    expect(customer?.customer).toMatchObject({ name: 'Kari Nordmann', email: EMAIL });
    expect(customer?.optOuts.map((optOut) => optOut.address).sort()).toEqual([EMAIL, PHONE].sort());
  });
});
