// The deployed console's sign-in (console/src/auth-cognito.ts): PKCE as RFC 7636 defines it, the state that ties a
// return to this tab's own request, and the code exchanged once, with its verifier, for the id token.
import {
  PENDING_SIGN_IN_KEY,
  beginSignIn,
  challengeOf,
  completeSignIn,
  randomValue,
  signOutAddress,
  type KeyValueStore,
} from '../../../console/src/auth-cognito';
import type { CognitoAuth } from '../../../console/src/config';

const HOSTED = 'https://arrears-123456789012.auth.eu-west-1.amazoncognito.com';
const AUTH: CognitoAuth = {
  mode: 'cognito',
  signInUrl: `${HOSTED}/oauth2/authorize`,
  tokenUrl: `${HOSTED}/oauth2/token`,
  signOutUrl: `${HOSTED}/logout`,
  clientId: 'console-client-id',
};
const CONSOLE = 'https://d111111abcdef8.cloudfront.net/console/';

/** sessionStorage as a Map: what one browser tab keeps. */
const tabStorage = (): KeyValueStore & { entries: Map<string, string> } => {
  const entries = new Map<string, string>();
  return {
    entries,
    getItem: (key) => entries.get(key) ?? null,
    setItem: (key, value) => void entries.set(key, value),
    removeItem: (key) => void entries.delete(key),
  };
};

interface TokenCall {
  url: string;
  body: URLSearchParams;
}

/** Cognito's token endpoint: answers `answer` and records what the console sent. */
const tokenEndpoint = (answer: { status: number; body: unknown }) => {
  const calls: TokenCall[] = [];
  const fetchImpl = (async (url: string | URL, init?: RequestInit) => {
    calls.push({ url: String(url), body: new URLSearchParams(String(init?.body)) });
    expect(init?.method).toBe('POST');
    expect((init?.headers as Record<string, string>)['content-type']).toBe('application/x-www-form-urlencoded');
    return new Response(JSON.stringify(answer.body), { status: answer.status });
  }) as typeof fetch;
  return { calls, fetchImpl };
};

/** Starts a sign-in in a tab and answers where the hosted pages would send the person back, with this code. */
const signInReturningWith = async (store: KeyValueStore, code = 'one-time-code') => {
  const address = new URL(await beginSignIn(AUTH, CONSOLE, store));
  return `${CONSOLE}?code=${code}&state=${address.searchParams.get('state')}`;
};

describe('PKCE', () => {
  it("makes the S256 challenge of RFC 7636's own example", async () => {
    await expect(challengeOf('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).resolves.toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it('draws verifiers of 43 URL-safe characters, never the same twice', () => {
    const verifiers = new Set(Array.from({ length: 50 }, () => randomValue(32)));
    expect(verifiers.size).toBe(50);
    for (const verifier of verifiers) expect(verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe('beginSignIn', () => {
  it('sends the person to the hosted pages with the code flow, the scopes, the state and the challenge of a kept verifier', async () => {
    const store = tabStorage();
    const address = new URL(await beginSignIn(AUTH, CONSOLE, store));
    expect(`${address.origin}${address.pathname}`).toBe(AUTH.signInUrl);
    const kept = JSON.parse(store.getItem(PENDING_SIGN_IN_KEY)!) as { state: string; verifier: string };
    expect(Object.fromEntries(address.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'console-client-id',
      redirect_uri: CONSOLE,
      scope: 'openid email profile',
      state: kept.state,
      code_challenge: await challengeOf(kept.verifier),
      code_challenge_method: 'S256',
    });
    // The verifier itself never travels with the person.
    expect(address.toString()).not.toContain(kept.verifier);
  });
});

describe('completeSignIn', () => {
  it('exchanges the code with its verifier for the id token, once', async () => {
    const store = tabStorage();
    const returned = await signInReturningWith(store);
    const { verifier } = JSON.parse(store.getItem(PENDING_SIGN_IN_KEY)!) as { verifier: string };
    const endpoint = tokenEndpoint({
      status: 200,
      body: { id_token: 'header.claims.signature', token_type: 'Bearer' },
    });

    await expect(completeSignIn(AUTH, returned, CONSOLE, store, endpoint.fetchImpl)).resolves.toEqual({
      kind: 'signed-in',
      idToken: 'header.claims.signature',
    });
    expect(endpoint.calls).toHaveLength(1);
    expect(endpoint.calls[0]!.url).toBe(AUTH.tokenUrl);
    expect(Object.fromEntries(endpoint.calls[0]!.body)).toEqual({
      grant_type: 'authorization_code',
      client_id: 'console-client-id',
      code: 'one-time-code',
      redirect_uri: CONSOLE,
      code_verifier: verifier,
    });

    // The same address again (a reload): nothing left to match it, and nothing sent.
    await expect(completeSignIn(AUTH, returned, CONSOLE, store, endpoint.fetchImpl)).resolves.toEqual({
      kind: 'refused',
      reason: 'This sign-in was not started from this tab. Sign in again.',
    });
    expect(endpoint.calls).toHaveLength(1);
  });

  it('refuses a return whose state is not the one this tab kept, without exchanging its code', async () => {
    const store = tabStorage();
    await beginSignIn(AUTH, CONSOLE, store);
    const endpoint = tokenEndpoint({ status: 200, body: { id_token: 'x.y.z' } });
    const forged = `${CONSOLE}?code=someone-elses-code&state=not-ours`;
    await expect(completeSignIn(AUTH, forged, CONSOLE, store, endpoint.fetchImpl)).resolves.toEqual({
      kind: 'refused',
      reason: 'This sign-in was not started from this tab. Sign in again.',
    });
    expect(endpoint.calls).toEqual([]);
    expect(store.entries.size).toBe(0);
  });

  it("shows the hosted pages' own refusal in words", async () => {
    const store = tabStorage();
    await beginSignIn(AUTH, CONSOLE, store);
    const endpoint = tokenEndpoint({ status: 200, body: {} });
    const refused = `${CONSOLE}?error=access_denied&error_description=User+is+disabled&state=x`;
    await expect(completeSignIn(AUTH, refused, CONSOLE, store, endpoint.fetchImpl)).resolves.toEqual({
      kind: 'refused',
      reason: 'The sign-in was refused: User is disabled.',
    });
    expect(endpoint.calls).toEqual([]);
  });

  it('says so when the token endpoint refuses the code (an expired or reused one)', async () => {
    const store = tabStorage();
    const returned = await signInReturningWith(store);
    const endpoint = tokenEndpoint({ status: 400, body: { error: 'invalid_grant' } });
    await expect(completeSignIn(AUTH, returned, CONSOLE, store, endpoint.fetchImpl)).resolves.toEqual({
      kind: 'refused',
      reason: 'The sign-in could not be completed (invalid_grant). Sign in again.',
    });
  });

  it('leaves an ordinary address of the console alone', async () => {
    const store = tabStorage();
    await beginSignIn(AUTH, CONSOLE, store);
    const endpoint = tokenEndpoint({ status: 200, body: {} });
    await expect(
      completeSignIn(AUTH, `${CONSOLE}#/cases/d-1?tab=timeline`, CONSOLE, store, endpoint.fetchImpl),
    ).resolves.toEqual({ kind: 'none' });
    // A sign-in under way in this tab is still under way.
    expect(store.getItem(PENDING_SIGN_IN_KEY)).not.toBeNull();
  });
});

describe('signOutAddress', () => {
  it("ends the hosted pages' session and comes back to the console", () => {
    const address = new URL(signOutAddress(AUTH, CONSOLE));
    expect(`${address.origin}${address.pathname}`).toBe(AUTH.signOutUrl);
    expect(Object.fromEntries(address.searchParams)).toEqual({ client_id: 'console-client-id', logout_uri: CONSOLE });
  });
});
