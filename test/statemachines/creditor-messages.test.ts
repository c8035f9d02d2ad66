// Issue 15: what the debtor receives from the running engine names the creditor they know, signs with it, gives its
// contact and bank details and the invoice's description, in the customer's language, with answers going to its reply-to.
import { NORDLYS_IDENTITY } from '../fixtures/creditor-tenant';
import { createHarness, TENANT, type Harness } from './harness';

let harness: Harness;
const letters: string[] = [];
beforeAll(async () => {
  harness = await createHarness('2026-12-01T23:30:00Z');
  const tenant = (await harness.engine.tenants.getTenant(TENANT))!;
  const identity = { ...NORDLYS_IDENTITY, name: 'Nordlys Energi', emailFrom: 'innkreving@nordlys.example' };
  await harness.engine.tenants.putTenant({ ...tenant, ...identity });
  const storeLetter = harness.engine.delinquencies.storeLetter.bind(harness.engine.delinquencies);
  harness.engine.delinquencies.storeLetter = async (tenantId, delinquencyId, letter) => {
    letters.push(letter.html);
    return storeLetter(tenantId, delinquencyId, letter);
  };
});
afterAll(() => harness.stop());

describe('the creditor in every message', () => {
  it('an overdue email, its SMS, the letter and the statement name, sign and give the contact of the creditor, in Norwegian', async () => {
    await harness.openCase({
      invoiceId: 'nordlys-1',
      dueDate: '2026-12-01',
      customerId: 'kari-nb',
      customer: { locale: 'nb-NO' },
      description: 'Strøm november',
      strategy: {
        name: 'Every channel',
        steps: [
          { id: 'overdue', offsetDays: 1, channel: 'email', template: 'overdue' },
          { id: 'overdue-sms', offsetDays: 2, channel: 'sms', template: 'overdue-sms' },
          { id: 'letter', offsetDays: 3, channel: 'letter', template: 'final-notice' },
          { id: 'statement', offsetDays: 4, channel: 'statement' },
          { id: 'hand-off', offsetDays: 30, channel: 'agency' },
        ],
      },
    });
    await harness.advanceTo('2026-12-06T12:00:00Z');
    const sent = harness.outbox.list().filter((message) => message.customerId === 'kari-nb');
    expect(sent.map((message) => `${message.channel}:${message.step}`)).toEqual([
      'email:overdue',
      'sms:overdue-sms',
      'email:statement',
    ]);
    const [email, sms, statement] = sent;

    expect(email).toMatchObject({
      from: 'innkreving@nordlys.example',
      replyTo: 'svar@nordlys.example',
      subject: 'Nordlys Energi: faktura nordlys-1 er forfalt',
    });
    expect(email!.body).toContain('Faktura nordlys-1 (Strøm november) forfalt 1. desember 2026');
    expect(email!.body).toContain('Med vennlig hilsen\nNordlys Energi\nNordlys Energi AS\nStorgata 1\n0155 Oslo');
    expect(email!.body).toContain('E-post: kundeservice@nordlys.example\nTelefon: +4722334455');
    expect(email!.body).toContain(
      'Betal med bankoverføring\nKontoinnehaver: Nordlys Energi AS\nIBAN: NO93 8601 1117 947',
    );
    expect(email!.html).toContain('<a href="mailto:kundeservice@nordlys.example">');

    expect(sms!.body).toMatch(/^Nordlys Energi: faktura nordlys-1 \(.+\) er forfalt siden 1\. desember 2026\./);
    expect(sms!.body).toContain('Spørsmål: +4722334455');

    expect(letters).toHaveLength(1);
    expect(letters[0]).toContain('<strong>Nordlys Energi</strong><br>Nordlys Energi AS<br>Storgata 1<br>0155 Oslo');
    expect(letters[0]).toContain('Dato: 4. desember 2026');
    expect(letters[0]).toContain('IBAN: NO93 8601 1117 947');

    expect(statement).toMatchObject({
      subject: 'Nordlys Energi: kontoutskriften din',
      replyTo: 'svar@nordlys.example',
    });
    expect(statement!.body).toContain('nordlys-1 (Strøm november)');
    expect(statement!.body).toContain(
      'Spørsmål om kontoutskriften? Kontakt oss.\nE-post: kundeservice@nordlys.example',
    );
    expect(statement!.html).toContain('IBAN: NO93 8601 1117 947');
  });
});
