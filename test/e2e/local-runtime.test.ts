// The local runtime's own contract: the virtual clock drives handlers and schedules; the outbox starts empty.
// It runs its own runtime, so moving its clock never disturbs the tests that share the suite's runtime.
import { compactLadder } from '../fixtures/compact-ladder';
import { uniqueId } from './client';
import { startRuntimeProcess, type RuntimeProcess } from './runtime-process';

let runtime: RuntimeProcess;
const KEY = 'clock-key-00000001';
/** The paying customer's ladder: its next step three days after due instead of ten, so waiting past it takes a day. */
const COMPACT = 'clock-compact';

beforeAll(async () => {
  runtime = await startRuntimeProcess({
    ARREARS_CLOCK: 'virtual',
    ARREARS_CLOCK_START: '2026-12-01T08:00:00Z',
    ARREARS_LOCAL_TENANTS: `clock:${KEY}:whsec_clock`,
  });
  const ladder = compactLadder(COMPACT, { overdue: 1, 'second-reminder': 3 });
  expect((await call('PUT', `/v1/strategies/${COMPACT}`, { body: ladder })).status).toBe(201);
});
afterAll(() => runtime.stop());

const call = async (method: string, path: string, options: { body?: unknown; idempotencyKey?: string }) => {
  const response = await fetch(`${runtime.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${KEY}`,
      'content-type': 'application/json',
      ...(options.idempotencyKey ? { 'idempotency-key': options.idempotencyKey } : {}),
    },
    body: JSON.stringify(options.body),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: response.status, body: (await response.json()) as any };
};

const local = async (method: string, path: string, body?: unknown) => {
  const response = await fetch(`${runtime.url}${path}`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: response.status, body: (await response.json()) as any };
};

describe('virtual clock', () => {
  it('stands still until told, then moves by a duration or to an instant, and the handlers see it', async () => {
    const before = (await local('GET', '/local/clock')).body;
    expect(before.mode).toBe('virtual');
    const again = (await local('GET', '/local/clock')).body;
    expect(again.now).toBe(before.now);

    const moved = await local('POST', '/local/clock/advance', { by: 'PT6H' });
    expect(moved.status).toBe(200);
    expect(Date.parse(moved.body.now) - Date.parse(before.now)).toBe(6 * 3_600_000);

    const id = uniqueId('cus');
    const created = await call('PUT', `/v1/customers/${id}`, {
      body: { name: 'Clocked', kind: 'consumer', timeZone: 'UTC' },
    });
    expect(created.body.createdAt).toBe(moved.body.now);

    const target = new Date(Date.parse(moved.body.now) + 86_400_000).toISOString();
    expect((await local('POST', '/local/clock/advance', { to: target })).body).toEqual({ now: target });
  });

  it('runs the hourly reminder run on the virtual clock: the next one is always queued at the top of an hour', async () => {
    const { now } = (await local('GET', '/local/clock')).body;
    const timers = (await local('GET', '/local/timers')).body.timers as { at: string; label: string }[];
    const next = timers.find((timer) => timer.label === 'ReminderRun')!;
    expect(next.at > now).toBe(true);
    expect(next.at).toMatch(/T\d\d:00:00\.000Z$/);
    expect(Date.parse(next.at) - Date.parse(now)).toBeLessThanOrEqual(3_600_000);
  });

  it('refuses a malformed advance and never moves backwards', async () => {
    expect((await local('POST', '/local/clock/advance', { by: 'six hours' })).status).toBe(400);
    expect((await local('POST', '/local/clock/advance', { to: '2000-01-01T00:00:00Z' })).status).toBe(409);
  });
});

describe('outbox', () => {
  it('lists sent messages, none before anything was sent', async () => {
    const answer = await local('GET', '/local/outbox');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ messages: [] });
  });
});

describe('payment wins', () => {
  it('ends the execution as soon as a full payment is recorded, and only the thank-you is sent after it', async () => {
    const id = uniqueId('paying');
    await call('PUT', `/v1/customers/${id}`, {
      body: { name: 'Prompt Payer', kind: 'consumer', email: 'payer@example.com', timeZone: 'UTC', segment: COMPACT },
    });
    const { now } = (await local('GET', '/local/clock')).body as { now: string };
    const dueDate = new Date(Date.parse(now) - 2 * 86_400_000).toISOString().slice(0, 10);
    await call('PUT', `/v1/invoices/inv-${id}`, {
      body: { customerId: id, amount: 5_000, currency: 'EUR', issuedAt: dueDate, dueDate },
    });
    await local('POST', '/local/clock/advance', { by: 'PT2H' });
    const executions = () =>
      local('GET', '/local/executions').then(
        (answer) => answer.body.executions as { name: string; status: string; states: string[] }[],
      );
    const invoice = (await call('GET', `/v1/invoices/inv-${id}`, {})).body;
    const mine = (await executions()).find((execution) => execution.name === invoice.delinquencyId)!;
    expect(mine.status).toBe('RUNNING');
    const stepsSent = async () =>
      (await local('GET', '/local/outbox')).body.messages
        .filter((message: { customerId: string }) => message.customerId === id)
        .map((message: { step: string }) => message.step);
    const sentBefore = await stepsSent();

    await call('POST', `/v1/invoices/inv-${id}/payments`, {
      body: { amount: invoice.balance, currency: 'EUR', reference: 'in-full' },
      idempotencyKey: `pay-${id}`,
    });
    await local('POST', '/local/clock/advance', { by: 'PT0S' });

    const after = (await executions()).find((execution) => execution.name === invoice.delinquencyId)!;
    expect(after.status).toBe('SUCCEEDED');
    expect(after.states.at(-1)).toBe('Done');
    // Past the ladder's next step (3 days after due): the execution has ended, so no later step can go out either.
    await local('POST', '/local/clock/advance', { by: 'P1D' });
    expect(await stepsSent()).toEqual([...sentBefore, 'receipt']);
    // A virtual day is 24 hourly runs: give them the time a loaded 2-core machine needs.
  }, 180_000);
});
