// Item 4 of issue 13: every route that takes a key, called with a key of every role, either passes the role check or is
// refused 403 forbidden-role having written nothing; the role is checked before an idempotent replay is answered.
import * as path from 'node:path';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { apiRoutes, type ApiRoute } from '../../functions/api/routes';
import { sha256Hex } from '../../shared/domain/ids';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import type { ApiResponse } from '../../shared/middleware/api-context';
import { ApiKeyRoleSchema, type ApiKeyRole } from '../../shared/schemas/tenant.schema';
import { putCustomer } from '../../shared/use-cases/customers';
import { putInvoice } from '../../shared/use-cases/invoices';
import { apiEvent, asRoute, context } from '../fixtures/api-event';
import { startTestUserPool, type TestUserPool } from '../fixtures/test-user-pool';
import { createTestTable, fixedClock, type TestTable } from '../fixtures/test-table';

type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<ApiResponse>;

let table: TestTable;
let userPool: TestUserPool;
let deps: ApiDependencies;
const clock = fixedClock('2026-12-10T10:00:00Z');
const KEY: Record<ApiKeyRole, string> = {
  partner: 'matrix-partner-key-01',
  collector: 'matrix-collector-key-1',
  manager: 'matrix-manager-key-001',
};

/** Bodies a caller of the wrong role would most like to get through: valid, so only the role check stops them. */
const BODIES: Record<string, unknown> = {
  PutStrategy: {
    name: 'Ruin',
    steps: [
      { id: 'fee', offsetDays: 1, channel: 'email', fee: { percent: 100 } },
      { id: 'end', offsetDays: 2, channel: 'write_off' },
    ],
  },
  PutCustomer: { name: 'Eve', kind: 'consumer', timeZone: 'UTC' },
  PutInvoice: { customerId: 'c1', amount: 1_000, currency: 'EUR', issuedAt: '2026-11-01', dueDate: '2026-12-01' },
  PostPayment: { amount: 1_000, currency: 'EUR', reference: 'matrix' },
  PostCasePayment: { amount: 1_000, currency: 'EUR', reference: 'matrix' },
  PostApiKey: { role: 'manager' },
  PutCollector: { name: 'Mallory', capacity: 10, active: true },
  PostOptOut: { channel: 'email', address: 'ada@example.com' },
  PutUnbilled: { amount: 1_000, currency: 'EUR' },
  PatchTenant: { name: 'Mallory Collections', bank: { accountHolder: 'Mallory', iban: 'GB82WEST12345698765432' } },
};
const PARAMS: Record<string, string> = {
  customerId: 'c1',
  invoiceId: 'inv-1',
  strategyId: 'default',
  delinquencyId: 'dlq-1',
  disputeId: 'dsp-1',
  keyId: 'key_nobody',
  collectorId: 'col-1',
};

const keyed = (apiRoutes as readonly ApiRoute[]).filter((route) => !route.public);

const tableContents = async () => {
  const items: unknown[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await table.client.send(
      new ScanCommand({ TableName: table.tableName, ConsistentRead: true, ExclusiveStartKey: start }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items.map((item) => JSON.stringify(item)).sort();
};

const call = async (route: ApiRoute, role: ApiKeyRole, idempotencyKey = `${route.id}-${role}`) => {
  const { createHandler } = (await import(path.join('../../functions/api', route.handler))) as {
    createHandler: (deps: ApiDependencies) => Handler;
  };
  const pathParameters: Record<string, string> = {};
  const concrete = route.path.replace(
    /\{(\w+)\}/g,
    (_, name: string) => (pathParameters[name] = PARAMS[name] ?? `x-${name}`),
  );
  const event = apiEvent({
    method: route.method,
    routePath: route.path,
    path: concrete,
    pathParameters,
    headers: { authorization: `Bearer ${KEY[role]}`, 'idempotency-key': idempotencyKey },
    ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { body: BODIES[route.id] ?? {} }),
  });
  const response = await asRoute(createHandler(deps))(event, context());
  return {
    status: response.statusCode,
    body: JSON.parse(response.body ?? '{}') as Record<string, unknown>,
    headers: response.headers,
  };
};

beforeAll(async () => {
  table = await createTestTable();
  // Erasure hashes opt-out addresses with the tenant's erasure key (its provider secret): the tenant has one.
  userPool = await startTestUserPool(table, clock);
  deps = {
    ...table.deps(clock),
    ...userPool.deps,
    webhookSecrets: table.iam.guardSecrets({
      secretFor: async (_tenantId, name) => (name === 'erasureKey' ? 'role-matrix-erasure-key-0123456789abcdef' : null),
    }),
  };
  for (const role of ApiKeyRoleSchema.options)
    await deps.tenants.putApiKey(sha256Hex(KEY[role]), { tenantId: 't1', role, keyId: `key-${role}` }, 'now', {
      issuedTo: `${role}-person`,
    });
  await deps.tenants.putTenant({
    id: 't1',
    name: 'Acme',
    sendTime: '09:00',
    promiseGraceDays: 2,
    timeZone: 'UTC',
    disputeApprovalAbove: 100_000,
    statementMode: 'customer',
    creditHoldDaysPastDue: 30,
    createdAt: 'now',
  });
  await putCustomer(deps, 't1', 'c1', { name: 'Ada', kind: 'consumer', timeZone: 'UTC', email: 'ada@example.com' });
  await putInvoice(deps, 't1', 'inv-1', {
    customerId: 'c1',
    amount: 50_000,
    currency: 'EUR',
    issuedAt: '2026-11-01',
    dueDate: '2026-12-01',
  });
});
afterAll(async () => {
  await userPool.stop();
  table.destroy();
});

describe('item 4: the role matrix', () => {
  it('names the roles of every route that takes a key, and none of a public one', () => {
    for (const route of apiRoutes as readonly ApiRoute[]) {
      if (route.public) expect([route.id, route.roles]).toEqual([route.id, undefined]);
      else expect([route.id, route.roles?.length]).toEqual([route.id, expect.any(Number)]);
    }
  });

  const cases = keyed.flatMap((route) => ApiKeyRoleSchema.options.map((role) => [route.id, role, route] as const));
  it.each(cases)(
    'item 4: %s with a %s key passes the role check or is refused 403 forbidden-role, writing nothing',
    async (_id, role, route) => {
      const allowed = route.roles!.includes(role);
      const before = allowed ? [] : await tableContents();
      const answer = await call(route, role);
      if (allowed) {
        expect([answer.status, answer.body.type]).not.toEqual([403, 'urn:arrears:problem:forbidden-role']);
        expect(answer.status).toBeLessThan(500);
      } else {
        expect(answer).toMatchObject({
          status: 403,
          body: { type: 'urn:arrears:problem:forbidden-role', status: 403 },
          headers: { 'content-type': 'application/problem+json' },
        });
        expect(await tableContents()).toEqual(before);
      }
    },
  );

  it("item 4: a collector replaying a manager's strategy write with its Idempotency-Key gets 403, not the manager's answer", async () => {
    const putStrategy = keyed.find((route) => route.id === 'PutStrategy')!;
    const first = await call(putStrategy, 'manager', 'replayed-write');
    expect(first.status).toBeLessThan(300);
    const replayed = await call(putStrategy, 'collector', 'replayed-write');
    expect(replayed).toMatchObject({ status: 403, body: { type: 'urn:arrears:problem:forbidden-role' } });
    expect(replayed.headers['idempotent-replayed']).toBeUndefined();
  });
});
