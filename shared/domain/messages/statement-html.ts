// A printable statement (A4 HTML) in the customer's language: one table of open items per currency, credit, total due.
import { formatMoney } from '../money';
import type { Statement } from '../../schemas/statement.schema';
import type { TemplateLocale } from './templates';

const WORDS: Record<TemplateLocale, Record<string, string>> = {
  en: {
    title: 'Statement',
    asOf: 'as of',
    invoice: 'Invoice',
    due: 'Due',
    late: 'Days late',
    amount: 'Amount',
    charges: 'Fees and interest',
    paid: 'Paid',
    balance: 'Balance',
    credit: 'Credit',
    total: 'Total due',
    none: 'Nothing is owed. Thank you.',
  },
  nb: {
    title: 'Kontoutskrift',
    asOf: 'per',
    invoice: 'Faktura',
    due: 'Forfall',
    late: 'Dager forfalt',
    amount: 'Beløp',
    charges: 'Gebyrer og renter',
    paid: 'Betalt',
    balance: 'Rest',
    credit: 'Tilgode',
    total: 'Å betale',
    none: 'Det gjenstår ingenting. Takk.',
  },
};

const escapeHtml = (value: string): string =>
  value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

export const renderStatementHtml = (
  statement: Statement,
  tenant: string,
  locale: TemplateLocale,
  intlLocale: string,
): string => {
  const words = WORDS[locale];
  const blocks = Object.entries(statement.currencies).map(([currency, block]) => {
    const money = (minor: number) => escapeHtml(formatMoney(minor, currency, intlLocale));
    const cell = (value: string, right = true) =>
      `<td style="padding:.2em .5em${right ? ';text-align:right' : ''}">${value}</td>`;
    const rows = block.items
      .map(
        (item) =>
          `<tr>${cell(escapeHtml(item.invoiceId), false)}${cell(escapeHtml(item.dueDate), false)}${cell(String(item.daysPastDue))}${cell(money(item.amount))}${cell(money(item.fees + item.interest))}${cell(money(item.paid))}${cell(money(item.balance))}</tr>`,
      )
      .join('\n');
    const head = ['invoice', 'due', 'late', 'amount', 'charges', 'paid', 'balance']
      .map((key) => `<th style="padding:.2em .5em;text-align:left">${escapeHtml(words[key]!)}</th>`)
      .join('');
    return [
      `<h2>${escapeHtml(currency)}</h2>`,
      block.items.length > 0
        ? `<table style="border-collapse:collapse;width:100%"><tr>${head}</tr>\n${rows}</table>`
        : `<p>${escapeHtml(words.none!)}</p>`,
      block.credit > 0 ? `<p>${escapeHtml(words.credit!)}: ${money(block.credit)}</p>` : '',
      `<p><strong>${escapeHtml(words.total!)}: ${money(block.totalDue)}</strong></p>`,
    ].join('\n');
  });
  return [
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(words.title!)}</title>`,
    '<style>@page{size:A4;margin:20mm}body{font-family:serif;font-size:11pt}</style></head><body>',
    `<header><strong>${escapeHtml(tenant)}</strong></header>`,
    `<h1>${escapeHtml(words.title!)} ${escapeHtml(words.asOf!)} ${escapeHtml(statement.asOf)}</h1>`,
    `<p>${escapeHtml(statement.name)}</p>`,
    ...(blocks.length > 0 ? blocks : [`<p>${escapeHtml(words.none!)}</p>`]),
    '</body></html>',
  ].join('\n');
};
