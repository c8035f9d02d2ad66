// A person's actions on a case by hand, end to end on `npm start` with the real state machine and a virtual clock: a
// hold stops the ladder until released or its date, a write-off or hand-off ends it with no further message, a contact
// with a follow-up date leaves a task for the person; each on the timeline under the person's name.
import { randomUUID } from 'node:crypto';
import { compactLadder } from '../fixtures/compact-ladder';
import { startRuntimeProcess, type RuntimeProcess } from './runtime-process';

const KEY = 'case-actions-key-0001';
const OTHER_KEY = 'case-actions-other-01';
let runtime: RuntimeProcess;
// Each test moves the real state machine through days of virtual time.
jest.setTimeout(240_000);

/**
 * The ladder these debtors are on: the default's first two e-mails, two days apart instead of nine, so that a test
 * reaches "the next step" in days of hourly runs rather than weeks (what a hold or an ending does is the same).
 */
const COMPACT_SEGMENT = 'compact';
const COMPACT_LADDER = compactLadder(COMPACT_SEGMENT, { overdue: 1, 'second-reminder': 3 });

beforeAll(async () => {
  runtime = await startRuntimeProcess({
    ARREARS_CLOCK: 'virtual',
    ARREARS_CLOCK_START: '2027-01-04T08:00:00Z',
    ARREARS_LOCAL_TENANTS: `cases:${KEY}:whsec_cases,others:${OTHER_KEY}:whsec_others`,
    ARREARS_LOCAL_USERS: 'cases:anna:manager:Anna Berg,cases:cole:collector:Cole Dahl,others:olga:manager:Olga Other',
  });
  expect((await send('PUT', '/v1/strategies/compact', KEY, COMPACT_LADDER)).status).toBe(201);
});
afterAll(() => runtime.stop());

interface Answer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

const send = async (method: string, path: string, bearer: string | null, body?: unknown): Promise<Answer> => {
  const response = await fetch(`${runtime.url}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      ...(method === 'POST' && path.startsWith('/v1/') ? { 'idempotency-key': randomUUID() } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
};
const partner = async (method: string, path: string, body?: unknown) => (await send(method, path, KEY, body)).body;
/** As a person signed in now: tokens expire by the virtual clock, so each call signs in afresh. */
const as = async (username: string, method: string, path: string, body?: unknown) => {
  const token = (await send('POST', '/local/auth/token', null, { username })).body.idToken as string;
  return send(method, path, token, body);
};
const advance = (by: string) => partner('POST', '/local/clock/advance', { by });

const DAY = 86_400_000;
const day = (from: number, days: number) => new Date(from + days * DAY).toISOString().slice(0, 10);

/**
 * A customer on the compact ladder with one 90,000 NOK invoice two days overdue, opened and reminded (its second
 * reminder falls due the next morning); the clock left at 10:00 Oslo time.
 */
const openCase = async (customerId: string) => {
  await partner('PUT', `/v1/customers/${customerId}`, {
    name: 'Kari Nordmann',
    kind: 'consumer',
    email: `${customerId}@example.no`,
    phone: '+4791234567',
    timeZone: 'Europe/Oslo',
    segment: COMPACT_SEGMENT,
  });
  const { now } = await partner('GET', '/local/clock');
  const morning = new Date(`${day(Date.parse(now), 1)}T07:00:00Z`).getTime();
  await partner('POST', '/local/clock/advance', { to: new Date(morning).toISOString() });
  await partner('PUT', `/v1/invoices/inv-${customerId}`, {
    customerId,
    amount: 90_000,
    currency: 'NOK',
    issuedAt: day(morning, -30),
    dueDate: day(morning, -2),
  });
  await advance('PT2H');
  const { delinquencyId } = await partner('GET', `/v1/invoices/inv-${customerId}`);
  return { delinquencyId: delinquencyId as string, today: morning };
};
const sent = async (customerId: string): Promise<string[]> =>
  ((await partner('GET', '/local/outbox')).messages as { customerId: string; step: string; channel: string }[])
    .filter((message) => message.customerId === customerId && message.channel === 'email')
    .map((message) => message.step);
const view = (delinquencyId: string) => partner('GET', `/v1/delinquencies/${delinquencyId}`);
const entries = async (delinquencyId: string, kind: string) =>
  ((await view(delinquencyId)).timeline as { kind: string; actor: string; detail: string }[]).filter(
    (entry) => entry.kind === kind,
  );
interface RecordedEvent {
  detailType: string;
  detail: { delinquencyId?: string } & Record<string, unknown>;
}
const eventsOf = async (delinquencyId: string): Promise<RecordedEvent[]> =>
  ((await partner('GET', '/local/events')).events as RecordedEvent[]).filter(
    (event) => event.detail?.delinquencyId === delinquencyId,
  );
const executionsOf = async (delinquencyId: string): Promise<{ name: string; status: string }[]> =>
  ((await partner('GET', '/local/executions')).executions as { name: string; status: string }[]).filter((e) =>
    e.name.startsWith(delinquencyId),
  );

describe('a hold by hand', () => {
  it('stops every reminder until a person releases it; then the ladder goes on from the facts, once', async () => {
    const { delinquencyId } = await openCase('held');
    expect(await sent('held')).toEqual(['overdue']);
    const held = await as('cole', 'POST', `/v1/delinquencies/${delinquencyId}/hold`, { reason: 'bereavement' });
    expect(held).toMatchObject({ status: 200, body: { status: 'paused', hold: { reason: 'bereavement' } } });
    // The same hold again changes nothing and writes no second entry.
    expect(
      (await as('cole', 'POST', `/v1/delinquencies/${delinquencyId}/hold`, { reason: 'bereavement' })).status,
    ).toBe(200);
    await advance('P2D'); // the second reminder (3 days after due) would have gone out the next morning
    expect(await sent('held')).toEqual(['overdue']);
    const released = await as('cole', 'POST', `/v1/delinquencies/${delinquencyId}/release`, {});
    expect(released).toMatchObject({ status: 200, body: { status: 'active', hold: null } });
    await advance('PT1M');
    expect(await sent('held')).toEqual(['overdue', 'second-reminder']);
    expect(await entries(delinquencyId, 'delinquency.held')).toEqual([
      expect.objectContaining({ actor: 'person:cole', detail: expect.stringContaining('bereavement') }),
    ]);
    expect(await entries(delinquencyId, 'delinquency.released')).toEqual([
      expect.objectContaining({ actor: 'person:cole' }),
    ]);
  });

  it('ends by itself on its date, at the send time in the customer zone', async () => {
    const { delinquencyId, today } = await openCase('until');
    await as('cole', 'POST', `/v1/delinquencies/${delinquencyId}/hold`, {
      reason: 'in hospital',
      until: day(today, 2),
    });
    await advance('P1D'); // past the second reminder's morning: held back

    expect(await sent('until')).toEqual(['overdue']);
    expect((await view(delinquencyId)).status).toBe('paused');
    await advance('P1D');
    expect((await view(delinquencyId)).status).toBe('active');
    expect(await entries(delinquencyId, 'delinquency.released')).toEqual([
      expect.objectContaining({ actor: 'execution' }),
    ]);
    expect(await sent('until')).toEqual(['overdue', 'second-reminder']);
  });

  it('refuses bad input by field, a case of another tenant as unknown, and a closed case', async () => {
    const { delinquencyId, today } = await openCase('holdbad');
    const bad = await as('cole', 'POST', `/v1/delinquencies/${delinquencyId}/hold`, {
      reason: ' ',
      until: day(today, 0),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error: { path: string }) => error.path).sort()).toEqual(['reason']);
    const past = await as('cole', 'POST', `/v1/delinquencies/${delinquencyId}/hold`, {
      reason: 'x',
      until: day(today, 0),
    });
    expect(past).toMatchObject({ status: 400, body: { errors: [{ path: 'until' }] } });
    expect((await as('olga', 'POST', `/v1/delinquencies/${delinquencyId}/hold`, { reason: 'x' })).status).toBe(404);
    expect((await view(delinquencyId)).status).toBe('active');
  });
});

describe('a write-off or hand-off by hand', () => {
  it('a manager writes a case off: no further message, the invoice written off, the event out, the execution ended', async () => {
    const { delinquencyId } = await openCase('wo');
    expect((await as('cole', 'POST', `/v1/delinquencies/${delinquencyId}/write-off`, { reason: 'x' })).status).toBe(
      403,
    );
    const missing = await as('anna', 'POST', `/v1/delinquencies/${delinquencyId}/write-off`, {});
    expect(missing).toMatchObject({ status: 400, body: { errors: [{ path: 'reason' }] } });
    expect((await as('olga', 'POST', `/v1/delinquencies/${delinquencyId}/write-off`, { reason: 'x' })).status).toBe(
      404,
    );
    await partner('PUT', '/v1/collectors/col-wo', { name: 'Wendy Work', capacity: 5 });
    expect(
      (await as('anna', 'PUT', `/v1/delinquencies/${delinquencyId}/assignee`, { collectorId: 'col-wo' })).status,
    ).toBe(200);
    const load = async () =>
      ((await partner('GET', '/v1/collectors')).items as { id: string; openCount: number }[]).find(
        (collector) => collector.id === 'col-wo',
      )?.openCount;
    expect(await load()).toBe(1);
    const written = await as('anna', 'POST', `/v1/delinquencies/${delinquencyId}/write-off`, {
      reason: 'deceased, no estate',
    });
    expect(written).toMatchObject({ status: 200, body: { status: 'written_off' } });
    expect((await as('anna', 'POST', `/v1/delinquencies/${delinquencyId}/write-off`, { reason: 'again' })).status).toBe(
      200,
    );
    // The collector carries one debt less.
    expect(await load()).toBe(0);
    // Past the ladder's next step (3 days after due): the execution has ended, so no later step can go out either.
    await advance('P3D');
    expect(await sent('wo')).toEqual(['overdue']);
    expect((await partner('GET', '/v1/invoices/inv-wo')).status).toBe('written_off');
    expect(await entries(delinquencyId, 'delinquency.written_off')).toEqual([
      expect.objectContaining({ actor: 'person:anna', detail: expect.stringContaining('deceased, no estate') }),
    ]);
    expect((await eventsOf(delinquencyId)).map((event) => event.detailType)).toContain('delinquency.written_off');
    expect((await executionsOf(delinquencyId)).map((execution) => execution.status)).not.toContain('RUNNING');
    // A written-off case takes no hand-off.
    expect((await as('anna', 'POST', `/v1/delinquencies/${delinquencyId}/hand-off`, { reason: 'x' })).status).toBe(409);
  });

  it('a manager hands a held case to an agency with the case file, named after the person', async () => {
    const { delinquencyId } = await openCase('ho');
    await as('cole', 'POST', `/v1/delinquencies/${delinquencyId}/hold`, { reason: 'checking the address' });
    const handed = await as('anna', 'POST', `/v1/delinquencies/${delinquencyId}/hand-off`, {
      reason: 'moved abroad',
      agency: 'Lindorff',
    });
    expect(handed).toMatchObject({ status: 200, body: { status: 'handed_off', hold: null } });
    // Past the ladder's next step (3 days after due): the execution has ended, so no later step can go out either.
    await advance('P3D');
    expect(await sent('ho')).toEqual(['overdue']);
    expect(
      (await eventsOf(delinquencyId)).find((event) => event.detailType === 'delinquency.handed_off'),
    ).toMatchObject({
      detail: {
        stepId: 'by-hand',
        byHand: { actor: 'person:anna', reason: 'moved abroad', agency: 'Lindorff' },
        caseFile: { balance: 90_000, currency: 'NOK' },
      },
    });
    expect((await executionsOf(delinquencyId)).map((execution) => execution.status)).not.toContain('RUNNING');
  });
});

describe('a contact with a follow-up', () => {
  it('leaves a task for the person on the date they chose, and lists the customer case', async () => {
    const { delinquencyId, today } = await openCase('follow');
    const logged = await as('cole', 'POST', `/v1/delinquencies/${delinquencyId}/contacts`, {
      channel: 'email',
      direction: 'inbound',
      outcome: 'conversation',
      note: 'asked for a copy of the invoice',
      followUpOn: day(today, 3),
    });
    expect(logged).toMatchObject({ status: 201, body: { note: 'asked for a copy of the invoice' } });
    const tasks = (await view(delinquencyId)).tasks as { dueAt: string }[];
    expect(tasks).toEqual([
      expect.objectContaining({ kind: 'follow_up', assignee: 'cole', note: 'asked for a copy of the invoice' }),
    ]);
    // Due at the tenant's send time (09:00) on the chosen day, in the customer's zone.
    const oslo = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Europe/Oslo',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    expect(oslo.format(new Date(tasks[0]!.dueAt))).toBe(`${day(today, 3)} 09:00`);
    const past = await as('cole', 'POST', `/v1/delinquencies/${delinquencyId}/contacts`, {
      channel: 'email',
      direction: 'inbound',
      outcome: 'conversation',
      followUpOn: day(today, -1),
    });
    expect(past).toMatchObject({ status: 400, body: { errors: [{ path: 'followUpOn' }] } });
    const cases = await as('cole', 'GET', '/v1/customers/follow/delinquencies');
    expect(cases).toMatchObject({ status: 200, body: { items: [{ id: delinquencyId, status: 'active' }] } });
    expect((await as('olga', 'GET', '/v1/customers/follow/delinquencies')).status).toBe(404);
  });
});
