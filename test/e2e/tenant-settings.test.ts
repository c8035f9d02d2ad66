// npm start's demo tenant as a manager meets it: readable settings out of the box, changed with PATCH over HTTP.
// It runs its own runtime with the default tenants, so the demo tenant it changes is its own.
import { DEFAULT_LOCAL_TENANTS } from '../../local/tenants';
import { startRuntimeProcess, type RuntimeProcess } from './runtime-process';

let runtime: RuntimeProcess;
const DEMO_KEY = DEFAULT_LOCAL_TENANTS.split(':')[1]!;

beforeAll(async () => {
  runtime = await startRuntimeProcess({
    ARREARS_CLOCK: 'virtual',
    ARREARS_CLOCK_START: '2026-12-01T08:00:00Z',
    ARREARS_LOCAL_TENANTS: DEFAULT_LOCAL_TENANTS,
  });
});
afterAll(() => runtime.stop());

const call = async (
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string> } = {},
) => {
  const response = await fetch(`${runtime.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${DEMO_KEY}`, 'content-type': 'application/json', ...options.headers },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: response.status, etag: response.headers.get('etag'), body: (await response.json()) as any };
};

describe('the demo tenant through the local runtime', () => {
  it('is seeded with a creditor a debtor can recognise and pay', async () => {
    const answer = await call('GET', '/v1/tenant');
    expect(answer).toMatchObject({
      status: 200,
      etag: '"1"',
      body: {
        id: 'demo',
        name: 'Nordlys Energi',
        legalName: 'Nordlys Energi AS',
        address: { lines: ['Storgata 12'], postalCode: '0155', city: 'Oslo', country: 'NO' },
        supportEmail: expect.any(String),
        supportPhone: expect.stringMatching(/^\+47/),
        bank: { accountHolder: 'Nordlys Energi AS', iban: 'NO9386011117947', bic: 'DNBANOKK' },
        locale: 'en',
        selfServicePlans: { maxInstallments: 6, maxDays: 180, minInstallment: 1000 },
        version: 1,
      },
    });
  });

  it('takes a PATCH, refuses a bad IBAN by field, and shows the change in the history', async () => {
    const refused = await call('PATCH', '/v1/tenant', { body: { bank: { iban: 'NO93 8601 1117 948' } } });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ path: 'bank.iban' })]);

    const changed = await call('PATCH', '/v1/tenant', {
      body: { supportPhone: '+4722334455', brand: { color: '#0B3D91' } },
      headers: { 'if-match': '"1"' },
    });
    expect(changed).toMatchObject({
      status: 200,
      etag: '"2"',
      body: { supportPhone: '+4722334455', brand: { color: '#0b3d91' }, updatedBy: 'operator', version: 2 },
    });
    expect((await call('GET', '/v1/tenant')).body).toEqual(changed.body);
    expect((await call('PATCH', '/v1/tenant', { body: { name: 'Late' }, headers: { 'if-match': '"1"' } })).status).toBe(
      412,
    );

    const history = await call('GET', '/v1/tenant/history');
    expect(history.body.items).toEqual([
      expect.objectContaining({
        version: 2,
        by: 'operator',
        at: '2026-12-01T08:00:00.000Z',
        changes: [
          { path: 'brand.color', before: null, after: '#0b3d91' },
          { path: 'supportPhone', before: '+4721000000', after: '+4722334455' },
        ],
      }),
    ]);
  });
});
