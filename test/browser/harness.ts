// What a browser test needs around Chromium: the runtime's partner API and outbox, the link a customer's e-mail carries,
// a page per screen size reused across a file's tests, axe-core's serious findings, and screenshots for docs/.
import * as path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { parseLocalTenants } from '../../local/tenants';
import { runtimeClient } from '../e2e/client';

export const runtimeUrl = (): string => {
  const url = process.env.ARREARS_BROWSER_RUNTIME_URL;
  if (!url) throw new Error('ARREARS_BROWSER_RUNTIME_URL is not set: run through the browser project');
  return url;
};

/** `npm start`'s own tenant (no ARREARS_LOCAL_TENANTS): the one a new user meets. */
export const DEMO_TENANT = parseLocalTenants(undefined)[0]!;

/** The demo tenant's partner API and the local clock. */
export const partner = runtimeClient(runtimeUrl, DEMO_TENANT.apiKey);

export const SCREENS = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 800 },
} as const;
export type Screen = keyof typeof SCREENS;

export interface OutboxMessage {
  id: string;
  channel: 'email' | 'sms';
  to: string;
  subject?: string;
  body: string;
  sentAt: string;
  customerId: string;
  delinquencyId: string | null;
  step: string;
}

export const outbox = async (): Promise<OutboxMessage[]> =>
  ((await (await fetch(`${runtimeUrl()}/local/outbox`)).json()) as { messages: OutboxMessage[] }).messages;

/** The e-mails a customer received, oldest first. */
export const emailsTo = async (customerId: string): Promise<OutboxMessage[]> =>
  (await outbox()).filter((message) => message.channel === 'email' && message.customerId === customerId);

/** The customer's newest e-mail; fails the test when there is none. */
export const newestEmailTo = async (customerId: string): Promise<OutboxMessage> => {
  const emails = await emailsTo(customerId);
  const newest = emails.at(-1);
  if (!newest) throw new Error(`no e-mail to ${customerId} in the outbox`);
  return newest;
};

/** The link a message gives the customer to see and settle their debt (the portal, or the older pay page). */
export const portalLinkIn = (message: Pick<OutboxMessage, 'body'>): string => {
  const link = /https?:\/\/\S+?\/(?:portal|v1\/pay)\/[A-Za-z0-9_.~-]+/.exec(message.body)?.[0];
  if (!link) throw new Error(`no portal link in:\n${message.body}`);
  return link;
};

/** Where a customer's newest e-mail sends them. */
export const portalLinkOf = async (customerId: string): Promise<string> =>
  portalLinkIn(await newestEmailTo(customerId));

/** The address of an e-mail's HTML part, as the runtime serves it for looking at. */
export const emailHtmlUrl = (message: Pick<OutboxMessage, 'id'>): string =>
  `${runtimeUrl()}/local/outbox/${encodeURIComponent(message.id)}/html`;

/**
 * Moves the virtual clock a step at a time until the outbox has a message the predicate accepts (each advance answers
 * once every execution is idle, so no polling of wall time); fails after `maxSteps`.
 */
export const advanceUntil = async (
  found: (messages: OutboxMessage[]) => OutboxMessage | undefined,
  options: { step?: string; maxSteps?: number } = {},
): Promise<OutboxMessage> => {
  const { step = 'P1D', maxSteps = 60 } = options;
  for (let taken = 0; ; taken += 1) {
    const message = found(await outbox());
    if (message) return message;
    if (taken === maxSteps) throw new Error(`no such message after ${maxSteps} advances of ${step}`);
    await partner.advance(step);
  }
};

/** What axe-core reports as serious or critical: the rule, its help text and the selector of every element. */
export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export const seriousAxeFindings = async (page: Page): Promise<AxeFinding[]> => {
  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact!,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
};

const DOCS = path.resolve(__dirname, '..', '..', 'docs');

/** Saves the page (the whole of it unless told) as docs/<name>.png (committed: the README shows them). */
export const screenshot = async (page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> => {
  const file = path.join(DOCS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: options.fullPage ?? true });
  return file;
};

/**
 * One connection to the run's Chromium per test file, and one page per screen size that the file's tests reuse
 * (a fresh page per test costs more than the test's own navigation).
 */
export class BrowserSession {
  private browser: Browser | null = null;
  private readonly pages = new Map<Screen, { context: BrowserContext; page: Page }>();

  async page(screen: Screen = 'phone'): Promise<Page> {
    const open = this.pages.get(screen);
    if (open) return open.page;
    const endpoint = process.env.ARREARS_BROWSER_WS;
    if (!endpoint) throw new Error('ARREARS_BROWSER_WS is not set: run through the browser project');
    this.browser ??= await chromium.connect(endpoint);
    const context = await this.browser.newContext({ viewport: SCREENS[screen], locale: 'en-GB' });
    const page = await context.newPage();
    this.pages.set(screen, { context, page });
    return page;
  }

  /** Opens a URL at a screen size and answers the page and the HTTP status of the final document. */
  async open(url: string, screen: Screen = 'phone'): Promise<{ page: Page; status: number }> {
    const page = await this.page(screen);
    const response = await page.goto(url, { waitUntil: 'load' });
    return { page, status: response?.status() ?? 0 };
  }

  async close(): Promise<void> {
    for (const { context } of this.pages.values()) await context.close();
    this.pages.clear();
    await this.browser?.close();
    this.browser = null;
  }
}
