// A manager's dispute in Chromium: a credit above the tenant's approval limit, opened and proposed by one manager, is
// refused to that manager (four eyes, said plainly on screen) and approved by a second manager.
import type { Page } from 'playwright-core';
import { ConsoleRuntime } from './console-harness';

jest.setTimeout(180_000);

const runtime = new ConsoleRuntime({
  clockStart: '2026-12-01T09:00:00Z',
  users:
    'demo:demo-manager:manager:Mia Manager,demo:demo-manager-2:manager:Noah Second,demo:demo-collector:collector:Colin Collector',
});

let caseId = '';
let balanceBefore = 0;

beforeAll(async () => {
  await runtime.start();
  await runtime.partner.call('PUT', '/v1/customers/dsp-kari', {
    name: 'Kari Nordmann AS',
    kind: 'business',
    email: 'kari@example.no',
    timeZone: 'Europe/Oslo',
  });
  await runtime.partner.call('PUT', '/v1/invoices/inv-dsp-kari', {
    customerId: 'dsp-kari',
    amount: 500_000,
    currency: 'EUR',
    issuedAt: '2026-10-01',
    dueDate: '2026-11-15',
  });
  await runtime.partner.call('PUT', '/v1/collectors/demo-collector', { name: 'Colin Collector', capacity: 50 });
  await runtime.advance('PT1H');
  caseId = (await runtime.partner.call('GET', '/v1/invoices/inv-dsp-kari')).delinquencyId;
});
afterAll(() => runtime.stop());

const decide = async (page: Page, credit: string) => {
  await page.getByRole('radio', { name: /^Accept/ }).check();
  await page.getByLabel('Credit (EUR, optional)').fill(credit);
  await page.getByRole('button', { name: 'Decide' }).click();
};

describe('a dispute credit above the limit', () => {
  it('opened and proposed by one manager, is refused to that manager', async () => {
    const { disputeApprovalAbove } = (await runtime.as('demo-manager', 'GET', '/v1/tenant')).body;
    expect(disputeApprovalAbove).toBeLessThan(150_000);
    const page = await runtime.signIn('demo-manager', 'desktop');
    await runtime.goto(page, `/cases/${caseId}`);
    await page.getByRole('heading', { level: 1, name: 'Case of Kari Nordmann AS' }).waitFor();
    await page.getByLabel('What the customer disputes').fill('the October delivery never arrived');
    await page.getByRole('button', { name: 'Open dispute' }).click();
    await page.getByRole('heading', { name: 'Decide the dispute' }).waitFor();
    await expect(page.locator('.badge.status-disputed').isVisible()).resolves.toBe(true);
    await runtime.audit('case with an open dispute (manager)', page);
    await decide(page, '1500.00');
    const refusal = page.getByRole('alert').filter({ hasText: 'Four eyes' });
    await refusal.waitFor();
    await expect(refusal.innerText()).resolves.toContain('Four eyes: a second manager must decide this credit.');
    await runtime.audit('case with a credit refused for four eyes (manager)', page);
    const view = (await runtime.as('demo-manager', 'GET', `/v1/delinquencies/${caseId}`)).body;
    expect(view.disputes).toEqual([expect.objectContaining({ status: 'open' })]);
    balanceBefore = view.balance;
    expect(balanceBefore).toBeGreaterThan(150_000);
  });

  it('is approved by a second manager, named on the timeline', async () => {
    await runtime.session.close();
    const page = await runtime.signIn('demo-manager-2', 'desktop');
    await runtime.goto(page, `/cases/${caseId}`);
    await page.getByRole('heading', { name: 'Decide the dispute' }).waitFor();
    await decide(page, '1500.00');
    const accepted = page.locator('li[data-kind="dispute.accepted"]');
    await accepted.waitFor();
    await expect(accepted.innerText()).resolves.toContain('Noah Second');
    await expect(page.getByRole('heading', { name: 'Decide the dispute' }).count()).resolves.toBe(0);
    const view = (await runtime.as('demo-manager-2', 'GET', `/v1/delinquencies/${caseId}`)).body;
    expect(view.disputes).toEqual([
      expect.objectContaining({ status: 'accepted', adjustment: 150_000, resolvedByPerson: 'person:demo-manager-2' }),
    ]);
    await expect(page.getByTestId('balance-inv-dsp-kari').locator('.money').getAttribute('data-minor')).resolves.toBe(
      String(view.balance),
    );
    expect(view.balance).toBe(balanceBefore - 150_000);
    await runtime.audit('case after the credit (second manager)', page);
  });

  it('lets the manager reassign, hold and release, and hand the case off with a reason, each refused field shown', async () => {
    const page = await runtime.session.page('desktop');
    await page.getByLabel('Collector').selectOption('demo-collector');
    await page.getByRole('button', { name: 'Reassign' }).click();
    await page.locator('dd', { hasText: 'Colin Collector' }).waitFor();
    // A hold without a reason is refused by field, and nothing changes.
    await page.getByRole('button', { name: 'Put on hold' }).click();
    await page.locator('#hold-reason-error').waitFor();
    await expect(page.getByLabel('Reason', { exact: true }).first().getAttribute('aria-invalid')).resolves.toBe('true');
    await runtime.audit('case with a refused hold (manager)', page);
    await page.locator('#hold-reason').fill('customer in hospital');
    await page.getByRole('button', { name: 'Put on hold' }).click();
    await page.locator('.badge.status-paused').waitFor();
    await page.getByRole('button', { name: 'Release the hold' }).click();
    await page.locator('.badge.status-active').waitFor();
    await page.locator('#close-reason').fill('moved abroad');
    await page.locator('#close-agency').fill('Lindorff');
    await page.getByRole('button', { name: 'Hand off' }).click();
    await page.locator('.badge.status-handed_off').waitFor();
    await expect(page.getByRole('heading', { name: 'Actions' }).count()).resolves.toBe(0);
    const handedOff = page.locator('li[data-kind="delinquency.handed_off"]');
    await expect(handedOff.innerText()).resolves.toContain('Noah Second');
    await expect(handedOff.innerText()).resolves.toContain('moved abroad');
    await runtime.audit('case handed off (manager)', page);
    expect(runtime.axeReport()).toEqual({});
  });
});
