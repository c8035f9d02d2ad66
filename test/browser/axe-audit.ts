// Every portal page a test passes through, checked by axe-core at phone and desktop widths in pages of its own (so the
// test's own page stays where it is); the findings are kept by page and screen for one assertion that names them all.
import type { Page } from 'playwright-core';
import { BrowserSession, SCREENS, seriousAxeFindings, type AxeFinding, type Screen } from './harness';

export class AxeAudit {
  private readonly session = new BrowserSession();
  private readonly findings: Record<string, AxeFinding[]> = {};
  readonly audited: string[] = [];

  /** Opens the page's URL again (a GET: the pages after a form are where its redirect led) and runs axe-core on it. */
  async check(name: string, url: string): Promise<void> {
    for (const screen of Object.keys(SCREENS) as Screen[]) {
      const { page } = await this.session.open(url, screen);
      const found = await seriousAxeFindings(page);
      if (found.length > 0) this.findings[`${name} (${screen})`] = found;
    }
    this.audited.push(name);
  }

  /**
   * Runs axe-core on a page as it stands (an answer to a form, which a GET cannot open again) at both widths, the page
   * laid out anew at each, then gives it back its own size.
   */
  async checkInPlace(name: string, page: Page): Promise<void> {
    const own = page.viewportSize();
    for (const screen of Object.keys(SCREENS) as Screen[]) {
      await page.setViewportSize(SCREENS[screen]);
      const found = await seriousAxeFindings(page);
      if (found.length > 0) this.findings[`${name} (${screen})`] = found;
    }
    if (own) await page.setViewportSize(own);
    this.audited.push(name);
  }

  /** Serious and critical findings by "page (screen)"; {} when there are none. */
  report(): Record<string, AxeFinding[]> {
    return this.findings;
  }

  close(): Promise<void> {
    return this.session.close();
  }
}
