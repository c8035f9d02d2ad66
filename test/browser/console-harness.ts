// What a console test needs: a runtime of its own (its own virtual clock and demo tenant, so files running side by side
// never move each other's time), the demo tenant's partner API on it, a signed-in person in Chromium, and axe-core
// on every screen the test passes through.
import type { Page } from 'playwright-core';
import { parseLocalTenants } from '../../local/tenants';
import { runtimeClient } from '../e2e/client';
import { startRuntimeProcess, type RuntimeProcess } from '../e2e/runtime-process';
import { BrowserSession, SCREENS, seriousAxeFindings, type AxeFinding, type Screen } from './harness';

/** `npm start`'s own tenant and its default people (`demo-manager`, `demo-collector`). */
export const CONSOLE_TENANT = parseLocalTenants(undefined)[0]!;

export interface ConsoleRuntimeOptions {
  /** The virtual clock's start (default 2026-12-01T08:00:00Z). */
  clockStart?: string;
  /** ARREARS_LOCAL_USERS, when the default manager and collector are not enough (a second manager for four eyes). */
  users?: string;
  /** ARREARS_LOCAL_TENANTS, when a test needs a second tenant beside `demo` (which must stay first). */
  tenants?: string;
}

/**
 * A runtime for one test file: start it in beforeAll, stop it in afterAll. `partner` calls the demo tenant's API with
 * its key; `advance` moves the file's own clock and answers once every execution is idle.
 */
export class ConsoleRuntime {
  private process: RuntimeProcess | null = null;
  readonly session = new BrowserSession();
  readonly partner = runtimeClient(() => this.url, CONSOLE_TENANT.apiKey);
  private readonly findings: Record<string, AxeFinding[]> = {};
  readonly audited: string[] = [];

  constructor(private readonly options: ConsoleRuntimeOptions = {}) {}

  get url(): string {
    if (!this.process) throw new Error('the console runtime is not started: call start() in beforeAll');
    return this.process.url;
  }

  async start(): Promise<void> {
    this.process = await startRuntimeProcess({
      ARREARS_CLOCK: 'virtual',
      ARREARS_CLOCK_START: this.options.clockStart ?? '2026-12-01T08:00:00Z',
      ...(this.options.users ? { ARREARS_LOCAL_USERS: this.options.users } : {}),
      ...(this.options.tenants ? { ARREARS_LOCAL_TENANTS: this.options.tenants } : {}),
    });
  }

  async stop(): Promise<void> {
    await this.session.close();
    await this.process?.stop();
  }

  advance(by: string): Promise<{ now: string }> {
    return this.partner.advance(by);
  }

  /** The runtime's clock now (ISO). */
  async now(): Promise<string> {
    return ((await (await fetch(`${this.url}/local/clock`)).json()) as { now: string }).now;
  }

  /** An id token for a person of ARREARS_LOCAL_USERS, for calling the API as they would. */
  async tokenOf(username: string): Promise<string> {
    const response = await fetch(`${this.url}/local/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username }),
    });
    if (!response.ok) throw new Error(`no token for ${username}: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { idToken: string }).idToken;
  }

  /** Calls the API as a signed-in person (their id token), answering status and parsed body. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async as(username: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await this.tokenOf(username)}`,
        'content-type': 'application/json',
        ...(method === 'GET' ? {} : { 'idempotency-key': crypto.randomUUID() }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  /**
   * Signs a person in through the local sign-in page, as a person does (one button per person), and waits for the
   * console's shell. Answers the page, kept for the file's tests at that screen size.
   */
  async signIn(username: string, screen: Screen = 'desktop'): Promise<Page> {
    const page = await this.session.page(screen);
    await page.goto(`${this.url}/local/auth/sign-in`);
    await Promise.all([
      page.waitForURL(/\/console\/#\//),
      // The whole username: `demo-manager` must not also match `demo-manager-2`.
      page.getByRole('button', { name: new RegExp(`(?<![\\w.@+-])${username}(?![\\w.@+-])`) }).click(),
    ]);
    await page.getByRole('navigation', { name: 'Console' }).waitFor();
    return page;
  }

  /** Opens a screen of the console by its address (`/queue`, `/cases/d-1`) in a signed-in page. */
  async goto(page: Page, route: string): Promise<void> {
    await page.goto(`${this.url}/console/#${route}`);
    await page.locator('main h1').first().waitFor();
  }

  /** Runs axe-core on the page as it stands, at both widths, keeping serious and critical findings by screen name. */
  async audit(name: string, page: Page): Promise<void> {
    const own = page.viewportSize();
    for (const screen of Object.keys(SCREENS) as Screen[]) {
      await page.setViewportSize(SCREENS[screen]);
      const found = await seriousAxeFindings(page);
      if (found.length > 0) this.findings[`${name} (${screen})`] = found;
    }
    if (own) await page.setViewportSize(own);
    this.audited.push(name);
  }

  /** Serious and critical findings by "screen (width)"; {} when there are none. */
  axeReport(): Record<string, AxeFinding[]> {
    return this.findings;
  }
}
