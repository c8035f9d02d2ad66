// Renders messages in the reader's language: email as text and HTML with a pay link, the creditor's transfer details,
// its signature and an unsubscribe link; SMS with the creditor's contact and its opt-out line; printable letters.
import type { Creditor } from '../creditor';
import { escapeHtml } from './html';
import { bankLines, blockHtml, blockText, contactLines, identityLines, signatureLines } from './signature';
import { MESSAGE_WORDS, ownEntry, type EmailTemplate, type MessageWords, type TemplateLocale } from './templates';

export interface MessageFacts {
  /** The creditor's display name, as the debtor knows it. */
  tenant: string;
  /** Who writes: signature, contact and bank details (see creditorOf). */
  creditor: Creditor;
  customer: string;
  invoice: string;
  /** The invoice's own description, shown beside its number when it has one. */
  description?: string;
  /** Formatted for the reader: "kr 1 250,00", "€12.50". */
  amount: string;
  /** Formatted in the reader's locale: "7 December 2026", "7. desember 2026". */
  dueDate: string;
  daysOverdue: number;
  fee: string;
  payUrl: string;
  unsubscribeUrl: string;
  /** The structured reference a bank transfer for this case quotes (RF...), when the case has one. */
  transferReference?: string;
  /** Set for a promise reminder: what was promised, formatted, and by when. */
  promisedAmount?: string;
  promisedDate?: string;
  /** The customer's other open invoices, one line each, when one message covers the whole case. */
  caseLines?: string[];
  /** What the whole case owes, formatted. */
  caseTotal?: string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const LANGUAGES: Readonly<Record<string, TemplateLocale>> = {
  en: 'en',
  nb: 'nb',
  nn: 'nb',
  no: 'nb',
  sv: 'sv',
  de: 'de',
  fr: 'fr',
  es: 'es',
};

/** One of the six languages by the locale's primary subtag (nb, nn and no read Bokmål); anything else reads English. */
export const templateLocale = (locale: string | undefined): TemplateLocale =>
  ownEntry(LANGUAGES, (locale ?? '').split(/[-_]/)[0]!.toLowerCase()) ?? 'en';

/** The locale the reader gets: the customer's own, else the tenant's default, else English. */
export const readerLocale = (customer: { locale?: string | undefined }, tenant: { id: string; locale?: string }) =>
  customer.locale ?? tenant.locale ?? 'en';

/** "INV-7 (Electricity, November)": the number the customer quotes, and what it was for. */
const invoiceRef = (invoice: string, description: string | undefined) =>
  description ? `${invoice} (${description})` : invoice;

const fill = (template: string, facts: Partial<MessageFacts> & { caseCount?: string }): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (name === 'invoiceRef') return invoiceRef(facts.invoice ?? '', facts.description);
    const value = Object.hasOwn(facts, name) ? (facts as Record<string, unknown>)[name] : undefined;
    return typeof value === 'string' || typeof value === 'number' ? String(value) : whole;
  });

/** A receipt asks for nothing: no transfer details under it. */
const asksForPayment = (templateId: string) => templateId !== 'receipt';

const emailTemplate = (words: MessageWords, templateId: string) =>
  ownEntry<EmailTemplate>(words.email, templateId) ?? words.email.overdue;

const transferBlock = (templateId: string, words: MessageWords, facts: MessageFacts) =>
  asksForPayment(templateId)
    ? bankLines(facts.creditor, words, { transferReference: facts.transferReference, invoice: facts.invoice })
    : [];

/** One line of the case's other invoices, in the reader's words. */
export const caseLine = (
  locale: TemplateLocale,
  line: { invoice: string; description?: string | undefined; amount: string; dueDate: string },
): string => fill(MESSAGE_WORDS[locale].case.line, line as Partial<MessageFacts>);

/** One message for the whole case: the other open invoices and the total, after the step's own words. */
const caseParagraphs = (words: MessageWords, facts: MessageFacts): string[] =>
  facts.caseLines?.length ? [words.case.intro, facts.caseLines.join('\n'), fill(words.case.total, facts)] : [];

const page = (locale: TemplateLocale, title: string, body: string[]) =>
  [
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>`,
    '<body style="font-family:sans-serif;line-height:1.5;max-width:40em">',
    ...body,
    '</body></html>',
  ].join('\n');

const paragraphHtml = (paragraph: string) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`;

export const renderEmail = (templateId: string, locale: TemplateLocale, facts: MessageFacts): RenderedEmail => {
  const words = MESSAGE_WORDS[locale];
  const template = emailTemplate(words, templateId);
  const subject = fill(template.subject, facts);
  const paragraphs = [...fill(template.body, facts).split('\n\n'), ...caseParagraphs(words, facts)];
  const bank = transferBlock(templateId, words, facts);
  const signature = signatureLines(facts.creditor, words);
  const text = [
    ...paragraphs,
    `${words.footer.pay}: ${facts.payUrl}`,
    ...(bank.length > 0 ? [blockText(bank)] : []),
    blockText(signature),
    `${words.footer.unsubscribe}: ${facts.unsubscribeUrl}`,
  ].join('\n\n');
  const html = page(locale, subject, [
    ...paragraphs.map(paragraphHtml),
    `<p><a href="${escapeHtml(facts.payUrl)}" style="display:inline-block;padding:.6em 1.2em;background:#1a5fb4;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(words.footer.pay)}</a></p>`,
    ...(bank.length > 0 ? [`<p>${blockHtml(bank)}</p>`] : []),
    `<p>${blockHtml(signature)}</p>`,
    `<p style="font-size:small;color:#555"><a href="${escapeHtml(facts.unsubscribeUrl)}">${escapeHtml(words.footer.unsubscribe)}</a></p>`,
  ]);
  return { subject, text, html };
};

/** Texts stay short: the creditor's name opens them, one way to reach it closes them; transfer details are behind the link. */
export const renderSms = (templateId: string, locale: TemplateLocale, facts: MessageFacts): string => {
  const words = MESSAGE_WORDS[locale];
  const template = ownEntry(words.sms, templateId) ?? words.sms['overdue-sms'];
  const caseNote = facts.caseLines?.length
    ? ` ${fill(words.case.sms, { ...facts, caseCount: String(facts.caseLines.length) })}`
    : '';
  const contact = facts.creditor.supportPhone ?? facts.creditor.supportEmail;
  const contactNote = contact ? ` ${words.smsContact.replace(/\{contact\}/g, contact)}` : '';
  return `${fill(template, facts)}${caseNote}${contactNote} ${words.smsOptOut}`;
};

/**
 * A printable letter (A4 HTML) for a print-and-mail provider: the creditor's letterhead with its contact, the date,
 * the email's words, where to pay and the transfer details, and the closing.
 */
export const renderLetter = (templateId: string, locale: TemplateLocale, facts: MessageFacts, date: string): string => {
  const words = MESSAGE_WORDS[locale];
  const template = emailTemplate(words, templateId);
  const subject = fill(template.subject, facts);
  const paragraphs = [...fill(template.body, facts).split('\n\n'), ...caseParagraphs(words, facts)];
  const bank = transferBlock(templateId, words, facts);
  return [
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title>`,
    '<style>@page{size:A4;margin:25mm}body{font-family:serif;font-size:11pt}header{margin-bottom:2em}.date{text-align:right}</style></head><body>',
    `<header><strong>${blockHtml(identityLines(facts.creditor).slice(0, 1))}</strong><br>${blockHtml([...identityLines(facts.creditor).slice(1), ...contactLines(facts.creditor, words)])}</header>`,
    `<p class="date">${escapeHtml(words.letter.date)}: ${escapeHtml(date)}</p>`,
    `<p><strong>${escapeHtml(facts.customer)}</strong></p>`,
    `<h1 style="font-size:14pt">${escapeHtml(subject)}</h1>`,
    ...paragraphs.map(paragraphHtml),
    paragraphHtml(`${words.footer.pay}: ${facts.payUrl}`),
    ...(bank.length > 0 ? [`<p>${blockHtml(bank)}</p>`] : []),
    `<p>${blockHtml([{ value: words.signature.closing }, { value: facts.creditor.name }])}</p>`,
    '</body></html>',
  ].join('\n');
};

/** The confirmation after an email opt-out: signed, no pay link, no unsubscribe link, nothing asked. */
export const renderOptOutConfirmation = (locale: TemplateLocale, creditor: Creditor): RenderedEmail => {
  const words = MESSAGE_WORDS[locale];
  const fillName = (text: string) => text.replace(/\{tenant\}/g, creditor.name);
  const subject = fillName(words.optOutConfirmation.subject);
  const paragraphs = fillName(words.optOutConfirmation.body).split('\n\n');
  const signature = signatureLines(creditor, words);
  return {
    subject,
    text: [...paragraphs, blockText(signature)].join('\n\n'),
    html: page(locale, subject, [...paragraphs.map(paragraphHtml), `<p>${blockHtml(signature)}</p>`]),
  };
};
