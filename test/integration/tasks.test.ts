// Item 12 of issue 13: collectors' call tasks end, by hand (POST /v1/tasks/{id}/done) or by a call logged on their debt.
import { createHandler as createListTasks } from '../../functions/api/list-tasks.handler';
import { createHandler as createPostContact } from '../../functions/api/post-contact.handler';
import { createHandler as createPostCaseContact } from '../../functions/api/post-case-contact.handler';
import { createHandler as createTaskDone } from '../../functions/api/post-task-done.handler';
import { sha256Hex, stableId } from '../../shared/domain/ids';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import type { ApiKeyRole } from '../../shared/schemas/tenant.schema';
import { DelinquencySchema } from '../../shared/schemas/delinquency.schema';
import { putCustomer } from '../../shared/use-cases/customers';
import { putInvoice } from '../../shared/use-cases/invoices';
import { apiEvent, asRoute, context } from '../fixtures/api-event';
import { createTestTable, fixedClock, type TestTable } from '../fixtures/test-table';

let table: TestTable;
let deps: ApiDependencies;
// Wednesday 1 April 2026, 10:00 in New York (EDT).
const clock = fixedClock('2026-04-01T14:00:00Z');
const KEYS: Record<string, [string, ApiKeyRole]> = {
  'tasks-collector-key-1': ['t1', 'collector'],
  'tasks-manager-key-001': ['t1', 'manager'],
  'tasks-partner-key-001': ['t1', 'partner'],
  'tasks-other-tenant-01': ['t2', 'collector'],
};
const COLLECTOR = 'tasks-collector-key-1';

type Handler = ReturnType<typeof createListTasks>;
const send = async (
  handler: Handler,
  call: {
    method: string;
    routePath: string;
    path: string;
    pathParameters?: Record<string, string>;
    body?: unknown;
    key?: string;
  },
) => {
  const event = apiEvent({ ...call, headers: { authorization: `Bearer ${call.key ?? COLLECTOR}` } });
  const response = await asRoute(handler)(event, context());
  return { status: response.statusCode, body: JSON.parse(response.body ?? '{}') };
};
const openTasks = async (key?: string) =>
  (
    (
      await send(createListTasks(deps), {
        method: 'GET',
        routePath: '/v1/tasks',
        path: '/v1/tasks',
        ...(key ? { key } : {}),
      })
    ).body.items as { id: string }[]
  ).map((task) => task.id);
const done = (taskId: string, key?: string) =>
  send(createTaskDone(deps), {
    method: 'POST',
    routePath: '/v1/tasks/{taskId}/done',
    path: `/v1/tasks/${taskId}/done`,
    pathParameters: { taskId },
    ...(key ? { key } : {}),
  });
const logContact = (delinquencyId: string, body: unknown) =>
  send(createPostContact(deps), {
    method: 'POST',
    routePath: '/v1/delinquencies/{delinquencyId}/contacts',
    path: `/v1/delinquencies/${delinquencyId}/contacts`,
    pathParameters: { delinquencyId },
    body,
  });
const logCaseContact = (customerId: string, body: unknown) =>
  send(createPostCaseContact(deps), {
    method: 'POST',
    routePath: '/v1/customers/{customerId}/contacts',
    path: `/v1/customers/${customerId}/contacts`,
    pathParameters: { customerId },
    body,
  });

/** A debt with the call task its ladder's call step left, as the engine stores it. */
const debtWithTask = async (id: string, tenantId = 't1') => {
  const customerId = `cus-${id}`;
  await putCustomer(deps, tenantId, customerId, {
    name: 'Ada',
    kind: 'consumer',
    phone: '+12125550100',
    timeZone: 'America/New_York',
  });
  await putInvoice(deps, tenantId, `inv-${id}`, {
    customerId,
    amount: 50_000,
    currency: 'USD',
    issuedAt: '2026-01-01',
    dueDate: '2026-02-01',
  });
  const now = clock.now().toISOString();
  await deps.delinquencies.open(
    tenantId,
    DelinquencySchema.parse({
      id,
      invoiceId: `inv-${id}`,
      customerId,
      currency: 'USD',
      status: 'active',
      strategyId: 'default',
      stage: 'collector-call',
      doneSteps: ['collector-call'],
      nextActionAt: null,
      nextStep: null,
      openedAt: now,
      closedAt: null,
      factsVersion: 0,
      taskToken: null,
      version: 1,
    }),
    { id: `tl-${id}`, at: now, kind: 'delinquency.opened', actor: 'schedule', detail: 'opened for the test' },
  );
  const taskId = stableId('task', id, 'collector-call');
  await deps.tasks.add(tenantId, {
    id: taskId,
    kind: 'call',
    status: 'open',
    delinquencyId: id,
    invoiceId: `inv-${id}`,
    customerId,
    stepId: 'collector-call',
    dueAt: now,
    createdAt: now,
    doneAt: null,
  });
  return { taskId, customerId };
};

beforeAll(async () => {
  table = await createTestTable();
  deps = table.deps(clock);
  for (const [key, [tenantId, role]] of Object.entries(KEYS))
    await deps.tenants.putApiKey(sha256Hex(key), { tenantId, role, keyId: key }, 'now', { issuedTo: `${role}-person` });
});
afterAll(() => table.destroy());

describe('item 12: call tasks close', () => {
  it('item 12: a call logged on its debt closes its open call task', async () => {
    const { taskId } = await debtWithTask('dlq-logged');
    expect(await openTasks()).toContain(taskId);
    expect(
      (await logContact('dlq-logged', { channel: 'call', direction: 'outbound', outcome: 'conversation' })).status,
    ).toBe(201);
    expect(await openTasks()).not.toContain(taskId);
    const closed = await deps.tasks.get('t1', taskId);
    expect(closed).toMatchObject({
      status: 'done',
      doneAt: clock.now().toISOString(),
      doneBy: expect.stringMatching(/^contact:/),
    });
  });

  it('item 12: a call logged on the customer closes the task of the debt it counts against', async () => {
    const { taskId, customerId } = await debtWithTask('dlq-case');
    expect(
      (await logCaseContact(customerId, { channel: 'call', direction: 'inbound', outcome: 'conversation' })).status,
    ).toBe(201);
    expect(await openTasks()).not.toContain(taskId);
  });

  it('item 12: POST /v1/tasks/{id}/done closes one by hand, again without change, for collectors and managers only', async () => {
    const { taskId } = await debtWithTask('dlq-hand');
    const { taskId: managersTask } = await debtWithTask('dlq-hand-manager');
    const first = await done(taskId);
    expect(first).toMatchObject({
      status: 200,
      body: { id: taskId, status: 'done', doneAt: clock.now().toISOString(), doneBy: `api:${COLLECTOR}` },
    });
    expect(await openTasks()).not.toContain(taskId);
    // Idempotent: the same answer, the first close kept.
    expect(await done(taskId, 'tasks-manager-key-001')).toEqual(first);
    expect((await done(managersTask, 'tasks-manager-key-001')).body).toMatchObject({
      status: 'done',
      doneBy: 'api:tasks-manager-key-001',
    });
    const partner = await done(managersTask, 'tasks-partner-key-001');
    expect(partner).toMatchObject({ status: 403, body: { type: expect.stringContaining('forbidden-role') } });
  });

  it("item 12: another tenant's task answers 404 and stays open", async () => {
    const { taskId } = await debtWithTask('dlq-foreign', 't2');
    expect((await done(taskId)).status).toBe(404);
    expect((await done('task_unknown')).status).toBe(404);
    expect(await openTasks('tasks-other-tenant-01')).toContain(taskId);
  });
});
