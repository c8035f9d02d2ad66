// The queue screen in Chromium: a collector's own cases and a manager's team queue, with names, amounts in the debt's
// and the base currency, days past due and the score's reasons; filters and paging kept in the address; the keyboard
// opening a case; and a payment by Stripe webhook that leaves the queue at the next look, never shown again.
import type { Page } from 'playwright-core';
import { stripeWebhook } from '../e2e/client';
import { CONSOLE_TENANT, ConsoleRuntime } from './console-harness';
import { screenshot } from './harness';

jest.setTimeout(180_000);

const runtime = new ConsoleRuntime();
const webhook = stripeWebhook(() => runtime.url, CONSOLE_TENANT.tenantId, CONSOLE_TENANT.stripeWebhookSecret);

/** Six debtors: krone and euro debts of different sizes, one of them overdue since November. */
const DEBTORS = [
  { id: 'q-berg', name: 'Astrid Berg', amount: 1_250_000, currency: 'NOK', dueDate: '2026-12-01' },
  { id: 'q-dahl', name: 'Bjørn Dahl', amount: 480_000, currency: 'NOK', dueDate: '2026-11-20' },
  { id: 'q-eik', name: 'Cecilie Eik', amount: 95_000, currency: 'EUR', dueDate: '2026-12-01' },
  { id: 'q-fjell', name: 'Dag Fjell', amount: 32_000, currency: 'EUR', dueDate: '2026-12-01' },
  { id: 'q-gran', name: 'Eva Gran', amount: 210_000, currency: 'NOK', dueDate: '2026-12-01' },
  { id: 'q-holm', name: 'Frode Holm', amount: 61_000, currency: 'EUR', dueDate: '2026-12-01' },
];

interface ApiItem {
  id: string;
  customerName: string;
  invoiceId: string;
  currency: string;
  balance: number;
  baseBalance: { amount: number; currency: string } | null;
  daysPastDue: number;
  assigneeId: string | null;
  score: { band: string; reasons: string[] };
}

const apiQueue = async (username: string, query = ''): Promise<ApiItem[]> => {
  const answer = await runtime.as(username, 'GET', `/v1/delinquencies?limit=100${query}`);
  expect(answer.status).toBe(200);
  return answer.body.items;
};

/** The rows as a person reads them: each row's cells' text. */
const rows = async (page: Page) =>
  Promise.all((await page.locator('table.queue-table tbody tr').all()).map((row) => row.locator('td').allInnerTexts()));
const names = (page: Page) => page.locator('table.queue-table tbody a[data-case]').allInnerTexts();
/** Waits until the screen shows the API's answer for the address now in the bar (not the page of the one before). */
const shown = async (page: Page) => {
  const query = new URLSearchParams(new URL(page.url()).hash.split('?')[1] ?? '').toString();
  await page.locator(`.queue-results[data-shows=${JSON.stringify(query)}]`).waitFor({ state: 'attached' });
};

beforeAll(async () => {
  await runtime.start();
  // The collector's queue is their username's: the manager registers them, and the first four debts go to them.
  expect(
    (await runtime.as('demo-manager', 'PUT', '/v1/collectors/demo-collector', { name: 'Demo Collector', capacity: 4 }))
      .status,
  ).toBe(201);
  for (const debtor of DEBTORS) {
    await runtime.partner.call('PUT', `/v1/customers/${debtor.id}`, {
      name: debtor.name,
      kind: 'consumer',
      email: `${debtor.id}@example.no`,
      timeZone: 'Europe/Oslo',
    });
    await runtime.partner.call('PUT', `/v1/invoices/inv-${debtor.id}`, {
      customerId: debtor.id,
      amount: debtor.amount,
      currency: debtor.currency,
      issuedAt: '2026-10-15',
      dueDate: debtor.dueDate,
    });
  }
  await runtime.advance('P2D'); // 3 December: every invoice is overdue and in collection
});
afterAll(() => runtime.stop());

describe('the queue, as a collector', () => {
  let page: Page;

  it("shows the collector's own cases by default, with names, both amounts, days past due and why", async () => {
    const mine = await apiQueue('demo-collector', '&assignee=me');
    expect(mine).toHaveLength(4);
    page = await runtime.signIn('demo-collector');
    await runtime.goto(page, '/queue');
    await shown(page);
    await expect(page.getByRole('link', { name: 'Mine' }).getAttribute('aria-current')).resolves.toBe('page');
    expect(await names(page)).toEqual(mine.map((item) => item.customerName));
    const krone = mine.find((item) => item.currency === 'NOK')!;
    const row = page.locator(`tr[data-case-row="${krone.id}"]`);
    // The debt in its own currency and what it is worth in euros, both as a person reads money.
    const amounts = await row
      .locator('.money')
      .evaluateAll((spans) =>
        spans.map(
          (span) => `${span.getAttribute('data-minor')} ${span.getAttribute('data-currency')} ${span.textContent}`,
        ),
      );
    expect(amounts).toEqual([
      expect.stringMatching(new RegExp(`^${krone.balance} NOK NOK\\s?[\\d,]+\\.\\d\\d$`)),
      expect.stringMatching(new RegExp(`^${krone.baseBalance!.amount} EUR €[\\d,]+\\.\\d\\d$`)),
    ]);
    // Days past due on the customer's calendar: 3 December in Oslo, so 2 days, or 13 for the one due 20 November.
    expect((await rows(page)).map((cells) => cells[3])).toEqual(
      mine.map((item) => (item.invoiceId === 'inv-q-dahl' ? '13' : '2')),
    );
    // The score's reasons open from its band, for the eye and the keyboard alike.
    const reasons = row.locator('details.reasons');
    await reasons.locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect(reasons.locator('li').first().innerText()).resolves.toBe(krone.score.reasons[0]);
    await runtime.audit('queue (collector)', page);
  });

  it('moves a visible selection with j and k and opens the selected case with Enter', async () => {
    await page.locator('main h1').click(); // focus away from the table, as after reading the page
    await expect(page.locator('#queue-keys').innerText()).resolves.toContain('Enter opens it');
    const ids = await page
      .locator('tbody a[data-case]')
      .evaluateAll((links) => links.map((a) => a.getAttribute('data-case')));
    // Pressed as fast as a person who knows the keys: each press moves from where the last one left the selection.
    for (const key of ['j', 'j', 'k', 'ArrowDown']) await page.keyboard.press(key);
    await expect(page.locator('tbody tr.selected').getAttribute('data-case-row')).resolves.toBe(ids[1]);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.hash === `#/cases/${ids[1]}`);
  });
});

describe('the queue, as a manager', () => {
  let page: Page;

  it("shows the team's queue by default, highest priority first, and narrows it by currency and assignee", async () => {
    await runtime.session.close();
    page = await runtime.signIn('demo-manager');
    await runtime.goto(page, '/queue');
    await shown(page);
    await expect(page.getByRole('link', { name: "Team's" }).getAttribute('aria-current')).resolves.toBe('page');
    const team = await apiQueue('demo-manager');
    expect(team).toHaveLength(DEBTORS.length);
    expect(await names(page)).toEqual(team.map((item) => item.customerName));

    await page.getByLabel('Currency').fill('eur');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/currency=EUR/);
    await shown(page);
    const euros = team.filter((item) => item.currency === 'EUR').map((item) => item.customerName);
    expect(await names(page)).toEqual(euros);
    // The address holds the filter: a reload shows the same narrowed page.
    await page.reload();
    await shown(page);
    expect(await names(page)).toEqual(euros);

    await page.getByLabel('Currency').fill('');
    await page.getByLabel('Assignee').selectOption('unassigned');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/assignee=unassigned/);
    await shown(page);
    expect(await names(page)).toEqual(team.filter((item) => item.assigneeId === null).map((item) => item.customerName));
    await page.goBack();
    await shown(page);
    expect(await names(page)).toEqual(euros);
  });

  it('pages with Next and Previous, the page in the address', async () => {
    const team = (await apiQueue('demo-manager')).map((item) => item.customerName);
    await runtime.goto(page, '/queue?rows=4');
    await shown(page);
    expect(await names(page)).toEqual(team.slice(0, 4));
    await page.getByRole('button', { name: 'Next' }).click();
    await page.waitForURL(/cursor=/);
    await shown(page);
    expect(await names(page)).toEqual(team.slice(4));
    await expect(page.getByRole('button', { name: 'Next' }).isDisabled()).resolves.toBe(true);
    await page.reload();
    await shown(page);
    expect(await names(page)).toEqual(team.slice(4));
    await page.getByRole('button', { name: 'Previous' }).click();
    await shown(page);
    expect(await names(page)).toEqual(team.slice(0, 4));
    await runtime.audit('queue (manager)', page);
  });

  it('drops a case paid in full by Stripe webhook at the next refresh, and never shows it again', async () => {
    await runtime.goto(page, '/queue');
    await shown(page);
    const [top] = await apiQueue('demo-manager');
    expect(await names(page)).toContain(top!.customerName);
    const invoice = await runtime.partner.call('GET', `/v1/invoices/${top!.invoiceId}`);
    const paid = await webhook({
      id: `evt_${top!.id}`,
      type: 'payment_intent.succeeded',
      data: {
        object: {
          id: `pi_${top!.id}`,
          object: 'payment_intent',
          amount_received: invoice.balance,
          currency: invoice.currency.toLowerCase(),
          metadata: { invoice_id: top!.invoiceId },
        },
      },
    });
    expect(paid).toMatchObject({ status: 200, body: { outcome: 'applied' } });
    // Every case link the screen puts on the page from now on is written down, to prove the paid one never comes back.
    await page.evaluate(`(() => {
      window.casesShown = new Set();
      new MutationObserver(() => {
        for (const link of document.querySelectorAll('tbody a[data-case]')) window.casesShown.add(link.dataset.case);
      }).observe(document.body, { childList: true, subtree: true });
    })()`);
    // Straight away, before the case's execution has necessarily woken: the refreshed page no longer has it.
    await page.getByRole('button', { name: 'Refresh' }).click();
    await shown(page);
    expect(await names(page)).not.toContain(top!.customerName);
    expect(await names(page)).toHaveLength(DEBTORS.length - 1);
    // Once the engine has resolved it, the queue a person opens next agrees.
    await runtime.advance('PT1M');
    expect((await runtime.partner.call('GET', `/v1/delinquencies/${top!.id}`)).status).toBe('resolved');
    await runtime.goto(page, '/search');
    await runtime.goto(page, '/queue');
    await shown(page);
    expect(await names(page)).not.toContain(top!.customerName);
    const everShown = (await page.evaluate('[...window.casesShown]')) as string[];
    expect(everShown.length).toBeGreaterThan(0);
    expect(everShown).not.toContain(top!.id);
    await screenshot(page, 'console-queue');
    expect(runtime.axeReport()).toEqual({});
  });
});
