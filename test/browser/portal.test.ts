// A debtor settles or arranges a debt in Chromium from the link in the overdue e-mail: the e-mail itself, the portal's
// card payment through Checkout (whole and part), a promise, a three-instalment plan paid through, a dispute, SMS
// stopped, and a refusal in Norwegian; each outcome read back through the partner API as a collector would see it, every
// page checked by axe-core. One file, so its tests run in order on one virtual clock (the runtime has one), which keeps
// the README's pictures the same from run to run.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { compactLadder } from '../fixtures/compact-ladder';
import { AxeAudit } from './axe-audit';
import { caseView, clockNow, executionsOf, openCase, type OpenedCase } from './cases';
import { payOnCheckout } from './checkout-page';
import {
  BrowserSession,
  SCREENS,
  advanceUntil,
  emailHtmlUrl,
  emailsTo,
  partner,
  portalLinkIn,
  runtimeUrl,
  screenshot,
} from './harness';

jest.setTimeout(180_000);

const session = new BrowserSession();
const audit = new AxeAudit();
afterAll(async () => {
  await audit.close();
  await session.close();
});

/**
 * The ladder of the debtors whose test waits for a later step: the demo ladder's overdue e-mail, text message and
 * second reminder a day apart instead of spread over ten days (each day of waiting is 24 hourly runs on the clock).
 */
const COMPACT = 'portal-compact';
const COMPACT_LADDER = compactLadder(COMPACT, { overdue: 1, 'overdue-sms': 2, 'second-reminder': 3 });
beforeAll(async () => {
  expect((await partner.call('PUT', `/v1/strategies/${COMPACT}`, COMPACT_LADDER)).id).toBe(COMPACT);
});

const customer = (id: string, extra: { locale?: string; phone?: string; segment?: string } = {}) => ({
  name: 'Ingrid Berg',
  email: `${id}@example.com`,
  locale: 'en-GB',
  ...extra,
});

/** Adds days to a calendar date (YYYY-MM-DD). */
const plusDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const bodyText = (page: Page) => page.locator('body').innerText();

/** Submits the form a button belongs to and waits for the page it leads to (a redirect's, or the answer itself). */
const press = async (page: Page, button: string, arrival: RegExp) => {
  try {
    await Promise.all([
      page.waitForURL(arrival, { timeout: 15_000 }),
      page.getByRole('button', { name: button, exact: true }).click(),
    ]);
  } catch (error) {
    // What the customer saw instead says more than a timeout.
    throw new Error(`"${button}" led to ${page.url()}, not ${arrival}:\n${await bodyText(page)}`, { cause: error });
  }
};

describe('the debtor portal, from the overdue e-mail', () => {
  // The first case of the run, opened on the clock's first day: the pictures for the README are taken of it.
  let first: OpenedCase;
  beforeAll(async () => {
    first = await openCase('browser-card-full', customer('browser-card-full'), {
      amount: 125_050,
      currency: 'EUR',
      description: 'Electricity, November 2026',
    });
  });

  it('renders the overdue e-mail in a browser, its button the portal link', async () => {
    const { page, status } = await session.open(emailHtmlUrl(first.email), 'desktop');
    expect(status).toBe(200);
    const text = await bodyText(page);
    expect(text).toContain(first.invoiceId);
    expect(text).toContain('Nordlys Energi');
    expect(await page.locator(`a[href="${portalLinkIn(first.email)}"]`).count()).toBeGreaterThan(0);
    // A mail program's reading pane, narrower than the desktop page.
    await page.setViewportSize({ width: 640, height: 800 });
    await screenshot(page, 'email');
    await page.setViewportSize(SCREENS.desktop);
  });

  it('pays the whole case by card: the case resolves, its execution ends, one receipt', async () => {
    const debt = first;
    const { page } = await session.open(portalLinkIn(debt.email), 'phone');
    const text = await bodyText(page);
    expect(text).toContain(debt.invoiceId);
    expect(text).toContain('Electricity, November 2026');
    // A phone's first screen, as the link opens; the desktop picture is the whole page.
    await screenshot(page, 'portal-phone', { fullPage: false });
    await audit.check('case', page.url());
    const desktop = await session.open(page.url(), 'desktop');
    await screenshot(desktop.page, 'portal-desktop');

    await expect(page.getByLabel('Amount', { exact: true }).inputValue()).resolves.toBe('1250.50');
    await press(page, 'Pay by card', /\/c\/pay\//);
    await payOnCheckout(page);
    expect(await bodyText(page)).toContain('We have received your payment of €1,250.50');
    await audit.check('receipt', page.url());

    // The webhook landed before the redirect; a moment on the clock lets the woken execution finish its pass.
    await partner.advance('PT1M');
    const view = await caseView(debt.delinquencyId);
    expect(view).toMatchObject({ status: 'resolved', balance: 0 });
    expect((await executionsOf(debt.delinquencyId)).map((execution) => execution.status)).toEqual(['SUCCEEDED']);
    await partner.advance('P2D');
    const receipts = (await emailsTo(debt.customerId)).filter((message) => message.step === 'receipt');
    expect(receipts).toHaveLength(1);
    // The same link once nothing is owed, and a link that was never ours.
    await audit.check('case paid', portalLinkIn(debt.email));
    await audit.check('unknown link', `${runtimeUrl()}/portal/not-a-token`);
  });

  it('pays part by card: the balance drops and escalation goes on', async () => {
    const debt = await openCase('browser-card-part', customer('browser-card-part', { segment: COMPACT }), {
      amount: 125_050,
      currency: 'EUR',
    });
    const { page } = await session.open(portalLinkIn(debt.email), 'phone');
    // A change of mind on the card page first: back to the portal, nothing charged.
    await press(page, 'Pay by card', /\/c\/pay\//);
    await Promise.all([page.waitForURL(/done=cancelled/), page.getByRole('link', { name: 'Back' }).click()]);
    expect(await bodyText(page)).toContain('The card payment was cancelled, and nothing was charged.');
    await audit.check('card payment cancelled', page.url());
    await page.getByLabel('Amount', { exact: true }).fill('500.00');
    await press(page, 'Pay by card', /\/c\/pay\//);
    await payOnCheckout(page);
    expect(await bodyText(page)).toContain('We have received your payment of €500.00');

    await partner.advance('PT1M');
    const view = await caseView(debt.delinquencyId);
    expect(view.balance).toBe(75_050);
    expect(view.status).toBe('active');
    const next = await advanceUntil((messages) =>
      messages.find((message) => message.customerId === debt.customerId && message.step === 'second-reminder'),
    );
    expect(next.channel).toBe('email');
    const { page: later } = await session.open(portalLinkIn(next), 'phone');
    expect(await bodyText(later)).toMatch(/750\.50/);
  });

  it('promises a date: the case pauses, the promise is on the delinquency and its timeline', async () => {
    const debt = await openCase('browser-promise', customer('browser-promise'), { amount: 40_000, currency: 'EUR' });
    const { page } = await session.open(portalLinkIn(debt.email), 'phone');
    const date = plusDays((await clockNow()).slice(0, 10), 14);
    await page.getByLabel('Date', { exact: true }).fill(date);
    await press(page, 'Promise to pay', /done=promise/);
    expect(await bodyText(page)).toContain('Your promise to pay has been recorded');
    await audit.check('promise made', page.url());

    const view = await caseView(debt.delinquencyId);
    expect(view.status).toBe('promised');
    expect(view.promises).toEqual([expect.objectContaining({ date, amount: 40_000 })]);
    expect(view.timeline.map((entry) => entry.kind)).toContain('promise.made');
  });

  it('sets up a three-instalment plan, shown before agreeing, then pays each instalment from its reminder', async () => {
    // The tenant's rules set the span: nine days puts the instalments three days apart (the demo tenant's 180 days would
    // put them a month apart, three months of hourly runs on the clock). Put back at the end.
    const rules = (await partner.call('GET', '/v1/tenant')).selfServicePlans;
    expect((await partner.call('PATCH', '/v1/tenant', { selfServicePlans: { maxDays: 9 } })).selfServicePlans).toEqual({
      ...rules,
      maxDays: 9,
    });
    const debt = await openCase('browser-plan', customer('browser-plan'), { amount: 90_000, currency: 'EUR' });
    const { page } = await session.open(portalLinkIn(debt.email), 'phone');
    await page.getByLabel('Number of instalments', { exact: true }).selectOption('3');
    await press(page, 'See the plan', /\/plan\?installments=3/);
    expect(await page.getByRole('row').count()).toBe(4); // a header and three instalments
    await audit.check('plan preview', page.url());
    await press(page, 'Agree to this plan', /done=plan/);
    expect(await bodyText(page)).toContain('Your payment plan has been agreed');
    await audit.check('plan agreed', page.url());

    let view = await caseView(debt.delinquencyId);
    expect(view.status).toBe('in_plan');
    expect(view.timeline.map((entry) => entry.kind)).toContain('plan.agreed');
    const [plan] = view.plans as { id: string; installments: { number: number; amount: number; dueDate: string }[] }[];
    expect(plan!.installments).toHaveLength(3);
    expect(plan!.installments.map((installment) => installment.dueDate)).toEqual(
      [3, 6, 9].map((days) => plusDays(plan!.installments[0]!.dueDate, days - 3)),
    );
    expect(plan!.installments.reduce((sum, installment) => sum + installment.amount, 0)).toBe(90_000);

    // No card is saved with a plan set up here: the customer pays each instalment by card from its reminder's link.
    for (const installment of plan!.installments) {
      // Straight to the eve of its reminder (three days before the instalment), then a day at a time until it is sent.
      const eve = `${plusDays(installment.dueDate, -4)}T12:00:00.000Z`;
      if ((await clockNow()) < eve) await partner.call('POST', '/local/clock/advance', { to: eve });
      const reminder = await advanceUntil((messages) =>
        messages.find(
          (message) =>
            message.customerId === debt.customerId &&
            message.channel === 'email' &&
            message.step.startsWith('plan-reminder') &&
            message.step.endsWith(`-${installment.number}`),
        ),
      );
      const { page: reminded } = await session.open(portalLinkIn(reminder), 'phone');
      await reminded.getByLabel('Amount', { exact: true }).fill((installment.amount / 100).toFixed(2));
      await press(reminded, 'Pay by card', /\/c\/pay\//);
      await payOnCheckout(reminded);
      await partner.advance('PT1M');
    }
    view = await caseView(debt.delinquencyId);
    expect(view.status).toBe('resolved');
    expect(view.plans).toEqual([expect.objectContaining({ status: 'completed' })]);
    expect(view.timeline.map((entry) => entry.kind)).toContain('plan.completed');
    await partner.call('PATCH', '/v1/tenant', { selfServicePlans: rules });
  });

  it('disputes an invoice: the case pauses with the dispute on the delinquency and its timeline', async () => {
    const debt = await openCase('browser-dispute', customer('browser-dispute'), { amount: 30_000, currency: 'EUR' });
    const { page } = await session.open(portalLinkIn(debt.email), 'phone');
    await page.getByLabel('Invoice', { exact: true }).selectOption(debt.invoiceId);
    await page.getByLabel('Reason', { exact: true }).selectOption('wrong-amount');
    await page.getByLabel('Tell us more', { exact: true }).fill('I was billed twice for the same month.');
    await press(page, 'Dispute', /done=dispute/);
    expect(await bodyText(page)).toContain('We have received your message');
    await audit.check('dispute opened', page.url());

    const view = await caseView(debt.delinquencyId);
    expect(view.status).toBe('disputed');
    expect(view.disputes).toEqual([expect.objectContaining({ status: 'open', category: 'wrong-amount' })]);
    expect(view.timeline.map((entry) => entry.kind)).toContain('dispute.opened');
  });

  it('stops SMS: no text message follows, and the skipped step is on the timeline', async () => {
    const debt = await openCase(
      'browser-no-sms',
      customer('browser-no-sms', { phone: '+447700900123', segment: COMPACT }),
      {
        amount: 30_000,
        currency: 'EUR',
      },
    );
    const { page } = await session.open(portalLinkIn(debt.email), 'phone');
    await page.getByLabel('SMS', { exact: true }).check();
    await press(page, 'Save preferences', /done=preferences/);
    expect(await bodyText(page)).toContain('Your preferences have been saved');
    await audit.check('preferences saved', page.url());

    // The compact ladder's text message falls due on day 2; the next e-mail on day 3.
    await advanceUntil((messages) =>
      messages.find((message) => message.customerId === debt.customerId && message.step === 'second-reminder'),
    );
    expect((await partner.call('GET', '/local/outbox')).messages).not.toContainEqual(
      expect.objectContaining({ customerId: debt.customerId, channel: 'sms' }),
    );
    const view = await caseView(debt.delinquencyId);
    expect(view.timeline).toContainEqual(expect.objectContaining({ kind: 'customer.opted_out', channel: 'sms' }));
    expect(view.timeline).toContainEqual(expect.objectContaining({ kind: 'step.suppressed' }));
  });

  it('answers in Norwegian, a refusal included', async () => {
    const debt = await openCase('browser-nb', customer('browser-nb', { locale: 'nb-NO' }), {
      amount: 250_000,
      currency: 'NOK',
    });
    const nb = JSON.parse(
      readFileSync(path.resolve(__dirname, '..', '..', 'shared', 'locales', 'portal', 'nb.json'), 'utf8'),
    ) as Record<string, string>;
    const { page } = await session.open(portalLinkIn(debt.email), 'phone');
    expect(await page.locator('html').getAttribute('lang')).toMatch(/^nb/);
    expect(await bodyText(page)).toContain(nb['promise.button']!);

    // A date past the tenant's rules, as a browser without date validation would send it.
    const tooLate = plusDays((await clockNow()).slice(0, 10), 400);
    await page
      .locator('form:has(input[name="date"])')
      .evaluate((form: { setAttribute(name: string, value: string): void }) => form.setAttribute('novalidate', ''));
    await page.getByLabel(nb['promise.date']!, { exact: true }).fill(tooLate);
    await press(page, nb['promise.button']!, /\/promise/);
    const refusal = await bodyText(page);
    // "Velg en dato fra {earliest} til {latest}.": the rule's own dates, written the Norwegian way.
    expect(refusal).toMatch(/Velg en dato fra \d{1,2}\. \p{L}+ \d{4} til \d{1,2}\. \p{L}+ \d{4}\./u);
    expect(refusal).toContain(nb['refuse.date']!.split('{')[0]!.trim());
    expect(refusal).not.toMatch(/Please|choose a date/);
    await audit.checkInPlace('promise refused (nb)', page);
    await audit.check('case (nb)', portalLinkIn(debt.email));
    expect((await caseView(debt.delinquencyId)).promises).toEqual([]);
  });

  it('statement: past payments, printable', async () => {
    const debt = await openCase('browser-statement', customer('browser-statement'), {
      amount: 20_000,
      currency: 'EUR',
    });
    await partner.call('POST', `/v1/invoices/${debt.invoiceId}/payments`, {
      amount: 5_000,
      currency: 'EUR',
      reference: 'bank-0001',
    });
    const { page } = await session.open(`${portalLinkIn(debt.email)}/statement`, 'phone');
    const text = await bodyText(page);
    expect(text).toContain(debt.invoiceId);
    expect(text).toMatch(/50\.00/);
    await audit.check('statement', page.url());
  });

  // Runs last in this file: every page the tests above passed through, at both widths.
  it('has no serious or critical axe-core finding on any portal page at phone or desktop width', () => {
    expect(audit.audited).toHaveLength(13);
    expect(audit.report()).toEqual({});
  });
});
