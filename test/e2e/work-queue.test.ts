// A collector's day from the API alone, on `npm start` with the virtual clock: the queue (ordered, paged without
// repeats, one tenant's only), a scored delinquency, a call window and a logged call, a promise, a payment that takes
// a debt off the queue and into the scoring history, and the customer's credit position.
import { runtimeClient } from './client';
import { startRuntimeProcess, type RuntimeProcess } from './runtime-process';

const KEY_A = 'queue-a-key-000001';
const KEY_B = 'queue-b-key-000001';
let runtime: RuntimeProcess;

beforeAll(async () => {
  runtime = await startRuntimeProcess({
    ARREARS_CLOCK: 'virtual',
    ARREARS_CLOCK_START: '2027-03-01T07:00:00Z',
    ARREARS_LOCAL_TENANTS: `qa:${KEY_A}:whsec_qa,qb:${KEY_B}:whsec_qb`,
  });
});
afterAll(() => runtime.stop());

const a = runtimeClient(() => runtime.url, KEY_A);
const b = runtimeClient(() => runtime.url, KEY_B);
type Item = {
  id: string;
  priority: number;
  balance: number;
  assigneeId: string | null;
  customerId: string;
  score: { band: string; reasons: string[] };
};

const allPages = async (client: typeof a, query: string): Promise<{ pages: number; items: Item[] }> => {
  const items: Item[] = [];
  let pages = 0;
  let cursor: string | null = null;
  do {
    const page: { items: Item[]; nextCursor: string | null } = await client.call(
      'GET',
      `/v1/delinquencies?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    items.push(...page.items);
    pages += 1;
    cursor = page.nextCursor;
  } while (cursor);
  return { pages, items };
};

beforeAll(async () => {
  await a.call('PUT', '/v1/collectors/ingrid', { name: 'Ingrid', capacity: 8 });
  for (let index = 0; index < 12; index += 1) {
    await a.call('PUT', `/v1/customers/qa-${index}`, {
      name: `Kunde ${index}`,
      kind: 'consumer',
      email: `qa${index}@example.no`,
      phone: '+4791234567',
      timeZone: 'Europe/Oslo',
      creditLimit: { amount: 500_000, currency: 'NOK' },
    });
    await a.call('PUT', `/v1/invoices/qa-inv-${index}`, {
      customerId: `qa-${index}`,
      amount: 20_000 + index * 15_000,
      currency: 'NOK',
      issuedAt: '2027-02-01',
      dueDate: '2027-02-26',
    });
  }
  for (let index = 0; index < 3; index += 1) {
    await b.call('PUT', `/v1/customers/qb-${index}`, {
      name: `Other ${index}`,
      kind: 'consumer',
      email: `qb${index}@example.no`,
      timeZone: 'Europe/Oslo',
    });
    await b.call('PUT', `/v1/invoices/qb-inv-${index}`, {
      customerId: `qb-${index}`,
      amount: 900_000,
      currency: 'NOK',
      issuedAt: '2027-02-01',
      dueDate: '2027-02-26',
    });
  }
  await a.advance('PT3H'); // the hourly run opens, scores and assigns them; the overdue reminders go out at 09:00
});

describe("a collector's day", () => {
  it('gets the queue highest expected recovery first, page by page without repeats, and only its own tenant', async () => {
    const { pages, items } = await allPages(a, 'limit=5');
    expect(pages).toBe(3);
    expect(items).toHaveLength(12);
    expect(new Set(items.map((item) => item.id)).size).toBe(12);
    const priorities = items.map((item) => item.priority);
    expect(priorities).toEqual([...priorities].sort((x, y) => y - x));
    // Alike customers: the largest balance is the largest expected recovery, in the first priority bucket (a tenth of
    // a decade; cases in one bucket are listed by id).
    expect(items.find((item) => item.customerId === 'qa-11')!.priority).toBe(items[0]!.priority);
    expect(items.at(-1)!.customerId).toBe('qa-0');
    expect(items.every((item) => item.customerId.startsWith('qa-'))).toBe(true);
    const theirs = await allPages(b, 'limit=2');
    expect(theirs.items.map((item) => item.customerId).sort()).toEqual(['qb-0', 'qb-1', 'qb-2']);
    // Ingrid took eight (her capacity); four wait unassigned.
    expect((await allPages(a, 'assignee=ingrid&limit=100')).items).toHaveLength(8);
    expect((await allPages(a, 'assignee=unassigned&limit=100')).items).toHaveLength(4);
  });

  it('reads a delinquency with its score and reasons, asks when a call is allowed, logs the call, takes a promise', async () => {
    const top = (await a.call('GET', '/v1/delinquencies?limit=1')).items[0] as Item;
    const view = await a.call('GET', `/v1/delinquencies/${top.id}`);
    expect(view).toMatchObject({
      status: 'active',
      score: { value: expect.any(Number), band: expect.any(String), reasons: expect.any(Array) },
      priority: top.priority,
    });
    expect(view.score.reasons.length).toBeGreaterThan(0);
    const { now } = await a.call('GET', '/local/clock');
    const window = await a.call('GET', `/v1/delinquencies/${top.id}/contact-window?channel=call`);
    expect(window).toMatchObject({ channel: 'call', nextAllowedAt: now });
    const logged = await a.call('POST', `/v1/delinquencies/${top.id}/contacts`, {
      channel: 'call',
      direction: 'outbound',
      outcome: 'conversation',
    });
    expect(logged).toMatchObject({ id: expect.any(String), outcome: 'conversation' });
    // After a conversation, Regulation F keeps the phone quiet for seven days (the conversation day is day 1).
    const after = await a.call('GET', `/v1/delinquencies/${top.id}/contact-window?channel=call`);
    expect(after.nextAllowedAt.slice(0, 10)).toBe('2027-03-08');
    const promise = await a.call('POST', `/v1/delinquencies/${top.id}/promises`, {
      amount: top.balance,
      date: '2027-03-05',
    });
    expect(promise).toMatchObject({ status: 'open' });
    await a.advance('PT1M');
    expect((await allPages(a, 'limit=100')).items.map((item) => item.id)).not.toContain(top.id);
    expect((await allPages(a, 'status=promised&limit=100')).items.map((item) => item.id)).toEqual([top.id]);
  });

  it('sees a paid debt leave the queue and join the scoring history as paid, with the inputs it opened with', async () => {
    const last = (await allPages(a, 'limit=100')).items.at(-1)!;
    const invoiceId = `qa-inv-${last.customerId.slice(3)}`;
    await a.call('POST', `/v1/invoices/${invoiceId}/payments`, {
      amount: last.balance,
      currency: 'NOK',
      reference: 'bank',
    });
    await a.advance('PT1M');
    expect((await allPages(a, 'limit=100')).items.map((item) => item.id)).not.toContain(last.id);
    const history = await a.call('GET', '/v1/scoring/history?month=2027-03');
    expect(history.items).toEqual([
      expect.objectContaining({
        delinquencyId: last.id,
        paid: true,
        inputs: expect.objectContaining({ daysPastDue: expect.any(Number), reachableChannels: 2 }),
      }),
    ]);
    expect(await a.call('GET', '/v1/scoring/model')).toMatchObject({ id: 'default' });
  });

  it("shows a customer's credit position against its limit", async () => {
    const credit = await a.call('GET', '/v1/customers/qa-3/credit');
    expect(credit).toMatchObject({
      currency: 'NOK',
      limit: 500_000,
      openBalance: 65_000,
      exposure: 65_000,
      available: 435_000,
      hold: { onHold: false },
    });
  });
});
