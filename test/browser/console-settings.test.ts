// A manager's settings and people in Chromium: the creditor's support e-mail changed and saved, a bad IBAN refused at
// its field with nothing saved, a change made meanwhile never overwritten; a collector invited who then signs in, a
// role changed, a person deactivated (refused at once, gone from the sign-in page); an API key issued and shown once,
// used, revoked and refused. axe-core on each screen.
import type { Page } from 'playwright-core';
import { ConsoleRuntime } from './console-harness';
import { screenshot } from './harness';

jest.setTimeout(180_000);

const runtime = new ConsoleRuntime();
beforeAll(() => runtime.start());
afterAll(() => runtime.stop());

const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'));

const callWith = async (bearer: string, method: string, path: string, body?: unknown) => {
  const response = await fetch(`${runtime.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${bearer}`,
      'content-type': 'application/json',
      ...(method === 'GET' ? {} : { 'idempotency-key': crypto.randomUUID() }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return response.status;
};

/** Waits for the screen to say so (a notice in its status line, or an alert). */
const notice = (page: Page, text: string | RegExp) =>
  page.locator('main [role="status"] .notice', { hasText: text }).waitFor();
const alert = (page: Page, text: string | RegExp) => page.getByRole('alert').filter({ hasText: text }).waitFor();

let manager: Page;

describe('the settings screen', () => {
  it("saves the creditor's support e-mail, and the API agrees", async () => {
    manager = await runtime.signIn('demo-manager');
    await runtime.goto(manager, '/settings');
    const supportEmail = manager.getByLabel('Support e-mail');
    await expect(supportEmail.inputValue()).resolves.toBe('support@nordlys-energi.example');
    await supportEmail.fill('help@nordlys-energi.example');
    await manager.getByRole('button', { name: 'Save settings' }).click();
    await notice(manager, /Settings saved \(version \d+\)/);
    const tenant = await runtime.as('demo-manager', 'GET', '/v1/tenant');
    expect(tenant.body.supportEmail).toBe('help@nordlys-energi.example');
    expect(tenant.body.updatedBy).toBe('person:demo-manager');
    await runtime.audit('settings', manager);
  });

  it('refuses a bad IBAN at its field and saves nothing', async () => {
    const before = (await runtime.as('demo-manager', 'GET', '/v1/tenant')).body;
    const iban = manager.getByLabel('IBAN', { exact: true });
    await iban.fill('NO9386011117948');
    await manager.getByLabel('Support phone').fill('+4722334455');
    await manager.getByRole('button', { name: 'Save settings' }).click();
    await manager.locator('#setting-bank-iban-error').waitFor();
    await expect(iban.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(manager.locator('#setting-bank-iban-error').innerText()).resolves.toMatch(/IBAN|check/i);
    await alert(manager, 'bank.iban');
    const after = (await runtime.as('demo-manager', 'GET', '/v1/tenant')).body;
    expect(after.bank.iban).toBe(before.bank.iban);
    expect(after.supportPhone).toBe(before.supportPhone);
    expect(after.version).toBe(before.version);
    await runtime.audit('settings (refused)', manager);
    await screenshot(manager, 'console-settings');
  });

  it('never overwrites a change someone made meanwhile: it offers to reload', async () => {
    await manager.getByRole('button', { name: 'Discard changes' }).click();
    const changed = await runtime.as('demo-manager', 'PATCH', '/v1/tenant', {
      legalName: 'Nordlys Energi AS (changed)',
    });
    expect(changed.status).toBe(200);
    await manager.getByLabel('Display name').fill('Nordlys from the browser');
    await manager.getByRole('button', { name: 'Save settings' }).click();
    await alert(manager, 'Someone changed these settings meanwhile');
    await manager.getByRole('button', { name: 'Reload the settings' }).click();
    // The form shows the settings as they are now (a function, not a string: the console's CSP forbids eval).
    await manager.waitForFunction(
      () =>
        (
          globalThis as unknown as { document: { getElementById(id: string): { value: string } | null } }
        ).document.getElementById('setting-legalName')?.value === 'Nordlys Energi AS (changed)',
    );
    expect((await runtime.as('demo-manager', 'GET', '/v1/tenant')).body.name).not.toBe('Nordlys from the browser');
  });
});

describe('the people screen', () => {
  it('invites a collector, who then signs in through the sign-in page', async () => {
    await runtime.goto(manager, '/people');
    await manager.getByRole('cell', { name: 'demo-collector', exact: true }).waitFor();
    await manager.getByLabel('Name', { exact: true }).fill('Cara Collins');
    await manager.getByLabel('E-mail').fill('cara@nordlys-energi.example');
    await manager.getByLabel('Role', { exact: true }).selectOption('collector');
    await manager.getByRole('button', { name: 'Invite' }).click();
    await notice(manager, 'they sign in as demo-cara');
    await manager.getByRole('rowheader', { name: 'Cara Collins' }).waitFor();
    await runtime.audit('people', manager);

    const cara = await runtime.signIn('demo-cara', 'phone');
    await expect(cara.locator('header .who').innerText()).resolves.toContain('Cara Collins · collector');
  });

  it("changes a role: the person's next token carries it", async () => {
    const oldToken = await runtime.tokenOf('demo-cara');
    await manager.getByLabel('Role of Cara Collins').selectOption('manager');
    await manager.getByRole('button', { name: 'Change the role of Cara Collins to manager' }).click();
    await notice(manager, 'Cara Collins is now a manager');
    expect(await callWith(oldToken, 'GET', '/v1/delinquencies')).toBe(401);
    expect(claimsOf(await runtime.tokenOf('demo-cara'))['cognito:groups']).toEqual(['manager']);
    expect((await runtime.as('demo-cara', 'GET', '/v1/people')).status).toBe(200);
  });

  it('deactivates a person after a confirmation: their next call is refused and they cannot sign in', async () => {
    const token = await runtime.tokenOf('demo-collector');
    expect(await callWith(token, 'GET', '/v1/delinquencies')).toBe(200);
    await manager.getByRole('button', { name: 'Deactivate Cole Collector' }).click();
    const confirm = manager.getByRole('alertdialog');
    await expect(confirm.innerText()).resolves.toContain('Deactivate Cole Collector?');
    await runtime.audit('people (confirm)', manager);
    await confirm.getByRole('button', { name: 'Yes, deactivate' }).click();
    await notice(manager, 'Cole Collector is deactivated');
    await manager.getByRole('button', { name: 'Activate Cole Collector' }).waitFor();
    expect(await callWith(token, 'GET', '/v1/delinquencies')).toBe(401);
    await expect(runtime.tokenOf('demo-collector')).rejects.toThrow(/403/);
    const signInPage = await (await fetch(`${runtime.url}/local/auth/sign-in`)).text();
    expect(signInPage).not.toContain('demo-collector');
    expect(signInPage).toContain('demo-cara');
    // Nobody can lock themselves out.
    expect((await runtime.as('demo-manager', 'POST', '/v1/people/demo-manager/deactivate')).status).toBe(409);
    await expect(manager.getByRole('button', { name: 'Deactivate Mia Manager' }).count()).resolves.toBe(0);
    await manager
      .locator('.people-history li', { hasText: 'person:demo-manager deactivated demo-collector' })
      .waitFor();
    await screenshot(manager, 'console-people');
  });
});

describe('the API keys screen', () => {
  it('issues a key shown once, which works until it is revoked', async () => {
    await runtime.goto(manager, '/keys');
    await manager.getByLabel('Label').fill('ERP sync');
    await manager.getByLabel('Role').selectOption('partner');
    await manager.getByRole('button', { name: 'Issue key' }).click();
    const secret = manager.getByLabel('API key (partner)');
    await secret.waitFor();
    const apiKey = await secret.inputValue();
    expect(apiKey).toMatch(/^ark_/);
    await alert(manager, 'shown this once');
    await runtime.audit('api keys (issued)', manager);
    await screenshot(manager, 'console-api-keys');

    const customer = { name: 'Key Test AS', kind: 'business', timeZone: 'Europe/Oslo' };
    expect(await callWith(apiKey, 'PUT', '/v1/customers/key-test', customer)).toBeLessThan(300);

    await manager.getByRole('button', { name: 'I have stored it' }).click();
    await manager.getByRole('rowheader', { name: 'ERP sync' }).waitFor();
    await expect(manager.locator('main').innerText()).resolves.not.toContain(apiKey);
    await manager.getByRole('button', { name: 'Revoke ERP sync' }).click();
    await manager.getByRole('alertdialog').getByRole('button', { name: 'Yes, revoke' }).click();
    await notice(manager, 'ERP sync is revoked');
    expect(await callWith(apiKey, 'GET', '/v1/customers/key-test')).toBe(401);
    await runtime.audit('api keys', manager);
    expect(runtime.axeReport()).toEqual({});
  });
});
