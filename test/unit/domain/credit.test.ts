// Credit position and hold reasons: exposure in the limit's currency, available credit, and the two hold rules.
import { creditPosition } from '../../../shared/domain/credit';

const base = { limit: { amount: 100_000, currency: 'EUR' }, unbilled: null, today: '2026-12-20', holdDaysPastDue: 30 };

describe('credit position', () => {
  it('adds open balances and unbilled in the limit currency into exposure, and what is left is available', () => {
    const position = creditPosition({
      ...base,
      openInvoices: [
        { balance: 40_000, currency: 'EUR', dueDate: '2027-01-05' },
        { balance: 25_000, currency: 'EUR', dueDate: '2026-12-10' },
        { balance: 999_999, currency: 'NOK', dueDate: '2026-12-01' },
        { balance: 0, currency: 'EUR', dueDate: '2026-10-01' },
      ],
      unbilled: { amount: 20_000, currency: 'EUR' },
    });
    expect(position).toMatchObject({
      currency: 'EUR',
      limit: 100_000,
      openBalance: 65_000,
      unbilled: 20_000,
      exposure: 85_000,
      available: 15_000,
      pastDueBalance: 25_000,
      maxDaysPastDue: 19,
      limitShareInArrears: 0.25,
      reasons: [],
    });
  });

  it('holds over the limit (not at it), and from the threshold day of any debt in any currency', () => {
    const at = (balance: number) =>
      creditPosition({ ...base, openInvoices: [{ balance, currency: 'EUR', dueDate: '2027-01-05' }] }).reasons;
    expect(at(100_000)).toEqual([]);
    expect(at(100_001)).toEqual(['over-limit']);
    const late = (dueDate: string) =>
      creditPosition({ ...base, openInvoices: [{ balance: 10, currency: 'NOK', dueDate }] });
    expect(late('2026-11-21').reasons).toEqual([]); // 29 days
    expect(late('2026-11-20')).toMatchObject({ maxDaysPastDue: 30, reasons: ['past-due'] });
  });

  it('has no available credit or limit share without a limit, but still holds for a debt past the threshold', () => {
    const position = creditPosition({
      ...base,
      limit: null,
      openInvoices: [{ balance: 5_000, currency: 'USD', dueDate: '2026-10-01' }],
    });
    expect(position).toMatchObject({
      currency: null,
      limit: null,
      available: null,
      exposure: 5_000,
      limitShareInArrears: 0,
      reasons: ['past-due'],
    });
    expect(
      creditPosition({ ...base, openInvoices: [{ balance: 500_000, currency: 'EUR', dueDate: '2026-12-01' }] })
        .available,
    ).toBe(0);
  });
});
