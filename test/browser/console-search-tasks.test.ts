// Issue 16 in Chromium: a collector finds an account by phone as typed, by a name's beginning, by invoice id and by the
// RF reference a payer quotes, never another tenant's; and closes the call the ladder asked for in one click.
import type { Page } from 'playwright-core';
import { formatReference, invoiceCaseReference } from '../../shared/domain/transfer-reference';
import { runtimeClient } from '../e2e/client';
import { ConsoleRuntime, CONSOLE_TENANT } from './console-harness';
import { screenshot } from './harness';

jest.setTimeout(180_000);

const RIVAL = { tenantId: 'rival', apiKey: 'rival-api-key-0001', secret: 'whsec_rival_0001' };
const runtime = new ConsoleRuntime({
  tenants: `${CONSOLE_TENANT.tenantId}:${CONSOLE_TENANT.apiKey}:${CONSOLE_TENANT.stripeWebhookSecret},${RIVAL.tenantId}:${RIVAL.apiKey}:${RIVAL.secret}`,
});
const rival = runtimeClient(() => runtime.url, RIVAL.apiKey);
const TODAY = '2026-12-01';

const customer = (name: string, phone: string) => ({ name, phone, kind: 'consumer', timeZone: 'Europe/Oslo' });
const invoice = (customerId: string, dueDate: string) => ({
  customerId,
  amount: 125_000,
  currency: 'NOK',
  issuedAt: '2026-11-01',
  dueDate,
  strategyId: 'call-first',
});

let page: Page;
let caseId: string;

beforeAll(async () => {
  await runtime.start();
  const { call } = runtime.partner;
  // The collector takes new cases, so the call the ladder asks for is theirs.
  await call('PUT', '/v1/collectors/demo-collector', { name: 'Cole Collector', capacity: 50 });
  await call('PUT', '/v1/strategies/call-first', {
    name: 'Call first',
    steps: [{ id: 'first-call', offsetDays: 1, channel: 'call' }],
  });
  await call('PUT', '/v1/customers/cus-kari', {
    ...customer('Kari Ødegård-Nilsen', '+4791234567'),
    email: 'kari@example.no',
  });
  await call('PUT', '/v1/customers/cus-lars', customer('Lars Berg', '+4798765432'));
  await call('PUT', '/v1/invoices/INV-2001', invoice('cus-kari', TODAY));
  await call('PUT', '/v1/invoices/INV-2002', invoice('cus-lars', TODAY));
  // Not due for a month: found by its id, not in collection.
  await call('PUT', '/v1/invoices/INV-2003', invoice('cus-lars', '2027-01-01'));
  // Another creditor's debtor with the same phone number and a name alike.
  await rival.call('PUT', '/v1/customers/cus-rival', customer('Kari Rivalsen', '+4791234567'));
  // The cases open and the call step falls due (09:00 in Oslo the day after the due date).
  await runtime.advance('P2D');
  caseId = (await call('GET', '/v1/invoices/INV-2001')).delinquencyId;
  expect(caseId).toEqual(expect.any(String));
  page = await runtime.signIn('demo-collector');
});
afterAll(() => runtime.stop());

/** Types a query into the box and presses Enter, as a person does; answers once the results (or "nothing") show. */
const searchFor = async (text: string) => {
  // The search screen itself, not the screen before it whose heading is still up while the address changes.
  await page.getByRole('heading', { level: 1, name: 'Search', exact: true }).waitFor();
  const box = page.getByLabel('Find a customer, invoice or case');
  await box.fill(text);
  await box.press('Enter');
  await page.waitForURL((url) => new URL(url).hash === `#/search?${new URLSearchParams({ q: text })}`);
  await page.locator('main [role="status"]').filter({ hasText: text }).waitFor();
};
const results = (group: string) =>
  page.getByRole('region', { name: new RegExp(`^Matched by ${group}`) }).getByRole('link');

describe('search', () => {
  it('finds a customer by phone as typed with spaces, and never the other tenant’s', async () => {
    await runtime.goto(page, '/search');
    await searchFor('+47 912 34 567');
    await expect(results('phone number').allInnerTexts()).resolves.toEqual(['Kari Ødegård-Nilsen']);
    expect(await results('phone number').first().getAttribute('href')).toBe('#/customers/cus-kari');
    await expect(page.locator('main').innerText()).resolves.not.toContain('Rivalsen');
    await runtime.audit('search', page);
    await screenshot(page, 'console-search');
  });

  it('finds customers by the beginning of a name, without accents', async () => {
    await searchFor('odeg');
    await expect(results('name').allInnerTexts()).resolves.toEqual(['Kari Ødegård-Nilsen']);
    await searchFor('Ber');
    await expect(results('name').allInnerTexts()).resolves.toEqual(['Lars Berg']);
  });

  it('finds an invoice by its id, and a case by the RF reference as a payer quotes it', async () => {
    await searchFor('INV-2003');
    await expect(results('invoice id').allInnerTexts()).resolves.toEqual(['Lars Berg']);
    expect(await results('invoice id').first().getAttribute('href')).toBe('#/customers/cus-lars');
    await searchFor(formatReference(invoiceCaseReference(CONSOLE_TENANT.tenantId, 'INV-2001')));
    await expect(results('payment reference').allInnerTexts()).resolves.toEqual(['Kari Ødegård-Nilsen']);
    expect(await results('payment reference').first().getAttribute('href')).toBe(`#/cases/${caseId}`);
  });

  it('says plainly when nothing is found, also for another tenant’s customer', async () => {
    await searchFor('Rivalsen');
    await expect(page.locator('.search-none').innerText()).resolves.toContain('Nothing found for “Rivalsen”');
    await runtime.audit('search (nothing found)', page);
  });
});

describe('tasks', () => {
  it("shows the collector the ladder's calls, overdue and due today first, and closes one in one click", async () => {
    await runtime.goto(page, '/tasks');
    const rows = page.locator('main tbody tr');
    await rows.first().waitFor();
    await expect(rows.count()).resolves.toBe(2);
    const kari = rows.filter({ hasText: 'INV-2001' });
    await kari.getByRole('link', { name: 'Kari Ødegård-Nilsen' }).waitFor();
    expect(await kari.getByRole('link', { name: /^Call/ }).getAttribute('href')).toBe(`#/cases/${caseId}`);
    // The calls fell due yesterday on the runtime's clock: they lead the screen as overdue or due today, none later.
    await expect(
      page
        .getByRole('region', { name: /^Coming up/ })
        .locator('tbody tr')
        .count(),
    ).resolves.toBe(0);
    await runtime.audit('tasks', page);
    await screenshot(page, 'console-tasks');

    await kari.getByRole('button', { name: 'Done: call about invoice INV-2001' }).click();
    await page.getByRole('status').filter({ hasText: 'about invoice INV-2001 marked done' }).waitFor();
    await expect(rows.count()).resolves.toBe(1);
    await expect(rows.first().innerText()).resolves.toContain('INV-2002');
    // The API agrees, and a reload shows the same.
    const mine = await runtime.as('demo-collector', 'GET', '/v1/tasks?assignee=me');
    expect(mine.body.items.map((task: { invoiceId: string }) => task.invoiceId)).toEqual(['INV-2002']);
    await page.reload();
    await rows.first().waitFor();
    await expect(rows.count()).resolves.toBe(1);
  });

  it('lets a manager see the team’s tasks with whose they are', async () => {
    await runtime.session.close();
    page = await runtime.signIn('demo-manager');
    await runtime.goto(page, '/tasks?view=team');
    const row = page.locator('main tbody tr').filter({ hasText: 'INV-2002' });
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain('demo-collector');
    await runtime.audit('tasks (team)', page);
    expect(runtime.axeReport()).toEqual({});
  });
});
