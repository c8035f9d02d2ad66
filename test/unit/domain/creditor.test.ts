// What the debtor sees of the creditor: the display and legal names, the address as lines, the IBAN in groups of four.
import { creditorOf } from '../../../shared/domain/creditor';
import { demoIdentity } from '../../../local/tenants';

describe('creditorOf', () => {
  it("shows the demo tenant's identity as a debtor reads it", () => {
    expect(creditorOf(demoIdentity('demo'))).toEqual({
      name: 'Nordlys Energi',
      legalName: 'Nordlys Energi AS',
      address: ['Storgata 12', '0155 Oslo', 'Norway'],
      supportEmail: 'support@nordlys-energi.example',
      supportPhone: '+4721000000',
      bank: { accountHolder: 'Nordlys Energi AS', iban: 'NO93 8601 1117 947', bic: 'DNBANOKK' },
      brand: {},
    });
  });

  it('names the country in the reader’s language when asked', () => {
    expect(creditorOf(demoIdentity('demo'), 'nb').address).toEqual(['Storgata 12', '0155 Oslo', 'Norge']);
  });

  it('falls back to the display name and shows nothing that is not set', () => {
    expect(creditorOf({ name: 'Acme' })).toEqual({ name: 'Acme', legalName: 'Acme', brand: {} });
  });

  it('writes a UK address and account the way UK payers expect', () => {
    const creditor = creditorOf({
      name: 'Acme',
      address: { lines: ['1 High Street'], postalCode: 'SW1A 1AA', city: 'London', country: 'GB' },
      bank: { accountHolder: 'Acme Ltd', accountNumber: '12345678', sortCode: '123456' },
      brand: { color: '#112233' },
    });
    expect(creditor.address).toEqual(['1 High Street', 'London', 'SW1A 1AA', 'United Kingdom']);
    expect(creditor.bank).toEqual({ accountHolder: 'Acme Ltd', accountNumber: '12345678', sortCode: '12-34-56' });
    expect(creditor.brand).toEqual({ color: '#112233' });
  });
});
