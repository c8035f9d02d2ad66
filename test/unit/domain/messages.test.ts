// What a debtor reads, in each of the six languages: the creditor named and signing, its contact and transfer details
// when it has them, the invoice's description beside its number, dates and amounts as the reader writes them.
import { creditorOf } from '../../../shared/domain/creditor';
import {
  renderEmail,
  renderLetter,
  renderOptOutConfirmation,
  renderSms,
  templateLocale,
  type MessageFacts,
} from '../../../shared/domain/messages/render';
import { renderStatementHtml, renderStatementText } from '../../../shared/domain/messages/statement-html';
import { MESSAGE_WORDS, TEMPLATE_LOCALES, TEMPLATE_NAMES } from '../../../shared/domain/messages/templates';
import type { Statement } from '../../../shared/schemas/statement.schema';
import { messageFacts, type ReminderContext } from '../../../shared/use-cases/send-reminder';
import { aTenant, nordlys } from '../../fixtures/creditor-tenant';

const withBank = creditorOf(nordlys());
const withoutBank = creditorOf(nordlys({ bank: undefined }));
const bare = creditorOf(aTenant());

const facts = (creditor = withBank, more: Partial<MessageFacts> = {}): MessageFacts => ({
  tenant: creditor.name,
  creditor,
  customer: 'Kari Nordmann',
  invoice: 'INV-7',
  description: 'Strøm november',
  amount: 'kr 1 250,00',
  dueDate: '7. desember 2026',
  daysOverdue: 12,
  fee: 'kr 70,00',
  payUrl: 'https://arrears.example/portal/tok',
  unsubscribeUrl: 'https://arrears.example/v1/unsubscribe/u',
  promisedAmount: 'kr 500,00',
  promisedDate: '20. desember 2026',
  transferReference: 'RF18 5390 0754 7034',
  ...more,
});

const EMAILS = TEMPLATE_NAMES.filter((name) => name in MESSAGE_WORDS.en.email);
const SMS = TEMPLATE_NAMES.filter((name) => name in MESSAGE_WORDS.en.sms);
const unfilled = /\{\w+\}/;

describe('templateLocale', () => {
  it('answers one of the six by the primary subtag: Norwegian in any form reads Bokmål, the rest English', () => {
    const cases: [string | undefined, string][] = [
      ['nb-NO', 'nb'],
      ['nn', 'nb'],
      ['no', 'nb'],
      ['sv-SE', 'sv'],
      ['de-AT', 'de'],
      ['fr-CA', 'fr'],
      ['ES', 'es'],
      ['en-GB', 'en'],
      ['pt-BR', 'en'],
      ['constructor', 'en'],
      [undefined, 'en'],
    ];
    for (const [locale, expected] of cases) expect([locale, templateLocale(locale)]).toEqual([locale, expected]);
  });
});

describe.each(TEMPLATE_LOCALES)('messages in %s', (locale) => {
  const words = MESSAGE_WORDS[locale];

  it('every email names the creditor, shows the description beside the number and signs with name, address and contact', () => {
    for (const name of EMAILS) {
      const email = renderEmail(name, locale, facts());
      expect(email.subject).toContain('Nordlys Energi');
      for (const part of [email.subject, email.text, email.html]) expect(part).not.toMatch(unfilled);
      expect(email.text).toContain('INV-7 (Strøm november)');
      expect(email.text).toContain(
        `${words.signature.closing}\nNordlys Energi\nNordlys Energi AS\nStorgata 1\n0155 Oslo`,
      );
      expect(email.text).toContain(`${words.signature.email}: kundeservice@nordlys.example`);
      expect(email.text).toContain(`${words.signature.phone}: +4722334455`);
      expect(email.html).toContain(`<html lang="${locale}">`);
      expect(email.html).toContain('<a href="mailto:kundeservice@nordlys.example">kundeservice@nordlys.example</a>');
      expect(email.html).toContain('<a href="tel:+4722334455">');
    }
  });

  it('a demand for money shows the transfer details with the case reference; a receipt shows none', () => {
    const email = renderEmail('overdue', locale, facts());
    expect(email.text).toContain(
      [
        words.bank.title,
        `${words.bank.accountHolder}: Nordlys Energi AS`,
        'IBAN: NO93 8601 1117 947',
        'BIC: DNBANOKK',
        `${words.bank.reference}: RF18 5390 0754 7034`,
        words.bank.quoteReference,
      ].join('\n'),
    );
    expect(email.html).toContain('IBAN: NO93 8601 1117 947');
    const receipt = renderEmail('receipt', locale, facts());
    expect(receipt.text).not.toContain('IBAN');
    expect(receipt.text).not.toContain(words.bank.title);
  });

  it('without bank details or a case reference there is no transfer block, or the invoice number is what to quote', () => {
    const noBank = renderEmail('overdue', locale, facts(withoutBank));
    expect(noBank.text).not.toContain(words.bank.title);
    expect(noBank.html).not.toContain('IBAN');
    expect(noBank.text).toContain('kundeservice@nordlys.example');
    const noReference = renderEmail('overdue', locale, facts(withBank, { transferReference: undefined }));
    expect(noReference.text).toContain(words.bank.quoteInvoice.replace('{invoice}', 'INV-7'));
    expect(noReference.text).not.toContain(words.bank.reference + ':');
  });

  it('a creditor with no identity set still signs with its name and nothing empty', () => {
    const email = renderEmail('final-notice', locale, facts(bare, { description: undefined }));
    expect(email.text).toContain(`${words.signature.closing}\nNordlys Energi\n\n`);
    expect(email.text).toContain('INV-7');
    expect(email.text).not.toContain('INV-7 (');
    expect(email.text).not.toContain('undefined');
  });

  it('every SMS names the creditor, gives one way to reach it and its opt-out line, and no bank details', () => {
    for (const name of SMS) {
      const sms = renderSms(name, locale, facts());
      expect(sms.startsWith('Nordlys Energi')).toBe(true);
      expect(sms).not.toMatch(unfilled);
      expect(sms).toContain(words.smsContact.replace('{contact}', '+4722334455'));
      expect(sms.endsWith(words.smsOptOut)).toBe(true);
      expect(sms).not.toContain('NO93');
    }
    expect(renderSms('overdue-sms', locale, facts(creditorOf(nordlys({ supportPhone: undefined }))))).toContain(
      'kundeservice@nordlys.example',
    );
  });

  it('a letter carries the letterhead with address and contact, the date, the transfer details and the closing', () => {
    const letter = renderLetter('final-notice', locale, facts(), '7. desember 2026');
    expect(letter).toContain('<strong>Nordlys Energi</strong><br>Nordlys Energi AS<br>Storgata 1<br>0155 Oslo');
    expect(letter).toContain('kundeservice@nordlys.example');
    expect(letter).toContain(`${words.letter.date}: 7. desember 2026`);
    expect(letter).toContain('IBAN: NO93 8601 1117 947');
    expect(letter).toContain(`${words.signature.closing}<br>Nordlys Energi`);
    expect(letter).not.toMatch(unfilled);
  });

  it('the opt-out confirmation is signed with the contact and asks for nothing', () => {
    const confirmation = renderOptOutConfirmation(locale, withBank);
    expect(confirmation.subject).toContain('Nordlys Energi');
    expect(confirmation.text).toContain('kundeservice@nordlys.example');
    expect(confirmation.text).not.toContain('IBAN');
    expect(confirmation.html).not.toContain('https://');
  });
});

describe('dates and amounts in the reader’s locale', () => {
  const context = (locale: string | undefined): ReminderContext =>
    ({
      tenant: nordlys(),
      customer: { id: 'kari', name: 'Kari', timeZone: 'Europe/Oslo', ...(locale ? { locale } : {}) },
      optOuts: [],
      invoice: { id: 'INV-7', currency: 'NOK', dueDate: '2026-12-07', description: 'Strøm november' },
      delinquencyId: 'dlq-1',
      step: { id: 'overdue', offsetDays: 1, channel: 'email' },
      balance: 125_000,
      fee: 0,
    }) as unknown as ReminderContext;
  const clock = { clock: { now: () => new Date('2026-12-19T09:00:00Z') } } as never;

  it.each([
    ['nb-NO', '7. desember 2026'],
    ['en-GB', '7 December 2026'],
    ['sv-SE', '7 december 2026'],
    ['de-DE', '7. Dezember 2026'],
    ['fr-FR', '7 décembre 2026'],
    ['es-ES', '7 de diciembre de 2026'],
    [undefined, 'December 7, 2026'],
  ])('%s reads the due date as %s, in its own words', (locale, date) => {
    const made = messageFacts(clock, context(locale), 'https://u', 'https://p');
    expect(made.dueDate).toBe(date);
    expect(made).toMatchObject({ tenant: 'Nordlys Energi', description: 'Strøm november', daysOverdue: 12 });
    const email = renderEmail('overdue', templateLocale(locale), made);
    expect(email.text).toContain(date);
    expect(email.text).toContain('INV-7 (Strøm november)');
  });

  it('formats the amount as the reader writes it', () => {
    expect(messageFacts(clock, context('nb-NO'), '', '').amount).toMatch(/^1\s250,00\skr$/);
    expect(messageFacts(clock, context('de-DE'), '', '').amount).toMatch(/^1\.250,00\sNOK$/);
  });
});

describe('the statement', () => {
  const statement: Statement = {
    customerId: 'kari',
    name: 'Kari Nordmann',
    asOf: '2026-12-20',
    currencies: {
      NOK: {
        items: [
          {
            invoiceId: 'INV-7',
            description: 'Strøm november',
            issuedAt: '2026-11-20',
            dueDate: '2026-12-07',
            daysPastDue: 13,
            amount: 125_000,
            fees: 7_000,
            interest: 0,
            paid: 0,
            balance: 132_000,
          },
        ],
        payments: [],
        credit: 0,
        totalDue: 132_000,
      },
    },
  };

  it.each(TEMPLATE_LOCALES)(
    'in %s shows the creditor, its contact and bank, the description and local dates',
    (locale) => {
      const words = MESSAGE_WORDS[locale];
      const intl = { en: 'en-GB', nb: 'nb-NO', sv: 'sv-SE', de: 'de-DE', fr: 'fr-FR', es: 'es-ES' }[locale];
      const asOf = new Intl.DateTimeFormat(intl, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date('2026-12-20'));
      const html = renderStatementHtml(statement, withBank, locale, intl, {
        payUrl: 'https://arrears.example/portal/t',
      });
      expect(html).toContain(`<html lang="${locale}">`);
      expect(html).toContain('<strong>Nordlys Energi</strong><br>Nordlys Energi AS<br>Storgata 1<br>0155 Oslo');
      expect(html).toContain(`${words.statement.title} ${words.statement.asOf} ${asOf}`);
      expect(html).toContain('Strøm november');
      expect(html).toContain('IBAN: NO93 8601 1117 947');
      expect(html).toContain(words.statement.questions);
      expect(html).toContain('<a href="mailto:kundeservice@nordlys.example">');
      expect(html).toContain('<a href="https://arrears.example/portal/t">');
      const { subject, text } = renderStatementText(statement, withBank, locale, intl);
      expect(subject).toBe(words.statement.subject.replace('{tenant}', 'Nordlys Energi'));
      expect(text).toContain('INV-7 (Strøm november)');
      expect(text).toContain('IBAN: NO93 8601 1117 947');
      expect(text).toContain(`${words.signature.closing}\nNordlys Energi`);
      expect(text).not.toMatch(unfilled);
    },
  );

  it('without bank details shows no transfer block, and with nothing owed asks for nothing', () => {
    expect(renderStatementHtml(statement, withoutBank, 'en', 'en-GB')).not.toContain('IBAN');
    const settled: Statement = {
      ...statement,
      currencies: { NOK: { items: [], payments: [], credit: 0, totalDue: 0 } },
    };
    const html = renderStatementHtml(settled, withBank, 'en', 'en-GB', { payUrl: 'https://arrears.example/portal/t' });
    expect(html).not.toContain('IBAN');
    expect(html).not.toContain('https://arrears.example/portal/t');
    expect(html).toContain('Nothing is owed. Thank you.');
  });

  it('escapes what the tenant typed', () => {
    const hostile = creditorOf(aTenant({ name: '<script>alert(1)</script>' }));
    expect(renderStatementHtml(statement, hostile, 'en', 'en-GB')).not.toContain('<script>');
    expect(renderEmail('overdue', 'en', facts(hostile)).html).not.toContain('<script>');
  });
});

describe('bank details by account number', () => {
  it('show the account number and sort or routing code instead of an IBAN', () => {
    const creditor = creditorOf(
      nordlys({ bank: { accountHolder: 'Nordlys Ltd', accountNumber: '31926819', sortCode: '60-16-13' } }),
    );
    const text = renderEmail('overdue', 'en', facts(creditor)).text;
    expect(text).toContain('Account holder: Nordlys Ltd\nAccount number: 31926819\nSort code: 60-16-13');
    expect(text).not.toContain('IBAN');
  });
});
