// The customer's pay page, per locale: what is owed and why, a way to pay, and self-service: promise a date, dispute.
import { formatMoney } from '../money';
import type { TemplateLocale } from './templates';

export interface PayPageFacts {
  token: string;
  tenant: string;
  invoiceId: string;
  dueDate: string;
  currency: string;
  amount: number;
  paid: number;
  fees: number;
  interest: number;
  balance: number;
  /** The tenant's own checkout, if it has one. */
  checkoutUrl: string | null;
  /** What the case is doing now: only an active one offers a promise or a dispute. */
  caseStatus: 'none' | 'active' | 'promised' | 'in_plan' | 'disputed' | 'closed';
  promise: { amount: number; date: string } | null;
  /** A message from the last form posted (a refusal, in words). */
  notice: string | null;
}

const WORDS: Partial<Record<TemplateLocale, Record<string, string>>> & { en: Record<string, string> } = {
  en: {
    title: 'Invoice {invoice}',
    due: 'Due date',
    amount: 'Invoice amount',
    paid: 'Paid',
    fees: 'Fees',
    interest: 'Interest',
    balance: 'To pay now',
    settled: 'Nothing is owed on this invoice. Thank you.',
    pay: 'Pay now',
    transfer: 'Pay by bank transfer to {tenant}, quoting invoice {invoice}.',
    promiseTitle: 'Need a little more time?',
    promiseText: 'Promise to pay the full amount by a date, and we will not send reminders until then.',
    promiseButton: 'Promise to pay',
    promised: 'You promised to pay {amount} by {date}. Thank you: no reminders until then.',
    plan: 'You have a payment plan for this invoice. Reminders come before each instalment.',
    disputeTitle: 'Something wrong with this invoice?',
    disputeButton: 'Tell us',
    disputed: 'You told us something is wrong with this invoice. We are looking into it; reminders are paused.',
    closed: 'This invoice is no longer handled here; please contact {tenant}.',
    nothingTitle: 'Nothing to pay',
    nothing: 'There is nothing to pay here. This link is no longer in use.',
  },
  nb: {
    title: 'Faktura {invoice}',
    due: 'Forfallsdato',
    amount: 'Fakturabeløp',
    paid: 'Betalt',
    fees: 'Gebyrer',
    interest: 'Renter',
    balance: 'Å betale nå',
    settled: 'Det gjenstår ingenting på denne fakturaen. Takk.',
    pay: 'Betal nå',
    transfer: 'Betal med bankoverføring til {tenant}, merket faktura {invoice}.',
    promiseTitle: 'Trenger du litt mer tid?',
    promiseText: 'Lov å betale hele beløpet innen en dato, så sender vi ingen påminnelser før da.',
    promiseButton: 'Lov å betale',
    promised: 'Du har lovet å betale {amount} innen {date}. Takk: ingen påminnelser før da.',
    plan: 'Du har en nedbetalingsplan for denne fakturaen. Påminnelser kommer før hvert avdrag.',
    disputeTitle: 'Er noe galt med fakturaen?',
    disputeButton: 'Gi oss beskjed',
    disputed: 'Du har sagt fra om at noe er galt med fakturaen. Vi ser på det; påminnelser er stanset.',
    closed: 'Fakturaen håndteres ikke lenger her; kontakt {tenant}.',
    nothingTitle: 'Ingenting å betale',
    nothing: 'Det er ingenting å betale her. Lenken er ikke lenger i bruk.',
  },
};

const escapeHtml = (value: string): string =>
  value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

export const renderPayPage = (facts: PayPageFacts, locale: TemplateLocale, intlLocale: string): string => {
  const words = WORDS[locale] ?? WORDS.en;
  const say = (key: string, values: Record<string, string> = {}) =>
    escapeHtml((words[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole));
  const money = (minor: number) => escapeHtml(formatMoney(minor, facts.currency, intlLocale));
  const common = { invoice: facts.invoiceId, tenant: facts.tenant };
  const rows = [
    ['due', escapeHtml(facts.dueDate)],
    ['amount', money(facts.amount)],
    ['paid', money(facts.paid)],
    ['fees', money(facts.fees)],
    ['interest', money(facts.interest)],
  ]
    .map(
      ([key, value]) =>
        `<tr><th style="text-align:left;font-weight:normal">${say(key!)}</th><td style="text-align:right">${value}</td></tr>`,
    )
    .join('');
  const action = `/v1/pay/${facts.token}`;
  const parts: string[] = [];
  if (facts.balance <= 0) parts.push(`<p>${say('settled')}</p>`);
  else {
    parts.push(
      facts.checkoutUrl
        ? `<p><a href="${escapeHtml(facts.checkoutUrl)}" style="display:inline-block;padding:.6em 1.2em;background:#1a5fb4;color:#fff;text-decoration:none;border-radius:4px">${say('pay')}</a></p>`
        : `<p>${say('transfer', common)}</p>`,
    );
    if (facts.caseStatus === 'promised' && facts.promise)
      parts.push(
        `<p>${say('promised', { amount: formatMoney(facts.promise.amount, facts.currency, intlLocale), date: facts.promise.date })}</p>`,
      );
    if (facts.caseStatus === 'in_plan') parts.push(`<p>${say('plan')}</p>`);
    if (facts.caseStatus === 'disputed') parts.push(`<p>${say('disputed')}</p>`);
    if (facts.caseStatus === 'closed') parts.push(`<p>${say('closed', common)}</p>`);
    if (facts.caseStatus === 'active') {
      parts.push(
        `<h2>${say('promiseTitle')}</h2><p>${say('promiseText')}</p>`,
        `<form method="post" action="${action}/promise"><input type="date" name="date" required> <button type="submit">${say('promiseButton')}</button></form>`,
        `<h2>${say('disputeTitle')}</h2>`,
        `<form method="post" action="${action}/dispute"><textarea name="reason" required maxlength="500" rows="3" style="width:100%"></textarea><br><button type="submit">${say('disputeButton')}</button></form>`,
      );
    }
  }
  return [
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">`,
    `<title>${say('title', common)}</title></head><body style="font-family:sans-serif;line-height:1.5;max-width:32em;margin:2em auto;padding:0 1em">`,
    `<p>${escapeHtml(facts.tenant)}</p><h1>${say('title', common)}</h1>`,
    facts.notice ? `<p role="alert" style="padding:.6em;background:#fdecea">${escapeHtml(facts.notice)}</p>` : '',
    `<table style="width:100%">${rows}<tr><th style="text-align:left">${say('balance')}</th><td style="text-align:right"><strong>${money(facts.balance)}</strong></td></tr></table>`,
    ...parts,
    '</body></html>',
  ].join('\n');
};

/**
 * The page of a link that no longer works (its invoice closed, its customer erased): no figures, no names, no forms,
 * since whoever holds an old link learns nothing from it.
 */
export const renderNothingToPay = (locale: TemplateLocale): string => {
  const words = WORDS[locale] ?? WORDS.en;
  return [
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">`,
    `<title>${escapeHtml(words.nothingTitle!)}</title></head><body style="font-family:sans-serif;line-height:1.5;max-width:32em;margin:2em auto;padding:0 1em">`,
    `<h1>${escapeHtml(words.nothingTitle!)}</h1><p>${escapeHtml(words.nothing!)}</p>`,
    '</body></html>',
  ].join('\n');
};
