// Issue 16, tasks: a person's own tasks and the team's, overdue or due today in the reader's zone, oldest due first.
import { createHandler as createListTasks } from '../../functions/api/list-tasks.handler';
import { createHandler as createTaskDone } from '../../functions/api/post-task-done.handler';
import { sha256Hex } from '../../shared/domain/ids';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { apiEvent, asRoute, context } from '../fixtures/api-event';
import { createTestTable, fixedClock, type TestTable } from '../fixtures/test-table';

let table: TestTable;
let deps: ApiDependencies;
// Monday 7 December 2026, 23:30 UTC: already Tuesday 8 December, 00:30, in Oslo.
const clock = fixedClock('2026-12-07T23:30:00Z');
const OLA = 'task-lists-key-ola-00001';
const MANAGER = 'task-lists-key-manager-1';

const list = async (query: Record<string, string> = {}, key = OLA) => {
  const event = apiEvent({
    method: 'GET',
    routePath: '/v1/tasks',
    path: '/v1/tasks',
    headers: { authorization: `Bearer ${key}` },
  });
  if (Object.keys(query).length > 0) {
    event.queryStringParameters = query;
    event.rawQueryString = new URLSearchParams(query).toString();
  }
  const response = await asRoute(createListTasks(deps))(event, context());
  return { status: response.statusCode, body: JSON.parse(response.body ?? '{}') };
};
const ids = async (query: Record<string, string> = {}, key = OLA) => {
  const answer = await list(query, key);
  expect(answer.status).toBe(200);
  return (answer.body.items as { id: string }[]).map((task) => task.id);
};

const task = (id: string, dueAt: string, assigneeId?: string | null) =>
  deps.tasks.add('t1', {
    id,
    kind: 'call',
    status: 'open',
    delinquencyId: `dlq-${id}`,
    invoiceId: `inv-${id}`,
    customerId: `cus-${id}`,
    stepId: 'collector-call',
    dueAt,
    createdAt: '2026-12-01T09:00:00.000Z',
    doneAt: null,
    ...(assigneeId === undefined ? {} : { assigneeId }),
  });

beforeAll(async () => {
  table = await createTestTable();
  deps = table.deps(clock);
  await deps.tenants.putApiKey(sha256Hex(OLA), { tenantId: 't1', role: 'collector', keyId: 'key_ola' }, 'now', {
    issuedTo: 'ola',
  });
  await deps.tenants.putApiKey(sha256Hex(MANAGER), { tenantId: 't1', role: 'manager', keyId: 'key_man' }, 'now', {
    issuedTo: 'mona',
  });
  await task('a-overdue', '2026-12-06T09:00:00.000Z', 'ola');
  // Monday evening: today in UTC, yesterday (so overdue) in Oslo.
  await task('e-evening', '2026-12-07T22:30:00.000Z', 'ola');
  // 00:15 Tuesday in Oslo: today there, and still Monday (today) in UTC.
  await task('b-midnight', '2026-12-07T23:15:00.000Z', 'ola');
  await task('c-kari', '2026-12-08T08:00:00.000Z', 'kari');
  // Stored as tasks were before they named a person: the team's.
  await task('d-team', '2026-12-09T08:00:00.000Z');
});
afterAll(() => table.destroy());

describe('task lists', () => {
  it("lists the team's open tasks oldest due first, and a task stored without a person as nobody's", async () => {
    expect(await ids({}, MANAGER)).toEqual(['a-overdue', 'e-evening', 'b-midnight', 'c-kari', 'd-team']);
    expect((await list({}, MANAGER)).body.items[4]).toMatchObject({ assigneeId: null, dueOn: null });
  });

  it("lists the caller's own tasks with assignee=me, and another person's by username", async () => {
    expect(await ids({ assignee: 'me' })).toEqual(['a-overdue', 'e-evening', 'b-midnight']);
    expect(await ids({ assignee: 'me' }, MANAGER)).toEqual([]);
    expect(await ids({ assignee: 'kari' }, MANAGER)).toEqual(['c-kari']);
  });

  it("says overdue and today by the reader's day: Oslo has moved on to Tuesday, UTC has not", async () => {
    expect(await ids({ due: 'overdue', zone: 'Europe/Oslo' }, MANAGER)).toEqual(['a-overdue', 'e-evening']);
    expect(await ids({ due: 'today', zone: 'Europe/Oslo' }, MANAGER)).toEqual(['b-midnight', 'c-kari']);
    expect(await ids({ due: 'overdue', zone: 'UTC' }, MANAGER)).toEqual(['a-overdue']);
    expect(await ids({ due: 'today', zone: 'UTC' }, MANAGER)).toEqual(['e-evening', 'b-midnight']);
    expect(await ids({ due: 'upcoming', zone: 'Europe/Oslo' }, MANAGER)).toEqual(['d-team']);
    expect(await ids({ due: 'upcoming', zone: 'UTC' }, MANAGER)).toEqual(['c-kari', 'd-team']);
    expect(await ids({ assignee: 'me', due: 'today', zone: 'Europe/Oslo' })).toEqual(['b-midnight']);
    // Without a zone, the tenant's day (UTC for a tenant without settings).
    expect(await ids({ due: 'overdue' }, MANAGER)).toEqual(['a-overdue']);
  });

  it("pages one person's list, and refuses its cursor on the team's list", async () => {
    const first = await list({ assignee: 'me', limit: '2' });
    expect(first.body.items.map((item: { id: string }) => item.id)).toEqual(['a-overdue', 'e-evening']);
    expect(await ids({ assignee: 'me', cursor: first.body.nextCursor })).toEqual(['b-midnight']);
    const foreign = await list({ cursor: first.body.nextCursor }, MANAGER);
    expect(foreign).toMatchObject({ status: 400, body: { errors: [{ path: 'query.cursor' }] } });
  });

  it("a task done leaves its person's list and the team's", async () => {
    const answer = await asRoute(createTaskDone(deps))(
      apiEvent({
        method: 'POST',
        routePath: '/v1/tasks/{taskId}/done',
        path: '/v1/tasks/b-midnight/done',
        pathParameters: { taskId: 'b-midnight' },
        headers: { authorization: `Bearer ${OLA}` },
      }),
      context(),
    );
    expect(answer.statusCode).toBe(200);
    expect(await ids({ assignee: 'me' })).toEqual(['a-overdue', 'e-evening']);
    expect(await ids({}, MANAGER)).not.toContain('b-midnight');
  });

  it('refuses a bad person, day or zone by name', async () => {
    expect((await list({ assignee: 'two words' })).body.errors).toEqual([
      expect.objectContaining({ path: 'query.assignee' }),
    ]);
    expect((await list({ due: 'tomorrow' })).body.errors).toEqual([expect.objectContaining({ path: 'query.due' })]);
    expect((await list({ due: 'today', zone: 'Mars/Olympus' })).body.errors).toEqual([
      expect.objectContaining({ path: 'query.zone' }),
    ]);
  });
});
