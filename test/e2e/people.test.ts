// People signed in with id tokens from `npm start`'s identity provider, on the same routes partners call with keys:
// roles from their groups, every action named after them, four eyes between two people, and expiry by the clock.
import { randomUUID } from 'node:crypto';
import { startRuntimeProcess, type RuntimeProcess } from './runtime-process';

const KEY = 'people-key-00000001';
let runtime: RuntimeProcess;

beforeAll(async () => {
  runtime = await startRuntimeProcess({
    ARREARS_CLOCK: 'virtual',
    ARREARS_CLOCK_START: '2027-01-04T08:00:00Z',
    ARREARS_LOCAL_TENANTS: `people:${KEY}:whsec_people`,
    ARREARS_LOCAL_USERS: 'people:anna:manager:Anna Berg,people:max:manager:Max Lund,people:cole:collector:Cole Dahl',
  });
});
afterAll(() => runtime.stop());

interface Answer {
  status: number;
  type: string | null;
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
  return { status: response.status, type: response.headers.get('content-type'), body: text ? JSON.parse(text) : null };
};

const signIn = async (username: string, tenantId?: string): Promise<string> => {
  const answer = await send('POST', '/local/auth/token', null, { username, ...(tenantId ? { tenantId } : {}) });
  expect(answer.status).toBe(200);
  return answer.body.idToken as string;
};

const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'));

describe('the local identity provider', () => {
  it("signs a person in with the claims the user pool's id token carries, and lists its people", async () => {
    const token = await signIn('anna');
    const { now } = (await send('GET', '/local/clock', null)).body;
    const iat = Math.floor(Date.parse(now) / 1000);
    expect(claimsOf(token)).toEqual({
      sub: expect.stringMatching(/^[0-9a-f-]{36}$/),
      'cognito:username': 'anna',
      'cognito:groups': ['manager'],
      'custom:tenantId': 'people',
      name: 'Anna Berg',
      iss: `${runtime.url}/local/auth`,
      aud: 'arrears-local-console',
      token_use: 'id',
      auth_time: iat,
      iat,
      exp: iat + 3600,
      jti: expect.any(String),
    });
    const keys = await send('GET', '/local/auth/.well-known/jwks.json', null);
    expect(keys.body.keys).toEqual([expect.objectContaining({ kty: 'RSA', alg: 'RS256', use: 'sig' })]);
    expect((await send('GET', '/local/auth/users', null)).body.users).toContainEqual({
      tenantId: 'people',
      username: 'cole',
      role: 'collector',
      name: 'Cole Dahl',
    });
  });

  it('has a sign-in page with a button per person that lands in the console with a working token', async () => {
    const page = await fetch(`${runtime.url}/local/auth/sign-in`);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    for (const name of ['Anna Berg', 'Max Lund', 'Cole Dahl']) expect(html).toContain(name);
    const signedIn = await fetch(`${runtime.url}/local/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: 'cole', tenantId: 'people' }).toString(),
      redirect: 'manual',
    });
    expect(signedIn.status).toBe(303);
    const location = signedIn.headers.get('location')!;
    expect(location).toMatch(/^\/console\/#id_token=/);
    const token = location.split('#id_token=')[1]!;
    expect(claimsOf(token)).toMatchObject({ 'cognito:username': 'cole', 'cognito:groups': ['collector'] });
    expect((await send('GET', '/v1/tasks', token)).status).toBe(200);
  });

  it('answers 404 problem+json for an unknown person, or a person of another tenant', async () => {
    for (const body of [{ username: 'nobody' }, { username: 'anna', tenantId: 'elsewhere' }]) {
      const answer = await send('POST', '/local/auth/token', null, body);
      expect(answer).toMatchObject({ status: 404, type: 'application/problem+json', body: { status: 404 } });
    }
  });
});

describe('a person on the API', () => {
  it("lets a collector work the queue but refuses a manager's route with 403 forbidden-role", async () => {
    const cole = await signIn('cole');
    expect(await send('GET', '/v1/tasks', cole)).toMatchObject({ status: 200, body: { items: expect.any(Array) } });
    expect(await send('GET', '/v1/tenant/history', cole)).toMatchObject({
      status: 403,
      type: 'application/problem+json',
      body: { type: 'urn:arrears:problem:forbidden-role' },
    });
  });

  it("records the manager's name, not a key, in the tenant's history", async () => {
    const anna = await signIn('anna');
    const changed = await send('PATCH', '/v1/tenant', anna, { supportPhone: '+4722334455' });
    expect(changed.status).toBe(200);
    const history = await send('GET', '/v1/tenant/history', anna);
    expect(history.body.items[0]).toMatchObject({
      by: 'person:anna',
      changes: [expect.objectContaining({ path: 'supportPhone', after: '+4722334455' })],
    });
  });

  it('refuses forged tokens and tokens for another client with 401 problem+json', async () => {
    const [header, , signature] = (await signIn('cole')).split('.');
    const promoted = Buffer.from(
      JSON.stringify({ ...claimsOf(await signIn('cole')), 'cognito:groups': ['manager'] }),
    ).toString('base64url');
    const forged = await send('GET', '/v1/tenant/history', `${header}.${promoted}.${signature}`);
    expect(forged).toMatchObject({ status: 401, type: 'application/problem+json' });
    const otherClient = Buffer.from(JSON.stringify({ ...claimsOf(await signIn('anna')), aud: 'x' })).toString(
      'base64url',
    );
    expect((await send('GET', '/v1/tasks', `${header}.${otherClient}.${signature}`)).status).toBe(401);
  });

  it('takes two different managers for a credit above the limit: the opener alone cannot approve it', async () => {
    // The partner's system (its key) registers a 2,000 NOK invoice two days overdue; the next run opens its case.
    await send('PUT', '/v1/customers/four-eyes', KEY, {
      name: 'Kari Nordmann',
      kind: 'consumer',
      email: 'kari@example.no',
      timeZone: 'Europe/Oslo',
    });
    const { now } = (await send('GET', '/local/clock', null)).body;
    const today = Date.parse(now);
    const day = (days: number) => new Date(today + days * 86_400_000).toISOString().slice(0, 10);
    await send('PUT', '/v1/invoices/inv-four-eyes', KEY, {
      customerId: 'four-eyes',
      amount: 200_000,
      currency: 'NOK',
      issuedAt: day(-30),
      dueDate: day(-2),
    });
    await send('POST', '/local/clock/advance', null, { by: 'PT2H' });
    const { delinquencyId } = (await send('GET', '/v1/invoices/inv-four-eyes', KEY)).body;
    expect(delinquencyId).toEqual(expect.any(String));
    // Signed in now: tokens from before the two hours just passed have expired.
    const [anna, max, cole] = [await signIn('anna'), await signIn('max'), await signIn('cole')];

    const opened = await send('POST', `/v1/delinquencies/${delinquencyId}/disputes`, anna, { reason: 'billed twice' });
    expect(opened).toMatchObject({ status: 201, body: { openedBy: 'person:anna', openedByPerson: 'person:anna' } });
    const credit = { outcome: 'accepted', adjustment: 150_000, note: 'billing error' };
    const resolve = (token: string) => send('POST', `/v1/disputes/${opened.body.id}/resolve`, token, credit);
    expect((await resolve(cole)).body).toMatchObject({ type: 'urn:arrears:problem:manager-approval-required' });
    expect(await resolve(anna)).toMatchObject({ status: 403, body: { type: 'urn:arrears:problem:four-eyes' } });
    expect(await resolve(max)).toMatchObject({
      status: 200,
      body: { status: 'accepted', resolvedBy: 'person:max', resolvedByPerson: 'person:max' },
    });
    const { timeline } = (await send('GET', `/v1/delinquencies/${delinquencyId}`, cole)).body;
    expect(timeline).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'dispute.opened', actor: 'person:anna' }),
        expect.objectContaining({ kind: 'dispute.accepted', actor: 'person:max' }),
      ]),
    );
  });

  it('refuses a token an hour after it was issued, by the virtual clock', async () => {
    const cole = await signIn('cole');
    expect((await send('GET', '/v1/tasks', cole)).status).toBe(200);
    await send('POST', '/local/clock/advance', null, { by: 'PT1H' });
    expect(await send('GET', '/v1/tasks', cole)).toMatchObject({
      status: 401,
      type: 'application/problem+json',
      body: { detail: expect.stringMatching(/expired/) },
    });
    expect((await send('GET', '/v1/tasks', await signIn('cole'))).status).toBe(200);
  });
});
