// Collector contacts through the API against DynamoDB Local: logging, Regulation F refusals, windows, tenancy, case-level counting, races.
import { createHandler as createPostContact } from '../../functions/api/post-contact.handler';
import { createHandler as createPostCaseContact } from '../../functions/api/post-case-contact.handler';
import { createHandler as createListContacts } from '../../functions/api/list-contacts.handler';
import { createHandler as createContactWindow } from '../../functions/api/get-contact-window.handler';
import { sha256Hex } from '../../shared/domain/ids';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { DelinquencySchema } from '../../shared/schemas/delinquency.schema';
import { addOptOut, putCustomer } from '../../shared/use-cases/customers';
import { putInvoice } from '../../shared/use-cases/invoices';
import { apiEvent, asRoute, context } from '../fixtures/api-event';
import { createTestTable, fixedClock, type TestTable } from '../fixtures/test-table';

let table: TestTable;
let deps: ApiDependencies;
// Wednesday 1 April 2026, 10:00 in New York (EDT).
const clock = fixedClock('2026-04-01T14:00:00Z');
const KEY = 'collector-key-0001';
const OTHER_TENANT_KEY = 'other-tenant-key-01';

/** Opens a delinquency for `customerId` in tenant t1, `openedAt` deciding which of a customer's debts is the oldest. */
const openCase = async (id: string, customerId: string, openedAt = clock.now().toISOString()) => {
  await putInvoice(deps, 't1', `inv-${id}`, {
    customerId,
    amount: 50_000,
    currency: 'USD',
    issuedAt: '2026-01-01',
    dueDate: '2026-02-01',
  });
  await deps.delinquencies.open(
    't1',
    DelinquencySchema.parse({
      id,
      invoiceId: `inv-${id}`,
      customerId,
      currency: 'USD',
      status: 'active',
      strategyId: 'default',
      stage: 'overdue',
      doneSteps: ['overdue'],
      nextActionAt: null,
      nextStep: null,
      openedAt,
      closedAt: null,
      factsVersion: 0,
      taskToken: null,
      version: 1,
    }),
    { id: `tl-${id}`, at: openedAt, kind: 'delinquency.opened', actor: 'schedule', detail: 'opened for the test' },
  );
  return id;
};

interface Call {
  method: string;
  routePath: string;
  path: string;
  pathParameters: Record<string, string>;
  body?: unknown;
  query?: Record<string, string>;
  key?: string;
}
const send = async (handler: ReturnType<typeof createPostContact>, call: Call) => {
  const event = apiEvent({ ...call, headers: { authorization: `Bearer ${call.key ?? KEY}` } });
  if (call.query) event.queryStringParameters = call.query;
  const response = await asRoute(handler)(event, context());
  return { status: response.statusCode, body: JSON.parse(response.body ?? '{}') };
};
const logContact = (delinquencyId: string, body: unknown, key?: string) =>
  send(createPostContact(deps), {
    method: 'POST',
    routePath: '/v1/delinquencies/{delinquencyId}/contacts',
    path: `/v1/delinquencies/${delinquencyId}/contacts`,
    pathParameters: { delinquencyId },
    body,
    key,
  });
const logCaseContact = (customerId: string, body: unknown, key?: string) =>
  send(createPostCaseContact(deps), {
    method: 'POST',
    routePath: '/v1/customers/{customerId}/contacts',
    path: `/v1/customers/${customerId}/contacts`,
    pathParameters: { customerId },
    body,
    key,
  });
const listContacts = (delinquencyId: string, key?: string) =>
  send(createListContacts(deps), {
    method: 'GET',
    routePath: '/v1/delinquencies/{delinquencyId}/contacts',
    path: `/v1/delinquencies/${delinquencyId}/contacts`,
    pathParameters: { delinquencyId },
    key,
  });
const contactWindow = (delinquencyId: string, channel: string, key?: string) =>
  send(createContactWindow(deps), {
    method: 'GET',
    routePath: '/v1/delinquencies/{delinquencyId}/contact-window',
    path: `/v1/delinquencies/${delinquencyId}/contact-window`,
    pathParameters: { delinquencyId },
    query: { channel },
    key,
  });
const call = (outcome = 'no_answer', at?: string) => ({
  channel: 'call',
  direction: 'outbound',
  outcome,
  ...(at ? { at } : {}),
});
const contactKinds = async (delinquencyId: string) =>
  (await deps.delinquencies.timeline('t1', delinquencyId)).filter((entry) => entry.kind === 'contact.logged');

beforeAll(async () => {
  table = await createTestTable();
  deps = table.deps(clock);
  await deps.tenants.putApiKey(sha256Hex(KEY), { tenantId: 't1', role: 'collector', keyId: KEY }, 'now');
  await deps.tenants.putApiKey(
    sha256Hex(OTHER_TENANT_KEY),
    { tenantId: 't2', role: 'collector', keyId: 'other' },
    'now',
  );
  for (const customerId of ['c-seven', 'c-talked', 'c-bad', 'c-case', 'c-race', 'c-opted']) {
    await putCustomer(deps, 't1', customerId, {
      name: 'Ada',
      kind: 'consumer',
      phone: '+12125550100',
      email: 'ada@example.com',
      timeZone: 'America/New_York',
    });
  }
});
afterAll(() => table.destroy());

describe('logging contacts on a debt', () => {
  it('answers 201 with the contact, records who logged it on the timeline, and lists contacts newest first', async () => {
    const id = await openCase('dlq-seven', 'c-seven');
    const logged = await logContact(id, call('voicemail'));
    expect(logged).toEqual({
      status: 201,
      body: {
        id: expect.stringMatching(/^ctc_/),
        customerId: 'c-seven',
        delinquencyIds: [id],
        channel: 'call',
        direction: 'outbound',
        outcome: 'voicemail',
        at: '2026-04-01T14:00:00.000Z',
        createdAt: '2026-04-01T14:00:00.000Z',
        createdBy: `api:${KEY}`,
      },
    });
    const email = await logContact(id, {
      channel: 'email',
      direction: 'inbound',
      outcome: 'conversation',
      at: '2026-03-31T15:00:00Z',
    });
    expect(email.status).toBe(201);
    expect((await listContacts(id)).body.items.map((contact: { id: string }) => contact.id)).toEqual([
      logged.body.id,
      email.body.id,
    ]);
    expect(await contactKinds(id)).toEqual([
      expect.objectContaining({
        at: '2026-03-31T15:00:00.000Z',
        actor: `api:${KEY}`,
        channel: 'email',
        data: expect.objectContaining({ contactId: email.body.id }),
      }),
      expect.objectContaining({
        at: '2026-04-01T14:00:00.000Z',
        channel: 'call',
        detail: 'outbound call: reached voicemail',
        data: expect.objectContaining({ contactId: logged.body.id }),
      }),
    ]);
  });

  it('refuses an eighth counted call in 7 days with 409, the rule and the next allowed time, and stores nothing (§1.1 cases 1 and 2)', async () => {
    const id = 'dlq-seven';
    // The voicemail of Wednesday 1 April was the first; one unanswered call a day from Thursday 2 to Tuesday 7 April.
    for (const day of ['02', '03', '04', '05', '06', '07']) {
      clock.set(`2026-04-${day}T14:00:00Z`);
      expect((await logContact(id, call())).status).toBe(201);
    }
    clock.set('2026-04-07T19:00:00Z');
    const eighth = await logContact(id, call());
    expect(eighth).toMatchObject({
      status: 409,
      body: {
        type: 'urn:arrears:problem:call-not-allowed',
        status: 409,
        rule: 'call-frequency-7-in-7',
        nextAllowedAt: '2026-04-08T12:00:00.000Z',
      },
    });
    expect((await listContacts(id)).body.items).toHaveLength(8);
    expect(await contactKinds(id)).toHaveLength(8);
    expect((await contactWindow(id, 'call')).body).toEqual({
      channel: 'call',
      nextAllowedAt: '2026-04-08T12:00:00.000Z',
      rule: 'call-frequency-7-in-7',
    });
    // A busy signal does not count and is never refused for frequency.
    expect((await logContact(id, call('busy'))).status).toBe(201);
    // Wednesday 8 April at 08:00 New York time the next call is allowed again.
    clock.set('2026-04-08T12:00:00Z');
    expect((await contactWindow(id, 'call')).body).toEqual({
      channel: 'call',
      nextAllowedAt: '2026-04-08T12:00:00.000Z',
    });
    expect((await logContact(id, call())).status).toBe(201);
  });

  it('tells the window for email, SMS and letters: the hours, and any time for a letter', async () => {
    clock.set('2026-04-08T02:00:00Z'); // 22:00 on Tuesday 7 April in New York
    expect((await contactWindow('dlq-seven', 'email')).body).toEqual({
      channel: 'email',
      nextAllowedAt: '2026-04-08T12:00:00.000Z',
      rule: 'quiet-hours',
    });
    expect((await contactWindow('dlq-seven', 'sms')).body).toEqual({
      channel: 'sms',
      nextAllowedAt: '2026-04-08T12:00:00.000Z',
      rule: 'quiet-hours',
    });
    expect((await contactWindow('dlq-seven', 'letter')).body).toEqual({
      channel: 'letter',
      nextAllowedAt: '2026-04-08T02:00:00.000Z',
    });
  });

  it('refuses calls for 7 days after a conversation, the conversation day being day 1 (§1.1 case 3)', async () => {
    clock.set('2026-08-17T14:00:00Z'); // Monday 17 August, 10:00 EDT
    const id = await openCase('dlq-talked', 'c-talked');
    expect((await logContact(id, call('no_answer', '2026-08-11T15:00:00Z'))).status).toBe(201);
    expect((await logContact(id, call('conversation', '2026-08-14T15:00:00Z'))).status).toBe(201);
    const refused = await logContact(id, call());
    expect(refused).toMatchObject({
      status: 409,
      body: { rule: 'call-after-conversation', nextAllowedAt: '2026-08-21T12:00:00.000Z' },
    });
    expect((await contactWindow(id, 'call')).body).toEqual({
      channel: 'call',
      nextAllowedAt: '2026-08-21T12:00:00.000Z',
      rule: 'call-after-conversation',
    });
    expect((await listContacts(id)).body.items).toHaveLength(2);
    // The consumer may still call in: inbound calls are never refused.
    expect((await logContact(id, { channel: 'call', direction: 'inbound', outcome: 'no_answer' })).status).toBe(201);
  });

  it('refuses every call to a customer who asked not to be called, and says there is no window', async () => {
    clock.set('2026-08-17T14:00:00Z');
    const id = await openCase('dlq-opted', 'c-opted');
    await addOptOut(deps, 't1', 'c-opted', { channel: 'call' });
    expect(await logContact(id, call())).toMatchObject({ status: 409, body: { rule: 'opt-out', nextAllowedAt: null } });
    expect((await contactWindow(id, 'call')).body).toEqual({ channel: 'call', nextAllowedAt: null, rule: 'opt-out' });
    expect((await listContacts(id)).body.items).toEqual([]);
  });

  it('answers 400 naming the field for a contact dated in the future, an unknown channel or field, and stores nothing', async () => {
    clock.set('2026-08-17T14:00:00Z');
    const id = await openCase('dlq-bad', 'c-bad');
    expect(await logContact(id, call('no_answer', '2026-08-17T14:01:30Z'))).toMatchObject({
      status: 400,
      body: { errors: [{ path: 'at' }] },
    });
    expect((await logContact(id, call('no_answer', '2026-08-17T14:00:45Z'))).status).toBe(201);
    const bad = await logContact(id, {
      channel: 'fax',
      direction: 'sideways',
      outcome: 'no_answer',
      duration: 30,
      note: ' ',
      followUpOn: '2026-02-30',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error: { path: string }) => error.path).sort()).toEqual([
      'channel',
      'direction',
      'duration',
      'followUpOn',
      'note',
    ]);
    expect((await contactWindow(id, 'pigeon')).body).toMatchObject({
      status: 400,
      errors: [{ path: 'query.channel' }],
    });
    expect((await listContacts(id)).body.items).toHaveLength(1);
  });

  it("answers 404 for another tenant's delinquency, and writes nothing there", async () => {
    expect((await logContact('dlq-seven', call(), OTHER_TENANT_KEY)).status).toBe(404);
    expect((await listContacts('dlq-seven', OTHER_TENANT_KEY)).status).toBe(404);
    expect((await contactWindow('dlq-seven', 'call', OTHER_TENANT_KEY)).status).toBe(404);
    expect((await logCaseContact('c-seven', call(), OTHER_TENANT_KEY)).status).toBe(404);
    expect((await logContact('dlq-missing', call())).status).toBe(404);
  });
});

describe('contacts on the customer (the case)', () => {
  it('counts a conversation for every open debt and an unanswered call against the oldest one only', async () => {
    clock.set('2026-08-03T14:00:00Z'); // Monday 3 August, 10:00 EDT
    const older = await openCase('dlq-case-1', 'c-case', '2026-07-01T00:00:00.000Z');
    const newer = await openCase('dlq-case-2', 'c-case', '2026-07-15T00:00:00.000Z');
    const unanswered = await logCaseContact('c-case', call('no_answer'));
    expect(unanswered).toMatchObject({ status: 201, body: { customerId: 'c-case', delinquencyIds: [older] } });
    expect((await listContacts(older)).body.items).toHaveLength(1);
    expect((await listContacts(newer)).body.items).toHaveLength(0);

    clock.set('2026-08-04T14:00:00Z');
    const talked = await logCaseContact('c-case', call('conversation'));
    expect(talked).toMatchObject({ status: 201, body: { delinquencyIds: [older, newer] } });
    for (const id of [older, newer]) {
      expect((await listContacts(id)).body.items[0].id).toBe(talked.body.id);
      expect((await contactKinds(id)).at(-1)).toMatchObject({
        data: expect.objectContaining({ contactId: talked.body.id }),
      });
    }
    // The conversation starts the 7-day wait on both debts: a call on either, or on the case, is refused until Tue 11 Aug.
    clock.set('2026-08-06T14:00:00Z');
    for (const id of [older, newer]) {
      expect((await contactWindow(id, 'call')).body).toEqual({
        channel: 'call',
        nextAllowedAt: '2026-08-11T12:00:00.000Z',
        rule: 'call-after-conversation',
      });
    }
    expect(await logCaseContact('c-case', call('no_answer'))).toMatchObject({
      status: 409,
      body: { rule: 'call-after-conversation', delinquencyId: older },
    });
    expect((await listContacts(newer)).body.items).toHaveLength(1);
  });

  it('refuses a case contact when the customer has no open debt, and 404s an unknown customer', async () => {
    expect(await logCaseContact('c-bad-none', call())).toMatchObject({ status: 404 });
    await putCustomer(deps, 't1', 'c-none', { name: 'Bo', kind: 'consumer', timeZone: 'America/New_York' });
    expect(await logCaseContact('c-none', call())).toMatchObject({
      status: 409,
      body: { type: 'urn:arrears:problem:no-open-delinquency' },
    });
  });
});

describe('two collectors calling at once', () => {
  it('lets only one of two simultaneous seventh calls through: the other is refused, not stored', async () => {
    clock.set('2026-09-07T14:00:00Z'); // Monday 7 September, 10:00 EDT
    const id = await openCase('dlq-race', 'c-race');
    for (let i = 0; i < 6; i += 1)
      expect(
        (
          await logContact(
            id,
            call('no_answer', new Date(Date.parse('2026-09-07T13:00:00Z') + i * 60_000).toISOString()),
          )
        ).status,
      ).toBe(201);
    const [first, second] = await Promise.all([logContact(id, call()), logContact(id, call())]);
    expect([first.status, second.status].sort()).toEqual([201, 409]);
    expect([first, second].find((answer) => answer.status === 409)?.body).toMatchObject({
      rule: 'call-frequency-7-in-7',
    });
    expect((await listContacts(id)).body.items).toHaveLength(7);
  });
});
