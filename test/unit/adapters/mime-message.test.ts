// The raw message SES sends: a real MIME parser reads back the headers, both parts and non-ASCII text intact.
import { simpleParser } from 'mailparser';
import { buildMimeMessage } from '../../../shared/adapters/aws/mime-message';

const reminder = {
  from: 'Fjordkraft Innkreving <billing@fjord.example>',
  to: 'kari@example.no',
  subject: 'Fjordkraft: faktura INV-7 er forfalt – betal før fristen',
  text: 'Hei Kari,\n\nFaktura INV-7 forfalt, og kr 1 250,00 er fortsatt ubetalt.',
  html: '<p>Hei Kari,</p><p>Faktura INV-7 forfalt, og kr 1 250,00 er fortsatt ubetalt.</p>',
  unsubscribeUrl: 'https://api.example/v1/unsubscribe/tok_abc',
  date: new Date('2026-03-02T08:00:00Z'),
};

describe('buildMimeMessage', () => {
  it('carries one-click List-Unsubscribe headers (RFC 8058) pointing at the unsubscribe link', async () => {
    const parsed = await simpleParser(buildMimeMessage(reminder));
    const line = (key: string) => parsed.headerLines.find((header) => header.key === key)?.line;
    expect(line('list-unsubscribe')).toBe('List-Unsubscribe: <https://api.example/v1/unsubscribe/tok_abc>');
    expect(line('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
  });

  it('keeps non-ASCII subject, sender name and bodies readable in both the text and the HTML part', async () => {
    const parsed = await simpleParser(buildMimeMessage(reminder));
    expect(parsed.subject).toBe(reminder.subject);
    expect(parsed.from?.value).toEqual([{ name: 'Fjordkraft Innkreving', address: 'billing@fjord.example' }]);
    expect(parsed.text?.trim()).toBe(reminder.text);
    expect(parsed.html).toBe(reminder.html);
    expect(parsed.date?.toISOString()).toBe('2026-03-02T08:00:00.000Z');
  });

  it('sends no List-Unsubscribe header on a message that has no unsubscribe link', async () => {
    const parsed = await simpleParser(buildMimeMessage({ ...reminder, unsubscribeUrl: undefined }));
    expect(parsed.headerLines.map((header) => header.key)).not.toEqual(expect.arrayContaining(['list-unsubscribe']));
    expect(parsed.headerLines.map((header) => header.key)).not.toEqual(
      expect.arrayContaining(['list-unsubscribe-post']),
    );
  });

  it('carries the reply-to address when there is one, and no Reply-To header otherwise', async () => {
    const answered = await simpleParser(
      buildMimeMessage({ ...reminder, replyTo: 'Nordlys Kundeservice <svar@nordlys.example>' }),
    );
    expect(answered.replyTo?.value).toEqual([{ name: 'Nordlys Kundeservice', address: 'svar@nordlys.example' }]);
    expect((await simpleParser(buildMimeMessage(reminder))).headers.has('reply-to')).toBe(false);
  });

  it('refuses header injection: a line break in the subject cannot add a header', async () => {
    const parsed = await simpleParser(buildMimeMessage({ ...reminder, subject: 'Overdue\r\nBcc: victim@example.com' }));
    expect(parsed.headers.has('bcc')).toBe(false);
    expect(parsed.subject).toBe('Overdue Bcc: victim@example.com');
  });
});
