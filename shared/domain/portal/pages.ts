// The portal's pages as HTML, from facts the portal use case gathers: the case, the plan preview, the receipt, the
// statement, and the pages of links that no longer (or never did) lead anywhere. Forms only; nothing needs a script.
import { formatReference } from '../transfer-reference';
import type { PlannedInstallment } from '../self-service-plan';
import { escapeHtml, longDate, money, notice, portalHref, renderPage, word, type PortalFrame } from './layout';
import { say, type PortalWordKey } from './words';

import { DisputeCategorySchema, type DisputeCategory } from '../../schemas/dispute.schema';

export const DISPUTE_CATEGORIES: readonly DisputeCategory[] = DisputeCategorySchema.options;
export type { DisputeCategory };
/** The longest text a dispute takes from the portal. */
export const DISPUTE_TEXT_MAX = 1000;

export interface PortalInvoiceLine {
  id: string;
  description: string | null;
  dueDate: string;
  amount: number;
  fees: number;
  interest: number;
  paid: number;
  balance: number;
}

/** What the page said after the last form: a thank-you or a refusal, already in the page's language. */
export type PortalNotice = { kind: 'done' | 'refused'; text: string } | null;

export interface CasePageFacts {
  currency: string;
  lines: PortalInvoiceLine[];
  total: number;
  /** What the case is doing now: only an active case offers a promise or a plan. */
  caseStatus: 'none' | 'active' | 'promised' | 'in_plan' | 'disputed' | 'closed';
  promise: { amount: number; date: string } | null;
  /** Card payment offered (the tenant has a checkout). */
  card: boolean;
  /** The tenant's own pay page (payUrlTemplate), offered beside the rest when set. */
  ownPayUrl: string | null;
  reference: string;
  /** The promise's amount and the dates it may take, when a promise can be made. */
  promiseOffer: { amount: number; earliest: string; latest: string } | null;
  /** The plan offer: at most `most` instalments of `amount`, when the tenant's rules allow one. */
  planOffer: { amount: number; most: number } | null;
  /** The invoices a dispute may name (those with a case that takes one). */
  disputable: { id: string; description: string | null }[];
  /** Channels the customer can be reached on, and which are stopped. */
  channels: { email: 'on' | 'stopped' | 'none'; sms: 'on' | 'stopped' | 'none' };
  notice: PortalNotice;
  /** What the customer typed, given back with a refusal so nothing is lost. */
  typed: Record<string, string>;
}

const noticeHtml = (facts: { notice: PortalNotice }) =>
  facts.notice ? notice(facts.notice.kind, facts.notice.text) : '';

const hidden = (frame: PortalFrame) =>
  frame.requestedLang ? `<input type="hidden" name="lang" value="${escapeHtml(frame.requestedLang)}">` : '';

/** A form posting to a sub-path of the portal, the language carried in its address. */
const form = (frame: PortalFrame, action: string, inner: string) =>
  `<form method="post" action="${escapeHtml(portalHref(frame, action))}">${inner}</form>`;

const invoiceCard = (frame: PortalFrame, line: PortalInvoiceLine, currency: string): string => {
  const rows: [PortalWordKey, string][] = [
    ['invoice.due', longDate(frame, line.dueDate)],
    ['invoice.amount', money(frame, line.amount, currency)],
    ['invoice.fees', money(frame, line.fees, currency)],
    ['invoice.interest', money(frame, line.interest, currency)],
    ['invoice.paid', money(frame, line.paid, currency)],
    ['invoice.balance', money(frame, line.balance, currency)],
  ];
  return [
    '<section class="card">',
    `<h3>${word(frame, 'invoice.heading', { invoice: line.id })}</h3>`,
    line.description ? `<p>${escapeHtml(line.description)}</p>` : '',
    `<dl>${rows.map(([key, value]) => `<dt>${word(frame, key)}</dt><dd>${escapeHtml(value)}</dd>`).join('')}</dl>`,
    '</section>',
  ].join('');
};

/** Major units as typed in the amount field: "125.50" for 12550 EUR minor units (a dot, no grouping). */
export const typedAmount = (minor: number, digits: number): string =>
  digits === 0 ? String(minor) : (minor / 10 ** digits).toFixed(digits);

const transferSection = (frame: PortalFrame, facts: CasePageFacts): string => {
  const bank = frame.creditor?.bank;
  const rows: [PortalWordKey, string | undefined][] = bank
    ? [
        ['transfer.holder', bank.accountHolder],
        ['transfer.iban', bank.iban],
        ['transfer.bic', bank.bic],
        ['transfer.account', bank.accountNumber],
        ['transfer.sortCode', bank.sortCode],
        ['transfer.routing', bank.routingNumber],
      ]
    : [];
  rows.push(['transfer.reference', formatReference(facts.reference)]);
  return [
    `<section aria-labelledby="transfer"><h2 id="transfer">${word(frame, 'transfer.title')}</h2>`,
    `<p>${word(frame, 'transfer.text')}</p><div class="card"><dl>`,
    rows
      .filter(([, value]) => value)
      .map(([key, value]) => `<dt>${word(frame, key)}</dt><dd>${escapeHtml(value!)}</dd>`)
      .join(''),
    '</dl></div>',
    bank ? '' : `<p>${word(frame, 'transfer.none', { name: frame.creditor?.name ?? '' })}</p>`,
    '</section>',
  ].join('');
};

export const renderCasePage = (frame: PortalFrame, facts: CasePageFacts, amountDigits: number): string => {
  const currency = facts.currency;
  const name = frame.creditor?.name ?? '';
  const parts: string[] = [noticeHtml(facts), `<p>${word(frame, 'case.intro')}</p>`];
  // Headings step down one level at a time (h1, h2, h3), as screen readers navigate by them.
  if (facts.lines.length > 0) parts.push(`<h2>${word(frame, 'statement.open')}</h2>`);
  parts.push(...facts.lines.map((line) => invoiceCard(frame, line, currency)));
  parts.push(
    `<p class="total"><span>${word(frame, 'total')}</span><span>${escapeHtml(money(frame, facts.total, currency))}</span></p>`,
  );
  if (facts.total <= 0) {
    parts.push(`<p>${word(frame, 'settled')}</p>`);
    return renderPage(frame, {
      title: say(frame.locale, 'case.title', { name }),
      path: `/portal/${frame.token}`,
      navigation: true,
      body: parts.filter(Boolean).join('\n'),
    });
  }
  if (facts.promise && facts.caseStatus === 'promised')
    parts.push(
      notice(
        'done',
        say(frame.locale, 'promise.active', {
          amount: money(frame, facts.promise.amount, currency),
          date: longDate(frame, facts.promise.date),
        }),
      ),
    );
  if (facts.caseStatus === 'in_plan') parts.push(notice('done', say(frame.locale, 'plan.active')));
  if (facts.caseStatus === 'disputed') parts.push(notice('done', say(frame.locale, 'dispute.active')));
  if (facts.card) {
    const min = money(frame, 1, currency);
    const max = money(frame, facts.total, currency);
    parts.push(
      `<section aria-labelledby="card"><h2 id="card">${word(frame, 'card.title')}</h2><p>${word(frame, 'card.text')}</p>`,
      form(
        frame,
        '/pay',
        [
          `<label for="amount">${word(frame, 'card.amount')}</label>`,
          `<p class="hint" id="amount-hint">${word(frame, 'card.hint', { currency, min, max })}</p>`,
          `<input type="text" inputmode="decimal" id="amount" name="amount" autocomplete="off" aria-describedby="amount-hint" required value="${escapeHtml(facts.typed.amount ?? typedAmount(facts.total, amountDigits))}">`,
          hidden(frame),
          `<button type="submit">${word(frame, 'card.button')}</button>`,
        ].join(''),
      ),
      '</section>',
    );
  }
  if (facts.ownPayUrl) parts.push(`<p><a href="${escapeHtml(facts.ownPayUrl)}">${word(frame, 'card.title')}</a></p>`);
  parts.push(transferSection(frame, facts));
  if (facts.promiseOffer) {
    const offer = facts.promiseOffer;
    parts.push(
      `<section aria-labelledby="promise"><h2 id="promise">${word(frame, 'promise.title')}</h2>`,
      `<p>${word(frame, 'promise.text', { amount: money(frame, offer.amount, currency), latest: longDate(frame, offer.latest) })}</p>`,
      form(
        frame,
        '/promise',
        [
          `<label for="date">${word(frame, 'promise.date')}</label>`,
          `<input type="date" id="date" name="date" required min="${offer.earliest}" max="${offer.latest}" value="${escapeHtml(facts.typed.date ?? '')}">`,
          hidden(frame),
          `<button type="submit">${word(frame, 'promise.button')}</button>`,
        ].join(''),
      ),
      '</section>',
    );
  }
  if (facts.planOffer) {
    const offer = facts.planOffer;
    const options = Array.from({ length: offer.most - 1 }, (_, index) => index + 2)
      .map(
        (count) =>
          `<option value="${count}"${String(count) === (facts.typed.installments ?? '3') ? ' selected' : ''}>${count}</option>`,
      )
      .join('');
    parts.push(
      `<section aria-labelledby="plan"><h2 id="plan">${word(frame, 'plan.title')}</h2>`,
      `<p>${word(frame, 'plan.text', { amount: money(frame, offer.amount, currency), most: String(offer.most) })}</p>`,
      `<form method="get" action="${escapeHtml(`/portal/${frame.token}/plan`)}">`,
      `<label for="installments">${word(frame, 'plan.count')}</label>`,
      `<select id="installments" name="installments">${options}</select>`,
      hidden(frame),
      `<button type="submit">${word(frame, 'plan.see')}</button></form></section>`,
    );
  }
  if (facts.disputable.length > 0 && facts.caseStatus !== 'disputed') {
    const invoices = facts.disputable
      .map(
        ({ id, description }) =>
          `<option value="${escapeHtml(id)}"${facts.typed.invoiceId === id ? ' selected' : ''}>${escapeHtml(description ? `${id}: ${description}` : id)}</option>`,
      )
      .join('');
    const categories = ['', ...DISPUTE_CATEGORIES]
      .map((category) =>
        category === ''
          ? '<option value=""></option>'
          : `<option value="${category}"${facts.typed.category === category ? ' selected' : ''}>${word(frame, `category.${category}` as PortalWordKey)}</option>`,
      )
      .join('');
    parts.push(
      `<section aria-labelledby="dispute"><h2 id="dispute">${word(frame, 'dispute.title')}</h2><p>${word(frame, 'dispute.text')}</p>`,
      form(
        frame,
        '/dispute',
        [
          `<label for="invoiceId">${word(frame, 'dispute.invoice')}</label><select id="invoiceId" name="invoiceId" required>${invoices}</select>`,
          `<label for="category">${word(frame, 'dispute.reason')}</label><select id="category" name="category" required>${categories}</select>`,
          `<label for="text">${word(frame, 'dispute.more')}</label><textarea id="text" name="text" rows="4" maxlength="${DISPUTE_TEXT_MAX}" required>${escapeHtml(facts.typed.text ?? '')}</textarea>`,
          hidden(frame),
          `<button type="submit">${word(frame, 'dispute.button')}</button>`,
        ].join(''),
      ),
      '</section>',
    );
  }
  const channelBox = (channel: 'email' | 'sms') => {
    const state = facts.channels[channel];
    if (state === 'none') return '';
    const label = word(frame, channel === 'email' ? 'prefs.email' : 'prefs.sms');
    return state === 'stopped'
      ? `<label class="check" for="${channel}"><input type="checkbox" id="${channel}" name="${channel}" value="stop" checked disabled> ${label} (${word(frame, 'prefs.stopped')})</label>`
      : `<label class="check" for="${channel}"><input type="checkbox" id="${channel}" name="${channel}" value="stop"> ${label}</label>`;
  };
  if (facts.channels.email !== 'none' || facts.channels.sms !== 'none')
    parts.push(
      `<section aria-labelledby="prefs"><h2 id="prefs">${word(frame, 'prefs.title')}</h2>`,
      form(
        frame,
        '/preferences',
        [
          `<fieldset><legend>${word(frame, 'prefs.legend')}</legend>${channelBox('email')}${channelBox('sms')}</fieldset>`,
          `<p class="hint">${word(frame, 'prefs.note', { name })}</p>`,
          hidden(frame),
          `<button type="submit">${word(frame, 'prefs.button')}</button>`,
        ].join(''),
      ),
      '</section>',
    );
  return renderPage(frame, {
    title: say(frame.locale, 'case.title', { name }),
    path: `/portal/${frame.token}`,
    navigation: true,
    body: parts.filter(Boolean).join('\n'),
  });
};

export interface PlanPageFacts {
  currency: string;
  amount: number;
  count: number;
  installments: PlannedInstallment[] | null;
  notice: PortalNotice;
}

export const renderPlanPage = (frame: PortalFrame, facts: PlanPageFacts): string => {
  const parts = [noticeHtml(facts)];
  if (facts.installments) {
    const rows = facts.installments
      .map(
        (installment, index) =>
          `<tr><td>${index + 1}</td><td>${escapeHtml(longDate(frame, installment.dueDate))}</td><td class="num">${escapeHtml(money(frame, installment.amount, facts.currency))}</td></tr>`,
      )
      .join('');
    parts.push(
      `<p>${word(frame, 'plan.previewText', { count: String(facts.count), amount: money(frame, facts.amount, facts.currency) })}</p>`,
      `<table><thead><tr><th scope="col">${word(frame, 'plan.number')}</th><th scope="col">${word(frame, 'plan.due')}</th><th scope="col" class="num">${word(frame, 'plan.amount')}</th></tr></thead><tbody>${rows}</tbody></table>`,
      form(
        frame,
        '/plan',
        `<input type="hidden" name="installments" value="${facts.count}">${hidden(frame)}<button type="submit">${word(frame, 'plan.agree')}</button>`,
      ),
    );
  }
  parts.push(`<p><a href="${escapeHtml(portalHref(frame, '', {}))}#plan">${word(frame, 'plan.back')}</a></p>`);
  return renderPage(frame, {
    title: say(frame.locale, 'plan.previewTitle'),
    path: `/portal/${frame.token}/plan`,
    query: { installments: String(facts.count) },
    navigation: true,
    body: parts.filter(Boolean).join('\n'),
  });
};

export type ReceiptState = 'received' | 'processing' | 'unknown';

export const renderReceiptPage = (
  frame: PortalFrame,
  facts: { state: ReceiptState; amount: number | null; currency: string | null; sessionId: string },
): string => {
  const amount = facts.amount !== null && facts.currency ? money(frame, facts.amount, facts.currency) : '';
  const key: PortalWordKey =
    facts.state === 'received'
      ? 'receipt.paid'
      : facts.state === 'processing'
        ? 'receipt.processing'
        : 'receipt.unknown';
  return renderPage(frame, {
    title: say(frame.locale, 'receipt.title'),
    path: `/portal/${frame.token}/receipt`,
    query: { session: facts.sessionId },
    navigation: true,
    body: `${notice(facts.state === 'unknown' ? 'refused' : 'done', say(frame.locale, key, { amount }))}<p><a href="${escapeHtml(portalHref(frame))}">${word(frame, 'receipt.back')}</a></p>`,
  });
};

export interface StatementPageFacts {
  asOf: string;
  currency: string;
  lines: PortalInvoiceLine[];
  total: number;
  payments: { date: string; invoiceId: string; amount: number }[];
  reference: string;
}

export const renderStatementPage = (frame: PortalFrame, facts: StatementPageFacts): string => {
  const { currency } = facts;
  const cell = (minor: number) => `<td class="num">${escapeHtml(money(frame, minor, currency))}</td>`;
  const open = facts.lines
    .map(
      (line) =>
        `<tr><td>${escapeHtml(line.id)}${line.description ? `<br>${escapeHtml(line.description)}` : ''}</td><td>${escapeHtml(longDate(frame, line.dueDate))}</td>${cell(line.amount)}${cell(line.fees + line.interest)}${cell(line.paid)}${cell(line.balance)}</tr>`,
    )
    .join('');
  const payments = facts.payments
    .map(
      (payment) =>
        `<tr><td>${escapeHtml(longDate(frame, payment.date))}</td><td>${escapeHtml(payment.invoiceId)}</td>${cell(payment.amount)}</tr>`,
    )
    .join('');
  const body = [
    `<p>${word(frame, 'statement.asOf', { date: longDate(frame, facts.asOf) })} · ${word(frame, 'transfer.reference')}: ${escapeHtml(formatReference(facts.reference))}</p>`,
    `<h2>${word(frame, 'statement.open')}</h2>`,
    `<table><thead><tr><th scope="col">${word(frame, 'statement.invoice')}</th><th scope="col">${word(frame, 'invoice.due')}</th><th scope="col" class="num">${word(frame, 'invoice.amount')}</th><th scope="col" class="num">${word(frame, 'invoice.fees')} / ${word(frame, 'invoice.interest')}</th><th scope="col" class="num">${word(frame, 'invoice.paid')}</th><th scope="col" class="num">${word(frame, 'invoice.balance')}</th></tr></thead>`,
    `<tbody>${open}</tbody><tfoot><tr><th scope="row" colspan="5">${word(frame, 'total')}</th>${cell(facts.total)}</tr></tfoot></table>`,
    `<h2>${word(frame, 'statement.payments')}</h2>`,
    facts.payments.length
      ? `<table><thead><tr><th scope="col">${word(frame, 'statement.date')}</th><th scope="col">${word(frame, 'statement.invoice')}</th><th scope="col" class="num">${word(frame, 'statement.amount')}</th></tr></thead><tbody>${payments}</tbody></table>`
      : `<p>${word(frame, 'statement.none')}</p>`,
    `<p class="no-print hint">${word(frame, 'statement.print')}</p>`,
  ].join('\n');
  return renderPage(frame, {
    title: say(frame.locale, 'statement.title'),
    path: `/portal/${frame.token}/statement`,
    navigation: true,
    body,
  });
};

/** The page of a link that leads nowhere now: expired, closed, or never ours. No figures and no forms. */
export const renderEndPage = (frame: PortalFrame, kind: 'expired' | 'closed' | 'unknown', path: string): string => {
  const title = say(frame.locale, `${kind}.title`);
  const text = word(frame, `${kind}.text`, { name: frame.creditor?.name ?? '' });
  return renderPage(frame, { title, path, body: `<p>${text}</p>` });
};
