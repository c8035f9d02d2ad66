// Builds the raw MIME message SES sends, so every reminder can carry RFC 8058 one-click List-Unsubscribe headers.
import { randomBytes } from 'node:crypto';

export interface MimeEmail {
  from: string;
  to: string;
  /** Where answers go (SES's ReplyToAddresses for a raw message is this header). */
  replyTo?: string;
  subject: string;
  text: string;
  html: string;
  /** The https link that opts this address out with one POST; absent on messages that are not reminders. */
  unsubscribeUrl?: string;
  date: Date;
}

/** Header values never carry line breaks, so no caller-supplied text can add a header. */
const singleLine = (value: string): string => value.replace(/[\r\n]+/g, ' ').trim();

const isPlainAscii = (value: string): boolean => /^[\x20-\x7e]*$/.test(value);

/** RFC 2047 encoded-word for non-ASCII header text, split so no encoded word passes 75 characters. */
const encodeWords = (value: string): string => {
  if (isPlainAscii(value)) return value;
  const words: string[] = [];
  let chunk = '';
  for (const character of value) {
    if (Buffer.byteLength(chunk + character, 'utf8') > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += character;
  }
  if (chunk) words.push(chunk);
  return words.map((word) => `=?UTF-8?B?${Buffer.from(word, 'utf8').toString('base64')}?=`).join('\r\n ');
};

/** "Name <addr@host>" keeps its address as is and encodes only the display name when it needs to. */
const encodeAddress = (mailbox: string): string => {
  const match = /^\s*(.*?)\s*<([^<>]+)>\s*$/.exec(mailbox);
  if (!match) return singleLine(mailbox);
  const [, name = '', address = ''] = match;
  if (!name) return `<${address}>`;
  const displayName = isPlainAscii(name) ? `"${name.replace(/["\\]/g, '')}"` : encodeWords(name);
  return `${displayName} <${address}>`;
};

const base64Lines = (text: string): string =>
  Buffer.from(text.replace(/\r?\n/g, '\r\n'), 'utf8')
    .toString('base64')
    .replace(/.{76}/g, '$&\r\n')
    .replace(/\r\n$/, '');

const part = (contentType: string, body: string): string =>
  [`Content-Type: ${contentType}; charset=UTF-8`, 'Content-Transfer-Encoding: base64', '', base64Lines(body)].join(
    '\r\n',
  );

export const buildMimeMessage = (email: MimeEmail): string => {
  const boundary = `arrears-${randomBytes(12).toString('hex')}`;
  const headers = [
    `From: ${encodeAddress(singleLine(email.from))}`,
    `To: ${encodeAddress(singleLine(email.to))}`,
    ...(email.replyTo ? [`Reply-To: ${encodeAddress(singleLine(email.replyTo))}`] : []),
    `Subject: ${encodeWords(singleLine(email.subject))}`,
    `Date: ${email.date.toUTCString().replace('GMT', '+0000')}`,
    'MIME-Version: 1.0',
    ...(email.unsubscribeUrl
      ? [`List-Unsubscribe: <${singleLine(email.unsubscribeUrl)}>`, 'List-Unsubscribe-Post: List-Unsubscribe=One-Click']
      : []),
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
  ];
  return [
    ...headers,
    '',
    `--${boundary}`,
    part('text/plain', email.text),
    `--${boundary}`,
    part('text/html', email.html),
    `--${boundary}--`,
    '',
  ].join('\r\n');
};
