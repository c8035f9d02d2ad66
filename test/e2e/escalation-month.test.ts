// A month of collections on `npm start` with a virtual clock: customers in three zones (one east of UTC), every
// message at 09:00 local on its step's date, fees in the balance, opt-outs silent, hand-off at the end, a late import.
import { runtimeClient } from './client';
import { startRuntimeProcess, type RuntimeProcess } from './runtime-process';

let runtime: RuntimeProcess;
const KEY = 'month-key-00000001';

beforeAll(async () => {
  runtime = await startRuntimeProcess({
    ARREARS_CLOCK: 'virtual',
    ARREARS_CLOCK_START: '2026-11-25T00:00:00Z',
    ARREARS_LOCAL_TENANTS: `month:${KEY}:whsec_month`,
  });
});
afterAll(() => runtime.stop());

const { call, advance } = runtimeClient(() => runtime.url, KEY);

interface Message {
  channel: string;
  to: string;
  body: string;
  sentAt: string;
  customerId: string;
  step: string;
  subject?: string;
}

const localDateHour = (iso: string, zone: string) => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
    })
      .formatToParts(new Date(iso))
      .map((part) => [part.type, part.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) };
};

const offsets: Record<string, number> = {
  upcoming: -3,
  overdue: 1,
  'overdue-sms': 4,
  'second-reminder': 10,
  'late-fee': 15,
  'final-notice': 30,
};

const customers = {
  oslo: {
    name: 'Kari Nordmann',
    kind: 'consumer',
    email: 'kari@example.no',
    phone: '+4791234567',
    timeZone: 'Europe/Oslo',
    locale: 'nb-NO',
  },
  newyork: {
    name: 'John Smith',
    kind: 'consumer',
    email: 'john@example.com',
    phone: '+12125550123',
    timeZone: 'America/New_York',
    locale: 'en-US',
  },
  tokyo: { name: 'Sato Hanako', kind: 'consumer', email: 'hanako@example.jp', timeZone: 'Asia/Tokyo', locale: 'en' },
};

describe('a month of escalation', () => {
  let messages: Message[] = [];

  beforeAll(async () => {
    for (const [id, customer] of Object.entries(customers)) {
      await call('PUT', `/v1/customers/${id}`, customer);
      await call('PUT', `/v1/invoices/inv-${id}`, {
        customerId: id,
        amount: 100_000,
        currency: 'EUR',
        issuedAt: '2026-11-01',
        dueDate: '2026-12-01',
      });
    }
    await call('POST', '/v1/customers/newyork/opt-outs', { channel: 'sms' });
    await advance('P8D');
    // Tokyo follows the unsubscribe link of the first overdue email.
    const first = ((await call('GET', '/local/outbox')).messages as Message[]).find(
      (m) => m.customerId === 'tokyo' && m.step === 'overdue',
    )!;
    const link = /\/v1\/unsubscribe\/[A-Za-z0-9_-]+/.exec(first.body)![0];
    // The one-click POST a mail client sends (RFC 8058), then the same click again.
    const oneClick = {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    };
    const confirmed = await fetch(`${runtime.url}${link}`, oneClick);
    expect(confirmed.status).toBe(200);
    const answer = await confirmed.text();
    expect(JSON.parse(answer)).toMatchObject({ channel: 'email', unsubscribed: true, confirmationSent: true });
    // The answer does not echo the address (issue 13, item 10): a forwarded link tells its holder nothing.
    expect(answer).not.toContain('hanako@example.jp');
    const again = await fetch(`${runtime.url}${link}`, oneClick);
    expect(await again.json()).toMatchObject({ unsubscribed: true, confirmationSent: false });
    // A late import: due long ago, it arrives today and catches up with one message.
    await call('PUT', '/v1/customers/late', { ...customers.oslo, email: 'late@example.no', phone: '+4799999999' });
    await call('PUT', '/v1/invoices/inv-late', {
      customerId: 'late',
      amount: 50_000,
      currency: 'EUR',
      issuedAt: '2026-10-01',
      dueDate: '2026-11-20',
    });
    // To 16 January, 00:00 UTC: the ladder ends 45 days after the due date, on 15 January at 09:00 in every zone.
    for (let week = 0; week < 6; week += 1) await advance('P7D');
    await advance('P2D');
    messages = (await call('GET', '/local/outbox')).messages;
  }, 240_000);

  it('sends every step at 09:00 on the customer’s local date dueDate + offset, in every zone', () => {
    const checked = messages.filter(
      (message) => message.customerId !== 'late' && message.step !== 'opt-out-confirmation',
    );
    expect(checked.length).toBeGreaterThan(10);
    for (const message of checked) {
      const zone = customers[message.customerId as keyof typeof customers].timeZone;
      const local = localDateHour(message.sentAt, zone);
      const expectedDate = new Date(Date.parse('2026-12-01') + offsets[message.step]! * 86_400_000)
        .toISOString()
        .slice(0, 10);
      expect({ step: message.step, ...local }).toEqual({ step: message.step, date: expectedDate, hour: 9 });
    }
  });

  it('follows the whole ladder for a reachable customer, in their language', () => {
    const oslo = messages.filter((message) => message.customerId === 'oslo');
    expect(oslo.map((message) => `${message.channel}:${message.step}`)).toEqual([
      'email:upcoming',
      'email:overdue',
      'sms:overdue-sms',
      'email:second-reminder',
      'email:late-fee',
      'email:final-notice',
    ]);
    expect(oslo[1]!.body).toContain('Hei Kari Nordmann');
    expect(oslo[2]!.body).toMatch(/Svar STOP for å melde deg av\.$/);
  });

  it('keeps an opted-out channel silent and honours an unsubscribe link at once, with one confirmation', () => {
    expect(messages.filter((message) => message.customerId === 'newyork' && message.channel === 'sms')).toEqual([]);
    expect(messages.filter((message) => message.customerId === 'newyork' && message.channel === 'email')).toHaveLength(
      5,
    );
    const tokyo = messages.filter((message) => message.customerId === 'tokyo');
    expect(tokyo.map((message) => message.step)).toEqual(['upcoming', 'overdue', 'opt-out-confirmation']);
    expect(tokyo[2]).toMatchObject({
      to: 'hanako@example.jp',
      subject: 'month: you will get no more emails at this address',
    });
    expect(tokyo[2]!.body).not.toContain('/v1/unsubscribe/');
  });

  it('adds the late fee to the balance', async () => {
    const invoice = await call('GET', '/v1/invoices/inv-oslo');
    expect(invoice.charges).toEqual({ fees: 2_000, interest: 0 });
    expect(invoice.balance).toBe(102_000);
  });

  it('hands every case off at the end of the ladder with its case file', async () => {
    const events = (await call('GET', '/local/events')).events as {
      detailType: string;
      detail: { customerId: string; caseFile?: { balance: number } };
    }[];
    const handedOff = events.filter((event) => event.detailType === 'delinquency.handed_off');
    expect(handedOff.map((event) => event.detail.customerId).sort()).toEqual(['late', 'newyork', 'oslo', 'tokyo']);
    expect(handedOff.find((event) => event.detail.customerId === 'oslo')?.detail.caseFile?.balance).toBe(102_000);
    expect(
      events.filter((event) => event.detailType === 'delinquency.escalated' && event.detail.customerId === 'oslo'),
    ).toHaveLength(2); // the call and the letter
  });

  it("closes each case's call task with the case: once every case is handed off, the collectors' list is empty", async () => {
    const seen: { customerId: string; stepId: string; dueAt: string; status: string }[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: typeof seen; nextCursor: string | null } = await call(
        'GET',
        `/v1/tasks?limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    // Oslo, New York and the late import each had a call task (Tokyo has no phone number); the hand-off closed them.
    expect(seen).toEqual([]);
    const forged = await fetch(
      `${runtime.url}/v1/tasks?cursor=${Buffer.from(JSON.stringify({ pk: 'x', sk: 'y', gsi3pk: 'TENANT#other#TASKS#open', gsi3sk: 'z' })).toString('base64url')}`,
      {
        headers: { authorization: `Bearer ${KEY}` },
      },
    );
    expect(forged.status).toBe(400);
    expect(await forged.json()).toMatchObject({ errors: [{ path: 'query.cursor' }] });
  });

  it('catches a late-imported invoice up with one message, not the steps it missed', () => {
    const late = messages.filter((message) => message.customerId === 'late');
    expect(late[0]?.step).toBe('second-reminder');
    expect(late.map((message) => message.step)).not.toContain('overdue');
    expect(late.map((message) => message.step)).not.toContain('overdue-sms');
  });
});
