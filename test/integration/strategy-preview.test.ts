// POST /v1/strategies/preview against DynamoDB Local: a ladder checked exactly as PUT checks it, the moments its steps
// would reach a sample invoice's customer with the tenant's send time and quiet hours, and nothing written.
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createHandler as createPreview } from '../../functions/api/preview-strategy.handler';
import { createHandler as createPut } from '../../functions/api/put-strategy.handler';
import { sha256Hex } from '../../shared/domain/ids';
import { DEFAULT_STRATEGY } from '../../shared/domain/strategy';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import type { ApiKeyRole } from '../../shared/schemas/tenant.schema';
import { apiEvent, asRoute, context } from '../fixtures/api-event';
import { createTestTable, fixedClock, type TestTable } from '../fixtures/test-table';

let table: TestTable;
let deps: ApiDependencies;
const clock = fixedClock('2026-12-10T10:00:00Z');
const KEY: Record<ApiKeyRole, string> = {
  partner: 'preview-partner-key-01',
  collector: 'preview-collector-key1',
  manager: 'preview-manager-key-01',
};

beforeAll(async () => {
  table = await createTestTable();
  deps = table.deps(clock);
  for (const role of ['partner', 'collector', 'manager'] as const)
    await deps.tenants.putApiKey(sha256Hex(KEY[role]), { tenantId: 't1', role, keyId: `key-${role}` }, 'now', {
      issuedTo: `${role}-person`,
    });
  await deps.tenants.putTenant({
    id: 't1',
    name: 'Acme',
    sendTime: '09:00',
    quietHours: { start: '10:00', end: '18:00' },
    promiseGraceDays: 2,
    timeZone: 'UTC',
    disputeApprovalAbove: 100_000,
    statementMode: 'customer',
    creditHoldDaysPastDue: 30,
    createdAt: '2026-11-01T00:00:00.000Z',
  });
});
afterAll(() => table.destroy());

const send = async (
  handler: ReturnType<typeof createPreview>,
  method: string,
  routePath: string,
  path: string,
  role: ApiKeyRole,
  body: unknown,
) => {
  const event = apiEvent({
    method,
    routePath,
    path,
    ...(routePath === path ? {} : { pathParameters: { strategyId: path.split('/').pop()! } }),
    headers: { authorization: `Bearer ${KEY[role]}`, 'idempotency-key': `k-${Math.random()}` },
    body,
  });
  const response = await asRoute(handler)(event, context());
  return { status: response.statusCode, body: JSON.parse(response.body ?? '{}') };
};
const preview = (body: unknown, role: ApiKeyRole = 'manager') =>
  send(createPreview(deps), 'POST', '/v1/strategies/preview', '/v1/strategies/preview', role, body);
const put = (body: unknown) =>
  send(createPut(deps), 'PUT', '/v1/strategies/{strategyId}', '/v1/strategies/bold', 'manager', body);

const tableContents = async () => {
  const page = await table.client.send(new ScanCommand({ TableName: table.tableName, ConsistentRead: true }));
  return (page.Items ?? []).map((item) => JSON.stringify(item)).sort();
};

describe('POST /v1/strategies/preview', () => {
  it("answers each step's local date and time for the sample, moved by the tenant's quiet hours, writing nothing", async () => {
    const before = await tableContents();
    const answer = await preview({
      strategy: DEFAULT_STRATEGY,
      sample: { dueDate: '2026-12-01', timeZone: 'Europe/Oslo', amount: 125_000, currency: 'EUR' },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ sendTime: '09:00', contactHours: '10:00-18:00' });
    const byId = Object.fromEntries(
      (answer.body.steps as { id: string }[]).map((step) => [step.id, step as Record<string, unknown>]),
    );
    // 09:00 is before the tenant's 10:00: the email goes at 10:00 Oslo time, the letter at 09:00 (no hours bind it).
    expect(byId.overdue).toEqual({
      id: 'overdue',
      channel: 'email',
      offsetDays: 1,
      at: '2026-12-02T09:00:00.000Z',
      localDate: '2026-12-02',
      localTime: '10:00',
      zone: 'Europe/Oslo',
      scheduledAt: '2026-12-02T08:00:00.000Z',
      movedBy: 'quiet-hours',
    });
    expect(byId['final-notice-letter']).toMatchObject({ localTime: '09:00', at: '2026-12-31T08:00:00.000Z' });
    expect(byId['final-notice-letter']!.movedBy).toBeUndefined();
    // 2 % of 1,250.00 EUR.
    expect(byId['late-fee']!.fee).toEqual({ amount: 2_500, currency: 'EUR', rule: 'percent-fee' });
    expect(await tableContents()).toEqual(before);
  });

  it("keeps the customer's local time across the sample zone's DST change (the UTC instant moves)", async () => {
    const answer = await preview({
      strategy: {
        name: 'Spring',
        steps: [
          { id: 'before', offsetDays: 1, channel: 'letter' },
          { id: 'after', offsetDays: 10, channel: 'letter' },
        ],
      },
      sample: { dueDate: '2026-03-01', timeZone: 'America/New_York' },
    });
    expect(answer.status).toBe(200);
    expect(
      (answer.body.steps as Record<string, unknown>[]).map((step) => [step.localDate, step.localTime, step.at]),
    ).toEqual([
      ['2026-03-02', '09:00', '2026-03-02T14:00:00.000Z'],
      ['2026-03-11', '09:00', '2026-03-11T13:00:00.000Z'],
    ]);
  });

  it('refuses a ladder PUT would refuse, naming each field as PUT does (under strategy.), and writes nothing', async () => {
    const bad = {
      name: 'Bold',
      steps: [
        { id: 'first', offsetDays: 5, channel: 'email', fee: { amount: -100 } },
        { id: 'first', offsetDays: 2, channel: 'pigeon' },
      ],
    };
    const before = await tableContents();
    const previewed = await preview({ strategy: bad, sample: { dueDate: '2026-02-30', timeZone: 'Mars/Base' } });
    const refused = await put(bad);
    expect(refused.status).toBe(400);
    expect(previewed).toMatchObject({ status: 400, body: { type: 'urn:arrears:problem:validation-failed' } });
    const previewErrors = previewed.body.errors as { path: string; message: string }[];
    expect(previewErrors.filter((error) => error.path.startsWith('strategy.'))).toEqual(
      (refused.body.errors as { path: string; message: string }[]).map((error) => ({
        ...error,
        path: `strategy.${error.path}`,
      })),
    );
    expect(previewErrors.map((error) => error.path)).toEqual(
      expect.arrayContaining([
        'strategy.steps.0.fee.amount',
        'strategy.steps.1.channel',
        'sample.dueDate',
        'sample.timeZone',
      ]),
    );
    // A ladder whose every field is well formed is then checked as a whole: a repeated id, a step out of order.
    const disordered = { ...bad, steps: [bad.steps[0]!, { id: 'first', offsetDays: 2, channel: 'sms' }] };
    delete (disordered.steps[0] as { fee?: unknown }).fee;
    const whole = await preview({ strategy: disordered, sample: { dueDate: '2026-12-01', timeZone: 'UTC' } });
    expect(whole.body.errors).toEqual([
      { path: 'strategy.steps.1.id', message: 'repeats step id "first"' },
      { path: 'strategy.steps.1.offsetDays', message: 'must not be earlier than the step before it' },
    ]);
    expect((await put(disordered)).body.errors).toEqual([
      { path: 'steps.1.id', message: 'repeats step id "first"' },
      { path: 'steps.1.offsetDays', message: 'must not be earlier than the step before it' },
    ]);
    expect(await tableContents()).toEqual(before);
  });

  it('lets a collector preview and refuses a partner key', async () => {
    const body = { strategy: DEFAULT_STRATEGY, sample: { dueDate: '2026-12-01', timeZone: 'UTC' } };
    expect((await preview(body, 'collector')).status).toBe(200);
    expect(await preview(body, 'partner')).toMatchObject({
      status: 403,
      body: { type: 'urn:arrears:problem:forbidden-role' },
    });
  });
});
