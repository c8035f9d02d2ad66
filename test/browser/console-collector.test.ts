// A collector's day in Chromium: open the first case of the queue, see why it is first, log a call with a follow-up
// (the task appears), record a promise (the case leaves the active queue), and a second call refused by the contact
// rules with the next allowed time shown in the customer's zone.
import type { Page } from 'playwright-core';
import { ConsoleRuntime } from './console-harness';
import { screenshot } from './harness';

jest.setTimeout(180_000);

// Tuesday 1 December 2026, 10:00 in New York: inside the contact hours.
const runtime = new ConsoleRuntime({
  clockStart: '2026-12-01T15:00:00Z',
  users: 'demo:demo-manager:manager:Mia Manager,demo:demo-collector:collector:Colin Collector',
});
const ZONE = 'America/New_York';

/** Three overdue debts in New York, all the collector's (assigned as they open); the largest and oldest ranks first. */
const seed = async () => {
  await runtime.partner.call('PUT', '/v1/collectors/demo-collector', { name: 'Colin Collector', capacity: 50 });
  const debts = [
    { id: 'ny-ada', name: 'Ada Lovelace Ltd', amount: 480_000, dueDate: '2026-10-20' },
    { id: 'ny-bob', name: 'Bob Builder', amount: 12_000, dueDate: '2026-11-20' },
    { id: 'ny-cy', name: 'Cy Young', amount: 30_000, dueDate: '2026-11-25' },
  ];
  for (const debt of debts) {
    await runtime.partner.call('PUT', `/v1/customers/${debt.id}`, {
      name: debt.name,
      kind: 'consumer',
      email: `${debt.id}@example.com`,
      phone: '+12125550100',
      timeZone: ZONE,
    });
    await runtime.partner.call('PUT', `/v1/invoices/inv-${debt.id}`, {
      customerId: debt.id,
      amount: debt.amount,
      currency: 'USD',
      issuedAt: '2026-09-01',
      dueDate: debt.dueDate,
    });
  }
  await runtime.advance('PT1H');
};

beforeAll(async () => {
  await runtime.start();
  await seed();
});
afterAll(() => runtime.stop());

const main = (page: Page) => page.locator('main');

describe("a collector's day", () => {
  let page: Page;
  let caseId = '';
  let customerName = '';

  it('opens the first case of the queue and sees why it is first', async () => {
    page = await runtime.signIn('demo-collector', 'desktop');
    await runtime.goto(page, '/queue');
    const first = main(page).locator('a[href^="#/cases/"]').first();
    await first.waitFor();
    await runtime.audit('queue (collector)', page);
    await first.click();
    await page.getByRole('heading', { level: 1, name: /^Case of / }).waitFor();
    caseId = decodeURIComponent(page.url().split('#/cases/')[1] ?? '');
    const view = (await runtime.as('demo-collector', 'GET', `/v1/delinquencies/${caseId}`)).body;
    customerName = (await runtime.as('demo-collector', 'GET', `/v1/customers/${view.customerId}`)).body.name;
    await expect(page.locator('main h1').innerText()).resolves.toBe(`Case of ${customerName}`);
    const queue = (await runtime.as('demo-collector', 'GET', '/v1/delinquencies?assignee=me&limit=5')).body;
    expect(queue.items[0].id).toBe(caseId);
    const reasons = page.getByRole('list', { name: 'Score reasons' }).getByRole('listitem');
    await expect(reasons.allInnerTexts()).resolves.toEqual(view.score.reasons);
    expect(view.score.reasons.length).toBeGreaterThan(0);
    await expect(page.getByText('Why it is here in the queue').isVisible()).resolves.toBe(true);
    // Every invoice's breakdown, with the balance as the API computes it.
    const invoice = (await runtime.as('demo-collector', 'GET', `/v1/invoices/${view.invoiceIds[0]}`)).body;
    await expect(page.getByTestId(`balance-${invoice.id}`).locator('.money').getAttribute('data-minor')).resolves.toBe(
      String(invoice.balance),
    );
    await expect(page.locator('dd[data-channel="call"]').innerText()).resolves.toBe('allowed now');
    await runtime.audit('case (collector)', page);
  });

  it('logs a call with a follow-up: the task appears, for the collector', async () => {
    await page.getByLabel('Channel').selectOption('call');
    await page.getByLabel('Direction').selectOption('outbound');
    await page.getByLabel('Outcome').selectOption('conversation');
    await page.getByLabel('Note').fill('will pay half on Friday');
    await page.getByLabel('Follow up on (optional)').fill('2026-12-07');
    await page.getByRole('button', { name: 'Log contact' }).click();
    const task = page.locator('li[data-task-kind="follow_up"]');
    await task.waitFor();
    await expect(task.innerText()).resolves.toContain('will pay half on Friday');
    await expect(task.innerText()).resolves.toContain('Colin Collector');
    const logged = page.locator('li[data-kind="contact.logged"]').first();
    await expect(logged.innerText()).resolves.toContain('Colin Collector');
    await expect(logged.innerText()).resolves.toContain('follow up on 2026-12-07');
    const tasks = (await runtime.as('demo-collector', 'GET', `/v1/delinquencies/${caseId}`)).body.tasks;
    expect(tasks).toEqual([
      expect.objectContaining({ kind: 'follow_up', assignee: 'demo-collector', note: 'will pay half on Friday' }),
    ]);
    await runtime.audit('case after a call (collector)', page);
  });

  it('records a promise: the case leaves the active queue', async () => {
    const form = page.getByRole('form', { name: 'Record a promise to pay' });
    await form.getByLabel('Amount (USD)').fill('50.00');
    await form.getByLabel('By (date)').fill('2026-12-04');
    await form.getByRole('button', { name: 'Record promise' }).click();
    await page.locator('.badge.status-promised').waitFor();
    await expect(page.locator('li[data-kind="promise.made"]').count()).resolves.toBe(1);
    const active = (await runtime.as('demo-collector', 'GET', '/v1/delinquencies?status=active&limit=100')).body;
    expect(active.items.map((item: { id: string }) => item.id)).not.toContain(caseId);
    await runtime.goto(page, '/queue');
    await runtime.goto(page, `/cases/${caseId}`);
    await page.locator('.badge.status-promised').waitFor();
  });

  it("refuses a second call by the contact rules and shows the next allowed time in the customer's zone", async () => {
    await page.getByLabel('Channel').selectOption('call');
    await page.getByLabel('Direction').selectOption('outbound');
    await page.getByLabel('Outcome').selectOption('no_answer');
    await page.getByRole('button', { name: 'Log contact' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'The contact rules refuse this call now.' });
    await refusal.waitFor();
    const window = (
      await runtime.as('demo-collector', 'GET', `/v1/delinquencies/${caseId}/contact-window?channel=call`)
    ).body;
    expect(window.rule).toBe('call-after-conversation');
    const expected = await page.evaluate(
      ([iso, zone]) =>
        new Intl.DateTimeFormat(
          (globalThis as unknown as { navigator: { languages: string[] } }).navigator.languages[0],
          {
            year: 'numeric',
            month: 'short',
            day: 'numeric',
            hour: '2-digit',
            minute: '2-digit',
            timeZoneName: 'short',
            timeZone: zone,
          },
        ).format(new Date(iso!)),
      [window.nextAllowedAt as string, ZONE],
    );
    await expect(refusal.locator('.next-allowed').innerText()).resolves.toBe(
      `Next allowed: ${expected} (the customer's time)`,
    );
    // Nothing was stored: still the one contact.
    await expect(page.locator('li[data-kind="contact.logged"]').count()).resolves.toBe(1);
    await runtime.audit('case with a refused call (collector)', page);
    await screenshot(page, 'console-case');
  });

  it("opens the customer's screen from the case", async () => {
    await page.locator('#customer-heading a').click();
    await page.getByRole('heading', { level: 1, name: customerName }).waitFor();
    await page.locator(`main a[href="#/cases/${caseId}"]`).waitFor();
    await runtime.audit('customer (collector)', page);
    await screenshot(page, 'console-customer');
    expect(runtime.axeReport()).toEqual({});
  });
});
