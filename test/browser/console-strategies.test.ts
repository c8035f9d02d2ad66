// A manager's strategies in Chromium: the default ladder opened, a step's day changed with the preview's date moving as
// typed, saved and read back from the API; a bad edit shown at its very field and refused on Save with nothing
// changed; a new one created with amounts typed in major units; a collector sees the editor read-only. axe on both
// screens; screenshots of each.
import type { Page } from 'playwright-core';
import { ConsoleRuntime } from './console-harness';
import { screenshot } from './harness';

jest.setTimeout(180_000);

const runtime = new ConsoleRuntime();
beforeAll(async () => {
  await runtime.start();
  // Contact hours from 10:00, so the 09:00 send time is moved for every step that reaches the customer.
  const patched = await runtime.as('demo-manager', 'PATCH', '/v1/tenant', {
    quietHours: { start: '10:00', end: '18:00' },
  });
  expect(patched.status).toBe(200);
});
afterAll(() => runtime.stop());

const readDefault = async () => (await runtime.as('demo-manager', 'GET', '/v1/strategies/default')).body;

/** The input of a field by its API path, as the editor names it. */
const field = (page: Page, path: string) => page.locator(`#st-${path.replace(/\./g, '-')}`);

const previewDate = (page: Page, stepId: string, date: string) =>
  page.locator(`tr[data-step="${stepId}"] td.local-date[data-date="${date}"]`).waitFor();

/** The refusal shown beside a field: its input marked invalid and described by the message. */
const refusalAt = async (page: Page, path: string) => {
  const input = field(page, path);
  await page.locator(`#st-${path.replace(/\./g, '-')}[aria-invalid="true"]`).waitFor();
  const describedBy = await input.getAttribute('aria-describedby');
  return page.locator(`[id="${describedBy}"]`).innerText();
};

describe('strategies in the console', () => {
  it("lists the tenant's ladders with what each applies to and its steps", async () => {
    const page = await runtime.signIn('demo-manager');
    await runtime.goto(page, '/strategies');
    const row = page.locator('tr[data-strategy="default"]');
    await row.waitFor();
    await expect(row.innerText()).resolves.toMatch(/Default ladder[\s\S]*every invoice no other strategy fits/);
    await expect(row.locator('ol.step-summary li').count()).resolves.toBe(9);
    await runtime.audit('strategies', page);
    await screenshot(page, 'console-strategies');
  });

  it("changes a step's day, sees the preview's date move as typed, saves, and the API has the change", async () => {
    const page = await runtime.session.page('desktop');
    await page.locator('tr[data-strategy="default"] a').click();
    await page.locator('main h1', { hasText: 'Default ladder' }).waitFor();
    await field(page, 'sample.dueDate').fill('2026-12-01');
    await field(page, 'sample.timeZone').fill('Europe/Oslo');
    await previewDate(page, 'overdue', '2026-12-02');
    const overdue = page.locator('tr[data-step="overdue"]');
    // The contact hours moved the 09:00 send time; a letter is bound by no hours.
    await expect(overdue.locator('.local-time').innerText()).resolves.toContain('10:00');
    await expect(overdue.innerText()).resolves.toContain('moved from 09:00 by the contact hours');
    await expect(page.locator('tr[data-step="final-notice-letter"] .local-time').innerText()).resolves.toContain(
      '09:00',
    );
    // 2 % of the sample's 1,000.00.
    await expect(page.locator('tr[data-step="late-fee"] .money').getAttribute('data-minor')).resolves.toBe('2000');

    expect(await field(page, 'steps.1.id').inputValue()).toBe('overdue');
    await field(page, 'steps.1.offsetDays').fill('2');
    await previewDate(page, 'overdue', '2026-12-03');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved: version 2 of Default ladder.').waitFor();
    const stored = await readDefault();
    expect(stored.version).toBe(2);
    expect(stored.steps[1]).toEqual({ id: 'overdue', offsetDays: 2, channel: 'email', template: 'overdue' });
    await screenshot(page, 'console-strategy');
  });

  it('shows a bad edit at its very field, and Save is refused with nothing changed', async () => {
    const page = await runtime.session.page('desktop');
    const before = await readDefault();
    // A negative fee: refused by the schema, said beside the fee's percent as it is typed.
    await field(page, 'steps.4.fee.percent').fill('-5');
    await expect(refusalAt(page, 'steps.4.fee.percent')).resolves.toBe('must be greater than zero');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('the API refused to save.').waitFor();
    await expect(refusalAt(page, 'steps.4.fee.percent')).resolves.toBe('must be greater than zero');
    await runtime.audit('strategy (refused)', page);
    expect(await readDefault()).toEqual(before);

    // A repeated step id and a step earlier than the one before it: each named at its own field.
    await field(page, 'steps.4.fee.percent').fill('2');
    await field(page, 'steps.2.id').fill('overdue');
    await expect(refusalAt(page, 'steps.2.id')).resolves.toBe('repeats step id "overdue"');
    await field(page, 'steps.3.offsetDays').fill('3');
    await expect(refusalAt(page, 'steps.3.offsetDays')).resolves.toBe('must not be earlier than the step before it');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('the API refused to save.').waitFor();
    expect(await readDefault()).toEqual(before);
  });

  it('creates a strategy: amounts typed in major units are sent as minor units, steps added and reordered', async () => {
    const page = await runtime.session.page('desktop');
    await runtime.goto(page, '/strategies');
    await page.getByRole('link', { name: 'New strategy' }).click();
    await page.locator('main h1', { hasText: 'New strategy' }).waitFor();
    await field(page, 'path.strategyId').fill('big-debts');
    await field(page, 'name').fill('Big debts');
    await field(page, 'appliesTo.minAmount').fill('5 000.00');
    await page.getByRole('button', { name: 'Add a step' }).click();
    await field(page, 'steps.1.id').fill('fee-call');
    await field(page, 'steps.1.channel').selectOption('call');
    await field(page, 'steps.1.fee').selectOption('amount');
    await field(page, 'steps.1.fee.amount').fill('12.50');
    await page.locator('tr[data-step="fee-call"] .money[data-minor="1250"]').waitFor();
    // Moved above the day-1 step, the day-8 call puts the ladder out of order: said at the step that is now early.
    await page.getByRole('button', { name: 'Move fee-call up' }).click();
    await expect(refusalAt(page, 'steps.1.offsetDays')).resolves.toBe('must not be earlier than the step before it');
    await page.getByRole('button', { name: 'Move overdue up' }).click();
    await page.locator('#st-steps-1-offsetDays:not([aria-invalid])').waitFor();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('main h1', { hasText: 'Big debts' }).waitFor();
    expect(page.url()).toContain('#/strategies/big-debts');
    const stored = (await runtime.as('demo-manager', 'GET', '/v1/strategies/big-debts')).body;
    expect(stored).toMatchObject({
      name: 'Big debts',
      appliesTo: { minAmount: 500_000 },
      steps: [
        { id: 'overdue', offsetDays: 1, channel: 'email', template: 'overdue' },
        { id: 'fee-call', offsetDays: 8, channel: 'call', fee: { amount: 1_250 } },
      ],
    });
  });

  it('shows a collector the editor read-only, with the preview', async () => {
    await runtime.session.close();
    const page = await runtime.signIn('demo-collector');
    await runtime.goto(page, '/strategies');
    await expect(page.getByRole('link', { name: 'New strategy' }).count()).resolves.toBe(0);
    await page.locator('tr[data-strategy="default"] a').click();
    await page.locator('main h1', { hasText: 'Default ladder' }).waitFor();
    await page.locator('tr[data-step="overdue"]').waitFor();
    await expect(page.getByRole('button', { name: 'Save' }).count()).resolves.toBe(0);
    await expect(field(page, 'steps.1.offsetDays').isDisabled()).resolves.toBe(true);
    await expect(field(page, 'name').isDisabled()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Add a step' }).count()).resolves.toBe(0);
    await runtime.audit('strategy (collector)', page);
    expect(runtime.axeReport()).toEqual({});
  });
});
