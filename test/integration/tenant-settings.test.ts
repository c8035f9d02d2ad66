// GET/PATCH /v1/tenant and its history against DynamoDB Local: merge semantics, refusals by field that write nothing,
// managers only, If-Match, and one history entry per change with each field before and after.
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createHandler as createGet } from '../../functions/api/get-tenant.handler';
import { createHandler as createPatch } from '../../functions/api/patch-tenant.handler';
import { createHandler as createHistory } from '../../functions/api/get-tenant-history.handler';
import { sha256Hex } from '../../shared/domain/ids';
import { DEFAULT_SCORE_MODEL } from '../../shared/domain/score';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import type { ApiKeyRole } from '../../shared/schemas/tenant.schema';
import { apiEvent, asRoute, context } from '../fixtures/api-event';
import { createTestTable, fixedClock, type TestTable } from '../fixtures/test-table';

let table: TestTable;
let deps: ApiDependencies;
const clock = fixedClock('2026-12-10T10:00:00Z');
const KEY: Record<ApiKeyRole, string> = {
  partner: 'settings-partner-key-01',
  collector: 'settings-collector-key1',
  manager: 'settings-manager-key-01',
};

beforeAll(async () => {
  table = await createTestTable();
  deps = table.deps(clock);
  for (const role of ['partner', 'collector', 'manager'] as const)
    await deps.tenants.putApiKey(sha256Hex(KEY[role]), { tenantId: 't1', role, keyId: `key-${role}` }, 'now', {
      issuedTo: `${role}-person`,
    });
  // A tenant as stored before settings were versioned.
  await deps.tenants.putTenant({
    id: 't1',
    name: 'Acme',
    sendTime: '09:00',
    promiseGraceDays: 2,
    timeZone: 'UTC',
    disputeApprovalAbove: 100_000,
    statementMode: 'customer',
    creditHoldDaysPastDue: 30,
    scoreModel: { ...DEFAULT_SCORE_MODEL, id: 'fitted-1' },
    createdAt: '2026-11-01T00:00:00.000Z',
  });
});
afterAll(() => table.destroy());

const send = async (
  handler: ReturnType<typeof createGet>,
  method: string,
  routePath: string,
  role: ApiKeyRole,
  options: { body?: unknown; headers?: Record<string, string>; query?: Record<string, string> } = {},
) => {
  const event = apiEvent({
    method,
    routePath,
    path: routePath,
    headers: { authorization: `Bearer ${KEY[role]}`, ...options.headers },
    ...(options.body === undefined ? {} : { body: options.body }),
  });
  if (options.query) event.queryStringParameters = options.query;
  const response = await asRoute(handler)(event, context());
  return { status: response.statusCode, headers: response.headers ?? {}, body: JSON.parse(response.body ?? '{}') };
};
const read = (role: ApiKeyRole = 'manager') => send(createGet(deps), 'GET', '/v1/tenant', role);
const patch = (body: unknown, options: { role?: ApiKeyRole; ifMatch?: string } = {}) =>
  send(createPatch(deps), 'PATCH', '/v1/tenant', options.role ?? 'manager', {
    body,
    ...(options.ifMatch ? { headers: { 'if-match': options.ifMatch } } : {}),
  });
const history = (query: Record<string, string> = {}) =>
  send(createHistory(deps), 'GET', '/v1/tenant/history', 'manager', { query });

const tableContents = async () => {
  const page = await table.client.send(new ScanCommand({ TableName: table.tableName, ConsistentRead: true }));
  return (page.Items ?? [])
    .filter((item) => item.type !== 'IdempotencyRecord')
    .map((item) => JSON.stringify(item))
    .sort();
};

describe('tenant settings', () => {
  it('answers the settings to every role, version 1 for a tenant stored before versions, and no scorecard', async () => {
    for (const role of ['partner', 'collector', 'manager'] as const) {
      const answer = await read(role);
      expect(answer).toMatchObject({
        status: 200,
        headers: { etag: '"1"' },
        body: { id: 't1', name: 'Acme', version: 1 },
      });
      expect(answer.body.scoreModel).toBeUndefined();
    }
  });

  it('refuses a collector and a partner with 403 forbidden-role, writing nothing', async () => {
    const before = await tableContents();
    for (const role of ['collector', 'partner'] as const) {
      expect(await patch({ name: 'Mallory' }, { role })).toMatchObject({
        status: 403,
        body: { type: 'urn:arrears:problem:forbidden-role' },
      });
    }
    expect((await send(createHistory(deps), 'GET', '/v1/tenant/history', 'collector')).status).toBe(403);
    expect(await tableContents()).toEqual(before);
  });

  it('applies a merge patch: fields set, objects created, the IBAN stored without spaces; answers the result', async () => {
    const answer = await patch({
      legalName: 'Acme Energi AS',
      address: { lines: ['Storgata 1', 'Postboks 7'], postalCode: '0155', city: 'Oslo', country: 'NO' },
      supportEmail: 'help@acme.example',
      bank: { accountHolder: 'Acme Energi AS', iban: 'no93 8601 1117 947', bic: 'DNBANOKK' },
      quietHours: { start: '09:00', end: '20:00' },
      locale: 'nb',
      selfServicePlans: { maxInstallments: 6, maxDays: 180, minInstallment: 1000 },
    });
    expect(answer).toMatchObject({
      status: 200,
      headers: { etag: '"2"' },
      body: {
        version: 2,
        updatedBy: 'manager-person',
        updatedAt: '2026-12-10T10:00:00.000Z',
        bank: { accountHolder: 'Acme Energi AS', iban: 'NO9386011117947', bic: 'DNBANOKK' },
        locale: 'nb',
      },
    });
    expect((await read('partner')).body).toEqual(answer.body);
    // The scorecard, not a setting, is kept through the change.
    expect((await deps.tenants.getTenant('t1'))?.scoreModel?.id).toBe('fitted-1');
  });

  it('merges objects field by field, removes on null and replaces arrays whole', async () => {
    const answer = await patch({
      address: { lines: ['Kongens gate 3'] },
      quietHours: { end: '19:00' },
      supportEmail: null,
    });
    expect(answer.status).toBe(200);
    expect(answer.body.address).toEqual({ lines: ['Kongens gate 3'], postalCode: '0155', city: 'Oslo', country: 'NO' });
    expect(answer.body.quietHours).toEqual({ start: '09:00', end: '19:00' });
    expect(answer.body).not.toHaveProperty('supportEmail');
    expect(answer.body.version).toBe(3);
  });

  it('refuses invalid settings with 400 naming each field (bank.iban, quietHours.end), writing nothing', async () => {
    const before = await tableContents();
    const answer = await patch({ bank: { iban: 'NO9386011117948' }, quietHours: { end: '22:00' }, name: null });
    expect(answer).toMatchObject({ status: 400, headers: { 'content-type': 'application/problem+json' } });
    expect(answer.body.errors.map((error: { path: string }) => error.path).sort()).toEqual([
      'bank.iban',
      'name',
      'quietHours.end',
    ]);
    expect(
      (await patch({ version: 9, scoreModel: null })).body.errors.map((error: { path: string }) => error.path).sort(),
    ).toEqual(['scoreModel', 'version']);
    expect(await tableContents()).toEqual(before);
    expect((await read()).body.version).toBe(3);
  });

  it('answers 412 to a stale If-Match and changes nothing; the current one applies', async () => {
    const before = await tableContents();
    expect(await patch({ legalName: 'Stale AS' }, { ifMatch: '"2"' })).toMatchObject({
      status: 412,
      body: { type: 'urn:arrears:problem:precondition-failed', version: 3 },
    });
    expect(await tableContents()).toEqual(before);
    expect(await patch({ legalName: 'Fresh AS' }, { ifMatch: '"3"' })).toMatchObject({
      status: 200,
      body: { legalName: 'Fresh AS', version: 4 },
    });
    expect((await patch({ legalName: 'Bad' }, { ifMatch: 'soon' })).body.errors).toEqual([
      expect.objectContaining({ path: 'header.If-Match' }),
    ]);
  });

  it('writes nothing for a patch that changes nothing', async () => {
    const before = await tableContents();
    expect(await patch({ legalName: 'Fresh AS' })).toMatchObject({ status: 200, body: { version: 4 } });
    expect(await tableContents()).toEqual(before);
  });

  it('keeps a history, newest first, page by page: who, when, which fields from what to what', async () => {
    const first = await history({ limit: '2' });
    expect(first.status).toBe(200);
    expect(first.body.items.map((item: { version: number }) => item.version)).toEqual([4, 3]);
    expect(first.body.items[0]).toEqual({
      version: 4,
      at: '2026-12-10T10:00:00.000Z',
      by: 'manager-person',
      changes: [{ path: 'legalName', before: 'Acme Energi AS', after: 'Fresh AS' }],
    });
    expect(first.body.items[1].changes).toEqual([
      { path: 'address.lines', before: ['Storgata 1', 'Postboks 7'], after: ['Kongens gate 3'] },
      { path: 'quietHours.end', before: '20:00', after: '19:00' },
      { path: 'supportEmail', before: 'help@acme.example', after: null },
    ]);
    const second = await history({ limit: '2', cursor: first.body.nextCursor });
    expect(second.body.items.map((item: { version: number }) => item.version)).toEqual([2]);
    expect(second.body.items[0].changes).toContainEqual({ path: 'bank.iban', before: null, after: 'NO9386011117947' });
    expect(second.body.nextCursor).toBeNull();
    // A cursor into another tenant's history is refused, never followed.
    const foreign = Buffer.from(JSON.stringify({ pk: 'TENANT#t2#SETTINGS', sk: 'CHANGE#0000000009' })).toString(
      'base64url',
    );
    expect(await history({ cursor: foreign })).toMatchObject({
      status: 400,
      body: { type: 'urn:arrears:problem:invalid-cursor' },
    });
  });

  it('applies two concurrent patches without If-Match one on top of the other', async () => {
    const [a, b] = await Promise.all([patch({ supportPhone: '+4721000000' }), patch({ replyTo: 'post@acme.example' })]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect((await read()).body).toMatchObject({
      supportPhone: '+4721000000',
      replyTo: 'post@acme.example',
      version: 6,
    });
  });

  it('keeps a settings change made while a scorecard is being installed (the scorecard writes only itself)', async () => {
    const { putScoreModel } = await import('../../shared/use-cases/score-model');
    // A PATCH lands right after anything the scorecard's install reads of the tenant (a whole-item write would undo it).
    let patched = false;
    const racing = Object.create(deps.tenants) as typeof deps.tenants;
    racing.getTenant = async (...args) => {
      const read = await deps.tenants.getTenant(...args);
      expect((await patch({ supportPhone: '+4722000000' })).status).toBe(200);
      patched = true;
      return read;
    };
    const manager = {
      tenantId: 't1',
      role: 'manager' as const,
      keyId: 'key-manager',
      person: 'manager-person',
      actor: 'api:key-manager',
    };
    await putScoreModel({ tenants: racing }, manager, { ...DEFAULT_SCORE_MODEL, id: 'fitted-2' });
    if (!patched) expect((await patch({ supportPhone: '+4722000000' })).status).toBe(200);
    expect((await read()).body).toMatchObject({ supportPhone: '+4722000000' });
    expect((await deps.tenants.getTenant('t1'))?.scoreModel?.id).toBe('fitted-2');
  });
});
