// A customer's overdue e-mail, opened in Chromium: the e-mail itself (its picture goes into docs/ for the README), then
// the page its link leads to at phone and desktop widths, with axe-core's serious and critical findings.
import { openCase, type OpenedCase } from './cases';
import { BrowserSession, SCREENS, emailHtmlUrl, portalLinkIn, screenshot, seriousAxeFindings } from './harness';

const session = new BrowserSession();
afterAll(() => session.close());
jest.setTimeout(120_000);

describe('the overdue e-mail and the page behind its link', () => {
  let debt: OpenedCase;

  beforeAll(async () => {
    debt = await openCase(
      'browser-overdue',
      { name: 'Ingrid Berg', email: 'ingrid.berg@example.com', locale: 'en-GB' },
      { amount: 125_050, currency: 'EUR', description: 'Electricity, November 2026' },
    );
  });

  it('renders the e-mail in a browser, its button the portal link', async () => {
    const { page, status } = await session.open(emailHtmlUrl(debt.email), 'desktop');
    expect(status).toBe(200);
    await expect(page.locator('body').innerText()).resolves.toContain(debt.invoiceId);
    const link = portalLinkIn(debt.email);
    expect(await page.locator(`a[href="${link}"]`).count()).toBeGreaterThan(0);
    // A mail program's reading pane, narrower than the desktop page.
    await page.setViewportSize({ width: 640, height: 800 });
    await screenshot(page, 'email');
    await page.setViewportSize(SCREENS.desktop);
  });

  it.each(['phone', 'desktop'] as const)('opens the link at %s width and shows the invoice', async (screen) => {
    const { page, status } = await session.open(portalLinkIn(debt.email), screen);
    expect(status).toBe(200);
    const text = await page.locator('body').innerText();
    expect(text).toContain(debt.invoiceId);
    expect(text).toMatch(/1,250\.50/);
    await screenshot(page, `portal-${screen}`);
  });

  it.each(['phone', 'desktop'] as const)('has no serious or critical axe-core finding at %s width', async (screen) => {
    const { page } = await session.open(portalLinkIn(debt.email), screen);
    // KNOWN FINDING of the pay page before the portal (issue 15 replaces it): its date field and its dispute text box
    // have no label. Once the link leads to the portal this expectation becomes [].
    expect(await seriousAxeFindings(page)).toEqual([
      { rule: 'label', impact: 'critical', help: 'Form elements must have labels', targets: ['input', 'textarea'] },
    ]);
  });
});
