// Renders reminders: email as text and HTML with a pay link and an unsubscribe link, SMS with its opt-out line.
import {
  CASE_WORDS,
  EMAIL_FOOTER,
  EMAIL_TEMPLATES,
  OPT_OUT_CONFIRMATION,
  ownEntry,
  SMS_OPT_OUT_LINE,
  SMS_TEMPLATES,
  type TemplateLocale,
} from './templates';

export interface MessageFacts {
  tenant: string;
  customer: string;
  invoice: string;
  /** Formatted for the reader: "kr 1 250,00", "€12.50". */
  amount: string;
  dueDate: string;
  daysOverdue: number;
  fee: string;
  payUrl: string;
  unsubscribeUrl: string;
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

/** nb, nn and no read Norwegian; everything else reads English until its templates exist. */
export const templateLocale = (locale: string | undefined): TemplateLocale =>
  locale !== undefined && /^(nb|nn|no)\b/i.test(locale) ? 'nb' : 'en';

const fill = (template: string, facts: MessageFacts): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in facts ? String((facts as unknown as Record<string, unknown>)[name]) : whole,
  );

const escapeHtml = (value: string): string =>
  value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

export const renderEmail = (templateId: string, locale: TemplateLocale, facts: MessageFacts): RenderedEmail => {
  const template = (ownEntry(EMAIL_TEMPLATES, templateId) ?? EMAIL_TEMPLATES.overdue!)[locale];
  const footer = EMAIL_FOOTER[locale];
  const subject = fill(template.subject, facts);
  const paragraphs = [...fill(template.body, facts).split('\n\n'), ...caseParagraphs(locale, facts)];
  const text = [...paragraphs, `${footer.pay}: ${facts.payUrl}`, `${footer.unsubscribe}: ${facts.unsubscribeUrl}`].join(
    '\n\n',
  );
  const html = [
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family:sans-serif;line-height:1.5;max-width:40em">',
    ...paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    `<p><a href="${escapeHtml(facts.payUrl)}" style="display:inline-block;padding:.6em 1.2em;background:#1a5fb4;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(footer.pay)}</a></p>`,
    `<p style="font-size:small;color:#555"><a href="${escapeHtml(facts.unsubscribeUrl)}">${escapeHtml(footer.unsubscribe)}</a></p>`,
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
};

export const renderSms = (templateId: string, locale: TemplateLocale, facts: MessageFacts): string => {
  const template = (ownEntry(SMS_TEMPLATES, templateId) ?? SMS_TEMPLATES['overdue-sms']!)[locale];
  const caseNote = facts.caseLines?.length
    ? ` ${fill(CASE_WORDS[locale].sms, { ...facts, caseCount: String(facts.caseLines.length) } as MessageFacts)}`
    : '';
  return `${fill(template, facts)}${caseNote} ${SMS_OPT_OUT_LINE[locale]}`;
};

/** One message for the whole case: the other open invoices and the total, after the step's own words. */
const caseParagraphs = (locale: TemplateLocale, facts: MessageFacts): string[] =>
  facts.caseLines?.length
    ? [CASE_WORDS[locale].intro, facts.caseLines.join('\n'), fill(CASE_WORDS[locale].total, facts)]
    : [];

/** A printable letter (A4 HTML) with the same words as the email, for a print-and-mail provider. */
export const renderLetter = (templateId: string, locale: TemplateLocale, facts: MessageFacts, date: string): string => {
  const email = renderEmail(templateId, locale, facts);
  const paragraphs = email.text.split('\n\n').slice(0, -1);
  return [
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(email.subject)}</title>`,
    '<style>@page{size:A4;margin:25mm}body{font-family:serif;font-size:11pt}header{margin-bottom:2em}</style></head><body>',
    `<header><strong>${escapeHtml(facts.tenant)}</strong><br>${escapeHtml(date)}</header>`,
    `<p><strong>${escapeHtml(facts.customer)}</strong></p>`,
    `<h1 style="font-size:14pt">${escapeHtml(email.subject)}</h1>`,
    ...paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    '</body></html>',
  ].join('\n');
};

/** The confirmation after an email opt-out: no pay link, no unsubscribe link, nothing asked. */
export const renderOptOutConfirmation = (locale: TemplateLocale, tenant: string): RenderedEmail => {
  const template = OPT_OUT_CONFIRMATION[locale];
  const words = (text: string) => text.replace(/\{tenant\}/g, tenant);
  const subject = words(template.subject);
  const paragraphs = words(template.body).split('\n\n');
  const html = [
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family:sans-serif;line-height:1.5;max-width:40em">',
    ...paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    '</body></html>',
  ].join('\n');
  return { subject, text: paragraphs.join('\n\n'), html };
};
