// The creditor's blocks under every message and on every printed page: who writes, how to reach them, how to pay them.
import type { Creditor } from '../creditor';
import { escapeHtml } from './html';
import type { MessageWords } from './templates';

/** One line of a block: plain, or "label: value", optionally a link. */
export interface BlockLine {
  label?: string;
  value: string;
  href?: string;
}

/** The name the debtor knows, the legal name when it differs, and the postal address. */
export const identityLines = (creditor: Creditor): BlockLine[] => [
  { value: creditor.name },
  ...(creditor.legalName !== creditor.name ? [{ value: creditor.legalName }] : []),
  ...(creditor.address ?? []).map((value) => ({ value })),
];

export const contactLines = (creditor: Creditor, words: MessageWords): BlockLine[] => [
  ...(creditor.supportEmail
    ? [{ label: words.signature.email, value: creditor.supportEmail, href: `mailto:${creditor.supportEmail}` }]
    : []),
  ...(creditor.supportPhone
    ? [{ label: words.signature.phone, value: creditor.supportPhone, href: `tel:${creditor.supportPhone}` }]
    : []),
];

/** The closing, then the creditor and how to reach them. */
export const signatureLines = (creditor: Creditor, words: MessageWords): BlockLine[] => [
  { value: words.signature.closing },
  ...identityLines(creditor),
  ...contactLines(creditor, words),
];

/**
 * Where to send a transfer, or nothing when the creditor has no bank details. The case's structured reference is
 * quoted when there is one; otherwise the invoice number, when the message is about one invoice.
 */
export const bankLines = (
  creditor: Creditor,
  words: MessageWords,
  quote: { transferReference?: string | undefined; invoice?: string | undefined },
): BlockLine[] => {
  const bank = creditor.bank;
  if (!bank) return [];
  const labelled = (label: string, value: string | undefined) => (value ? [{ label, value }] : []);
  return [
    { value: words.bank.title },
    ...labelled(words.bank.accountHolder, bank.accountHolder),
    ...labelled(words.bank.iban, bank.iban),
    ...labelled(words.bank.bic, bank.bic),
    ...labelled(words.bank.accountNumber, bank.accountNumber),
    ...labelled(words.bank.sortCode, bank.sortCode),
    ...labelled(words.bank.routingNumber, bank.routingNumber),
    ...(quote.transferReference
      ? [{ label: words.bank.reference, value: quote.transferReference }, { value: words.bank.quoteReference }]
      : quote.invoice
        ? [{ value: words.bank.quoteInvoice.replace(/\{invoice\}/g, quote.invoice) }]
        : []),
  ];
};

export const blockText = (lines: BlockLine[]): string =>
  lines.map((line) => (line.label ? `${line.label}: ${line.value}` : line.value)).join('\n');

export const blockHtml = (lines: BlockLine[]): string =>
  lines
    .map((line) => {
      const value = line.href
        ? `<a href="${escapeHtml(line.href)}">${escapeHtml(line.value)}</a>`
        : escapeHtml(line.value);
      return line.label ? `${escapeHtml(line.label)}: ${value}` : value;
    })
    .join('<br>');
