// A full run of `npm start` with DEBUG logs captured: names, emails, phones, API keys and webhook secrets never reach a log line.
import { signatureHeader } from '../../shared/webhooks/signature';
import { compactLadder } from '../fixtures/compact-ladder';
import { runtimeClient } from './client';
import { startRuntimeProcess, type RuntimeProcess } from './runtime-process';

const KEY = 'privacy-key-000000001';
const SECRET = 'whsec_privacy_e2e_0001';
const PERSON = { name: 'Ingrid Kristiansen', email: 'ingrid.kristiansen@example.no', phone: '+4798765432' };
const SECOND = { name: 'Bjørn Dæhlie', email: 'bjorn.daehlie@example.no', phone: '+4790011223' };
/**
 * Both customers' ladder: the default ladder's first four steps, the text message on the 3rd day after due and the
 * second reminder on the 6th instead of the 4th and 10th, so the run below plays out in a week of hourly runs.
 */
const SEGMENT = 'privacy-compact';
const LADDER = compactLadder(SEGMENT, { upcoming: -3, overdue: 1, 'overdue-sms': 3, 'second-reminder': 6 });

let runtime: RuntimeProcess;
let logs = '';

beforeAll(async () => {
  runtime = await startRuntimeProcess({
    ARREARS_CLOCK: 'virtual',
    ARREARS_CLOCK_START: '2026-12-01T08:00:00Z',
    ARREARS_LOCAL_TENANTS: `privacy:${KEY}:${SECRET}`,
    // Everything a handler logs, events included, and one line per request.
    POWERTOOLS_LOG_LEVEL: 'DEBUG',
    ARREARS_QUIET: '0',
  });
  // From here on: the start banner prints the local keys on purpose, the run itself must not.
  runtime.child.stdout?.on('data', (chunk: Buffer) => (logs += chunk.toString()));
  runtime.child.stderr?.on('data', (chunk: Buffer) => (logs += chunk.toString()));
});
afterAll(() => runtime.stop());

const { call, advance } = runtimeClient(() => runtime.url, KEY);

const webhook = async (event: unknown, secret = SECRET) => {
  const payload = JSON.stringify(event);
  const response = await fetch(`${runtime.url}/v1/webhooks/generic/privacy`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'arrears-signature': signatureHeader(payload, secret, Math.floor(Date.now() / 1000)),
    },
    body: payload,
  });
  return response.status;
};

describe('logs of a full run', () => {
  it('carry ids and outcomes but no personal data, API key or secret', async () => {
    expect((await call('PUT', `/v1/strategies/${SEGMENT}`, LADDER)).id).toBe(SEGMENT);
    await call('PUT', '/v1/customers/p1', {
      ...PERSON,
      kind: 'consumer',
      timeZone: 'Europe/Oslo',
      locale: 'nb-NO',
      region: 'Trøndelag',
      segment: SEGMENT,
    });
    await call('PUT', '/v1/customers/p2', { ...SECOND, kind: 'business', timeZone: 'Europe/Oslo', segment: SEGMENT });
    await call('PUT', '/v1/invoices/pi1', {
      customerId: 'p1',
      amount: 90_000,
      currency: 'NOK',
      issuedAt: '2026-11-01',
      dueDate: '2026-12-01',
      description: `Strøm for ${PERSON.name}`,
    });
    await call('PUT', '/v1/invoices/pi2', {
      customerId: 'p2',
      amount: 50_000,
      currency: 'NOK',
      issuedAt: '2026-11-01',
      dueDate: '2026-12-01',
    });
    // Refused requests log too: a bad email and a bad key must not echo the values.
    expect(
      (
        await call('PUT', '/v1/customers/p3', {
          name: PERSON.name,
          kind: 'consumer',
          email: `not-an-email ${PERSON.email}`,
          timeZone: 'UTC',
        })
      ).status,
    ).toBe(400);
    expect(
      (await fetch(`${runtime.url}/v1/customers/p1`, { headers: { authorization: `Bearer ${KEY}x` } })).status,
    ).toBe(401);
    await advance('P2D');
    const delinquencyId = (await call('GET', '/v1/invoices/pi1')).delinquencyId as string;
    expect(delinquencyId).toEqual(expect.any(String));
    await call('POST', `/v1/delinquencies/${delinquencyId}/contacts`, {
      channel: 'call',
      direction: 'outbound',
      outcome: 'conversation',
    });
    await call('POST', `/v1/delinquencies/${delinquencyId}/promises`, { amount: 90_000, date: '2026-12-05' });
    await call('POST', '/v1/customers/p2/opt-outs', { channel: 'sms', address: SECOND.phone });
    expect(
      await webhook({
        id: 'gen-1',
        type: 'payment.succeeded',
        payment: { id: 'pay-1', invoiceId: 'pi2', amount: 20_000, currency: 'NOK' },
      }),
    ).toBe(200);
    expect(
      await webhook(
        {
          id: 'gen-2',
          type: 'payment.succeeded',
          payment: { id: 'pay-2', invoiceId: 'pi2', amount: 1, currency: 'NOK' },
        },
        'whsec_wrong',
      ),
    ).toBe(400);
    // The promise is reminded of and broken; the text message is refused (opted out) or skipped, and the second reminder
    // that fell due during the promise is deferred to the morning after the break and sent: 10:00 in Oslo on 8 December.
    await advance('P5DT1H');
    const outbox = (await call('GET', '/local/outbox')).messages as { to: string }[];
    // The run did send to the people (so their data was in play), and the reminders are in the outbox, not the logs.
    expect(outbox.map((message) => message.to)).toEqual(expect.arrayContaining([PERSON.email]));
    await call('GET', '/v1/customers/p1/export');
    expect(
      (
        await fetch(`${runtime.url}/v1/customers/p1/statement?format=html`, {
          headers: { authorization: `Bearer ${KEY}` },
        })
      ).status,
    ).toBe(200);

    expect(logs.length).toBeGreaterThan(1_000);
    // Handlers did log (structured lines with ids), so the absence below means something.
    expect(logs).toMatch(/"level":"INFO".*"tenantId":"privacy"/);
    const leaks = [
      PERSON.name,
      PERSON.email,
      PERSON.phone,
      SECOND.name,
      SECOND.email,
      SECOND.phone,
      'Trøndelag',
      KEY,
      SECRET,
    ].filter((value) => logs.toLowerCase().includes(value.toLowerCase()));
    const context = leaks.map((value) =>
      logs.slice(
        Math.max(0, logs.toLowerCase().indexOf(value.toLowerCase()) - 300),
        logs.toLowerCase().indexOf(value.toLowerCase()) + 100,
      ),
    );
    expect({ leaks, context }).toEqual({ leaks: [], context: [] });
  }, 200_000);
});
