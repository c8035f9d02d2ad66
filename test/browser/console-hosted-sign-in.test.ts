// The deployed console's sign-in in Chromium: the console is served as the console stack serves it (its config.json
// naming Cognito's hosted pages, the deployed CSP from shared/web), and Cognito's three endpoints are played by routes
// of the browser: a manager leaves with a PKCE challenge, comes back with a code, lands in the console; signing out ends
// the hosted session; a return this tab did not start is refused.
import { createHash } from 'node:crypto';
import type { Page, Route } from 'playwright-core';
import { consoleSecurityHeaders, consoleSecurityPolicy } from '../../shared/web/console-security-headers';
import { ConsoleRuntime } from './console-harness';

jest.setTimeout(120_000);

const HOSTED = 'https://arrears-000000000000.auth.us-east-1.amazoncognito.com';
const CLIENT_ID = 'console-client-id';

const runtime = new ConsoleRuntime();
beforeAll(() => runtime.start());
afterAll(() => runtime.stop());

/** What the hosted pages were asked, in order. */
const seen = { authorize: [] as URLSearchParams[], token: [] as URLSearchParams[], logout: [] as URLSearchParams[] };

/** Serves the console as the console stack does and plays Cognito's authorize, token and logout endpoints. */
const deployedConsole = async (page: Page): Promise<string> => {
  const consoleUrl = `${runtime.url}/console/`;
  const own = new URL(runtime.url).origin;
  await page.route(`${consoleUrl}config.json`, (route) =>
    route.fulfill({
      json: {
        apiBase: '',
        auth: {
          mode: 'cognito',
          signInUrl: `${HOSTED}/oauth2/authorize`,
          tokenUrl: `${HOSTED}/oauth2/token`,
          signOutUrl: `${HOSTED}/logout`,
          clientId: CLIENT_ID,
        },
      },
    }),
  );
  // The page with the distribution's headers: the local ones plus Cognito's token endpoint as a place to fetch from.
  await page.route(
    (url) => url.origin === own && url.pathname === '/console/',
    async (route) => {
      const response = await route.fetch();
      const deployed = consoleSecurityHeaders(consoleSecurityPolicy({ extraConnectSources: [HOSTED] }));
      await route.fulfill({ response, headers: { ...response.headers(), ...deployed } });
    },
  );
  // Back to the console by a page of the hosted domain that moves on (as its own sign-in form would): a fresh navigation,
  // which the page's route above serves with the deployed headers (a redirect's target would bypass it).
  const redirect = (route: Route, to: string) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html',
      body: `<!doctype html><meta http-equiv="refresh" content="0;url=${to.replace(/&/g, '&amp;')}"><title>Cognito</title>`,
    });
  await page.route(`${HOSTED}/**`, async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/oauth2/authorize') {
      seen.authorize.push(url.searchParams);
      // The person signed in (password, authenticator code): back to the console with a one-time code.
      const back = new URL(url.searchParams.get('redirect_uri')!);
      back.searchParams.set('code', `code-${seen.authorize.length}`);
      back.searchParams.set('state', url.searchParams.get('state')!);
      return redirect(route, back.toString());
    }
    if (url.pathname === '/oauth2/token') {
      const form = new URLSearchParams(route.request().postData() ?? '');
      seen.token.push(form);
      return route.fulfill({
        status: 200,
        headers: { 'access-control-allow-origin': '*' },
        json: { id_token: await runtime.tokenOf('demo-manager'), token_type: 'Bearer', expires_in: 3600 },
      });
    }
    if (url.pathname === '/logout') {
      seen.logout.push(url.searchParams);
      return redirect(route, url.searchParams.get('logout_uri')!);
    }
    return route.fulfill({ status: 404 });
  });
  return consoleUrl;
};

describe('the hosted sign-in of the deployed console', () => {
  let page: Page;
  let consoleUrl: string;

  beforeAll(async () => {
    page = await runtime.session.page('desktop');
    consoleUrl = await deployedConsole(page);
  });

  it('sends a manager to the hosted pages with a PKCE challenge and lets them in with the code', async () => {
    await page.goto(consoleUrl);
    await runtime.audit('hosted sign-in', page);
    await Promise.all([page.waitForURL(/\/console\/#\/$/), page.getByRole('button', { name: 'Sign in' }).click()]);
    await page.getByRole('navigation', { name: 'Console' }).waitFor();
    await expect(page.locator('main h1').innerText()).resolves.toBe('Queue');

    const asked = Object.fromEntries(seen.authorize[0]!);
    expect(asked).toEqual({
      response_type: 'code',
      client_id: CLIENT_ID,
      redirect_uri: consoleUrl,
      scope: 'openid email profile',
      state: expect.stringMatching(/^[\w-]{22}$/),
      code_challenge: expect.stringMatching(/^[\w-]{43}$/),
      code_challenge_method: 'S256',
    });
    const exchanged = Object.fromEntries(seen.token[0]!);
    expect(exchanged).toEqual({
      grant_type: 'authorization_code',
      client_id: CLIENT_ID,
      code: 'code-1',
      redirect_uri: consoleUrl,
      code_verifier: expect.stringMatching(/^[\w-]{43}$/),
    });
    // The verifier sent with the code is the one whose hash left with the person.
    expect(createHash('sha256').update(exchanged.code_verifier!).digest('base64url')).toBe(asked.code_challenge);
    // The code never stays in the address.
    expect(page.url()).toBe(`${consoleUrl}#/`);
  });

  it("signs out of the hosted pages' session too, back to the sign-in", async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(Object.fromEntries(seen.logout[0]!)).toEqual({ client_id: CLIENT_ID, logout_uri: consoleUrl });
    // Nothing of the session is left in the tab (the test file has no DOM types: the page's code is a string).
    await expect(page.evaluate('Object.keys(sessionStorage)')).resolves.toEqual([]);
  });

  it('refuses a return this tab did not start, without exchanging its code', async () => {
    await page.goto(`${consoleUrl}?code=someone-elses&state=forged`);
    await expect(page.getByRole('alert').innerText()).resolves.toBe(
      'This sign-in was not started from this tab. Sign in again.',
    );
    expect(seen.token).toHaveLength(1);
    expect(page.url()).toBe(`${consoleUrl}#/`);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
  });

  it('has no serious accessibility findings on the sign-in', () => {
    expect(runtime.axeReport()).toEqual({});
  });
});
