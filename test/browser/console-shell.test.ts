// The console's shell in Chromium: a collector and a manager sign in through the local identity provider and see the
// navigation their role allows; a manager's screen refused to a collector; signing out leaves nothing usable behind.
import type { Page } from 'playwright-core';
import { ConsoleRuntime } from './console-harness';
import { screenshot } from './harness';

jest.setTimeout(180_000);

const runtime = new ConsoleRuntime();
beforeAll(() => runtime.start());
afterAll(() => runtime.stop());

const navigationOf = async (page: Page) =>
  page.getByRole('navigation', { name: 'Console' }).getByRole('link').allInnerTexts();

describe('the console shell', () => {
  it('signs a collector in and shows the work, not the manager screens', async () => {
    const page = await runtime.signIn('demo-collector');
    expect(await navigationOf(page)).toEqual(['Queue', 'Tasks', 'Search', 'Strategies']);
    await runtime.goto(page, '/dashboard');
    await expect(page.locator('main h1').innerText()).resolves.toBe('Managers only');
    await runtime.audit('shell (collector)', page);
  });

  it('signs a manager in with every screen, the queue first', async () => {
    await runtime.session.close();
    const page = await runtime.signIn('demo-manager');
    expect(await navigationOf(page)).toEqual([
      'Queue',
      'Tasks',
      'Search',
      'Dashboard',
      'Strategies',
      'Settings',
      'People',
      'API keys',
    ]);
    await expect(page.locator('main h1').innerText()).resolves.toBe('Queue');
    // The token never stays in the address, where history and screenshots would keep it.
    expect(page.url()).not.toContain('id_token');
    await screenshot(page, 'console-shell');
  });

  it('signs out to the sign-in link', async () => {
    const page = await runtime.session.page('desktop');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('alert').innerText()).resolves.toContain('signed out');
    expect(await page.getByRole('link', { name: 'Sign in' }).getAttribute('href')).toBe('/local/auth/sign-in');
    expect(runtime.axeReport()).toEqual({});
  });
});
