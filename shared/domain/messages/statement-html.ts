// A printable statement (A4 HTML) and its plain-text twin in the customer's language: the creditor's letterhead, one
// table of open items per currency, credit, total due, how to pay by transfer and whom to ask.
import type { Creditor } from '../creditor';
import { formatMoney } from '../money';
import type { Statement } from '../../schemas/statement.schema';
import { longDate } from './dates';
import { escapeHtml } from './html';
import { bankLines, blockHtml, blockText, contactLines, identityLines } from './signature';
import { MESSAGE_WORDS, type TemplateLocale } from './templates';

export interface StatementExtras {
  /** The link to the customer's portal, when the caller has one. */
  payUrl?: string;
  /** The structured reference a transfer quotes, when the case has one. */
  transferReference?: string;
}

type Column = 'invoice' | 'description' | 'due' | 'late' | 'amount' | 'charges' | 'paid' | 'balance';
const COLUMNS: Column[] = ['invoice', 'description', 'due', 'late', 'amount', 'charges', 'paid', 'balance'];

export const renderStatementHtml = (
  statement: Statement,
  creditor: Creditor,
  locale: TemplateLocale,
  intlLocale: string,
  extras: StatementExtras = {},
): string => {
  const words = MESSAGE_WORDS[locale].statement;
  const all = MESSAGE_WORDS[locale];
  const blocks = Object.entries(statement.currencies).map(([currency, block]) => {
    const money = (minor: number) => escapeHtml(formatMoney(minor, currency, intlLocale));
    const cell = (value: string, right = true) =>
      `<td style="padding:.2em .5em${right ? ';text-align:right' : ''}">${value}</td>`;
    const rows = block.items
      .map(
        (item) =>
          `<tr>${cell(escapeHtml(item.invoiceId), false)}${cell(escapeHtml(item.description ?? ''), false)}${cell(escapeHtml(longDate(item.dueDate, intlLocale)), false)}${cell(String(item.daysPastDue))}${cell(money(item.amount))}${cell(money(item.fees + item.interest))}${cell(money(item.paid))}${cell(money(item.balance))}</tr>`,
      )
      .join('\n');
    const head = COLUMNS.map(
      (key) => `<th scope="col" style="padding:.2em .5em;text-align:left">${escapeHtml(words[key])}</th>`,
    ).join('');
    return [
      `<h2>${escapeHtml(currency)}</h2>`,
      block.items.length > 0
        ? `<table style="border-collapse:collapse;width:100%"><tr>${head}</tr>\n${rows}</table>`
        : `<p>${escapeHtml(words.none)}</p>`,
      block.credit > 0 ? `<p>${escapeHtml(words.credit)}: ${money(block.credit)}</p>` : '',
      `<p><strong>${escapeHtml(words.total)}: ${money(block.totalDue)}</strong></p>`,
    ].join('\n');
  });
  const owes = Object.values(statement.currencies).some((block) => block.totalDue > 0);
  const bank = owes ? bankLines(creditor, all, { transferReference: extras.transferReference }) : [];
  const contact = contactLines(creditor, all);
  const title = `${words.title} ${words.asOf} ${longDate(statement.asOf, intlLocale)}`;
  return [
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>`,
    '<style>@page{size:A4;margin:20mm}body{font-family:serif;font-size:11pt}</style></head><body>',
    `<header><strong>${escapeHtml(creditor.name)}</strong><br>${blockHtml([...identityLines(creditor).slice(1), ...contact])}</header>`,
    `<h1>${escapeHtml(title)}</h1>`,
    `<p>${escapeHtml(statement.name)}</p>`,
    ...(blocks.length > 0 ? blocks : [`<p>${escapeHtml(words.none)}</p>`]),
    ...(owes && extras.payUrl
      ? [`<p><a href="${escapeHtml(extras.payUrl)}">${escapeHtml(all.footer.pay)}</a></p>`]
      : []),
    ...(bank.length > 0 ? [`<p>${blockHtml(bank)}</p>`] : []),
    ...(contact.length > 0 ? [`<p>${escapeHtml(words.questions)}<br>${blockHtml(contact)}</p>`] : []),
    '</body></html>',
  ].join('\n');
};

/** The same statement as plain text, for the email's text part. */
export const renderStatementText = (
  statement: Statement,
  creditor: Creditor,
  locale: TemplateLocale,
  intlLocale: string,
  extras: StatementExtras = {},
): { subject: string; text: string } => {
  const all = MESSAGE_WORDS[locale];
  const words = all.statement;
  const blocks = Object.entries(statement.currencies).map(([currency, block]) => {
    const money = (minor: number) => formatMoney(minor, currency, intlLocale);
    return [
      ...block.items.map(
        (item) =>
          `${item.invoiceId}${item.description ? ` (${item.description})` : ''}, ${words.due.toLowerCase()} ${longDate(item.dueDate, intlLocale)}: ${money(item.balance)}`,
      ),
      ...(block.credit > 0 ? [`${words.credit}: ${money(block.credit)}`] : []),
      `${words.total}: ${money(block.totalDue)}`,
    ].join('\n');
  });
  const owes = Object.values(statement.currencies).some((block) => block.totalDue > 0);
  const bank = owes ? bankLines(creditor, all, { transferReference: extras.transferReference }) : [];
  const contact = contactLines(creditor, all);
  const text = [
    `${words.title} ${words.asOf} ${longDate(statement.asOf, intlLocale)}`,
    statement.name,
    ...(blocks.length > 0 ? blocks : [words.none]),
    ...(owes && extras.payUrl ? [`${all.footer.pay}: ${extras.payUrl}`] : []),
    ...(bank.length > 0 ? [blockText(bank)] : []),
    ...(contact.length > 0 ? [`${words.questions}\n${blockText(contact)}`] : []),
    blockText([{ value: all.signature.closing }, ...identityLines(creditor)]),
  ].join('\n\n');
  return { subject: words.subject.replace(/\{tenant\}/g, creditor.name), text };
};
