// The KPIs of a period read off counters: the worked examples again, this time through the report state's counters.
import { countBackMonths, kpiFiguresOf, periodMonths } from '../../../shared/domain/report-figures';

describe('KPIs of a period from counters', () => {
  it('CEI 55.9 %: beginning 6,200, sales 10,890 in Jan-Mar, ending 6,340 of which 3,590 current', () => {
    const start = { 'o:2024-12-20': 6_200 };
    const end = {
      'o:2025-04-10': 3_590,
      'o:2025-03-10': 2_750,
      's:2025-01-15': 3_630,
      's:2025-02-15': 3_630,
      's:2025-03-15': 3_630,
      's:2024-12-15': 9_999,
    };
    const figures = kpiFiguresOf(start, end, { from: '2025-01-01', to: '2025-03-31' });
    expect(figures.receivables).toEqual({
      beginning: 6_200,
      ending: 6_340,
      endingCurrent: 3_590,
      endingPastDue: 2_750,
    });
    expect(figures.creditSales).toBe(10_890);
    expect(figures.cei).toBe(55.9);
    expect(figures.dsoRegular).toBe(52.4);
    expect(figures.bestPossibleDso).toBe(29.67);
    expect(figures.averageDaysDelinquent).toBe(22.73);
  });

  it('count-back DSO 73.17 over calendar months: A/R 212,000, March 100,000, February 80,000, January 70,000', () => {
    const end = { 'o:2025-03-01': 212_000, 's:2025-03-05': 100_000, 's:2025-02-05': 80_000, 's:2025-01-05': 70_000 };
    expect(kpiFiguresOf({}, end, { from: '2025-03-01', to: '2025-03-31' }).dso).toBe(73.17);
  });

  it('a due date equal to the period end is current; the day after it is past due', () => {
    const end = { 'o:2025-03-31': 100, 'o:2025-03-30': 10, 's:2025-03-01': 110 };
    expect(kpiFiguresOf({}, end, { from: '2025-03-01', to: '2025-03-31' }).receivables).toMatchObject({
      endingCurrent: 100,
      endingPastDue: 10,
    });
  });

  it('cure 65 %, roll 20 %: 200 invoices 1-30 days past due at the start, 130 settled by the end; 20 of 100 still owed', () => {
    // The close of 2025-02-28: due 2025-02-10 is 18 days past due (bucket 1-30).
    const start = { 'o:2025-02-10': 100, 'n:2025-02-10': 200, 'o:2025-01-10': 100, 'n:2025-01-10': 100 };
    const end = {
      'o:2025-02-10': 20,
      'n:2025-02-10': 70,
      'p:2025-02-10': 130,
      'o:2025-01-10': 30,
      'n:2025-01-10': 30,
      'p:2025-01-10': 70,
    };
    const figures = kpiFiguresOf(start, end, { from: '2025-03-01', to: '2025-03-31' });
    expect(figures.delinquentAtStart).toBe(300);
    expect(figures.cured).toBe(200);
    expect(figures.rollRates['1-30']).toEqual({ to: '31-60', balance: 20, count: 35 });
    expect(figures.rollRates['31-60']).toEqual({ to: '61-90', balance: 30, count: 30 });
    expect(figures.rollRates['61-90']).toEqual({ to: '91+', balance: null, count: null });
    const onlyOneBucket = kpiFiguresOf(
      { 'n:2025-02-10': 200 },
      { 'p:2025-02-10': 130, 'n:2025-02-10': 70 },
      { from: '2025-03-01', to: '2025-03-31' },
    );
    expect(onlyOneBucket.cureRate).toBe(65);
  });

  it('promises kept 65 % / 75 % and recovery 25 %, from what moved within the period only', () => {
    const start = { ptpDecided: 5, ptpKept: 5, ptpPromised: 1_000, ptpPaid: 1_000, pdCollected: 90_000 };
    const end = {
      ptpDecided: 45,
      ptpKept: 31,
      ptpPromised: 53_000,
      ptpPaid: 40_000,
      pdCollected: 340_000,
      'o:2025-01-10': 750_000,
    };
    const figures = kpiFiguresOf(start, end, { from: '2025-03-01', to: '2025-03-31' });
    expect(figures.promises).toEqual({
      decided: 40,
      kept: 26,
      promised: 52_000,
      paid: 39_000,
      keptRate: { count: 65, amount: 75 },
    });
    expect(figures.recoveryRate).toBe(25);
  });

  it('undefined figures are null: no sales, no promises, nothing delinquent', () => {
    const figures = kpiFiguresOf({}, {}, { from: '2025-03-01', to: '2025-03-31' });
    expect(figures).toMatchObject({
      dso: 0,
      dsoRegular: null,
      bestPossibleDso: null,
      cei: null,
      recoveryRate: null,
      cureRate: null,
      promises: { keptRate: { count: null, amount: null } },
    });
  });
});

describe('the opening receivables of a period imported into after it began', () => {
  it('item 15: an invoice issued before the period and imported during it is owed at the start, one issued in it is not', () => {
    // Nothing at the close of 31 December; by 31 March three invoices were imported: two issued before January.
    const start = {};
    const end = {
      'o:2025-01-09': 30_000,
      'o:2025-02-14': 20_000,
      'i:2024-11-15': 50_000,
      'i:2024-12-10': 30_000,
      'i:2025-01-15': 20_000,
      's:2025-01-15': 20_000,
      collected: 50_000,
    };
    const figures = kpiFiguresOf(start, end, { from: '2025-01-01', to: '2025-03-31' });
    expect(figures.receivables.beginning).toBe(80_000);
    // (80,000 + 20,000 ÷ 3 − 50,000) ÷ (80,000 + 20,000 ÷ 3 − 0)
    expect(figures.cei).toBe(42.3);
  });

  it('counts an import once: one already counted at the start, or lumped as old, adds nothing more', () => {
    const start = { 'o:2024-12-15': 50_000, 'i:2024-11-15': 50_000, 'i:old': 7_000, 'o:2023-01-01': 7_000 };
    const end = {
      'o:2024-12-15': 50_000,
      'i:2024-11-15': 50_000,
      'i:old': 9_000,
      'o:2023-01-01': 7_000,
      'o:2023-02-01': 2_000,
    };
    expect(kpiFiguresOf(start, end, { from: '2025-01-01', to: '2025-01-31' }).receivables.beginning).toBe(59_000);
  });
});

describe('periods', () => {
  it('counts CEI months as days over a mean month, at least one', () => {
    expect(periodMonths({ from: '2025-01-01', to: '2025-03-31' })).toBe(3);
    expect(periodMonths({ from: '2025-02-01', to: '2025-02-28' })).toBe(1);
    expect(periodMonths({ from: '2025-03-01', to: '2025-03-07' })).toBe(1);
    expect(periodMonths({ from: '2024-01-01', to: '2024-12-31' })).toBe(12);
  });

  it('counts back over calendar months, the latest one up to the end date', () => {
    expect(countBackMonths('2024-03-15', 3)).toEqual([
      { from: '2024-03-01', to: '2024-03-15', days: 15 },
      { from: '2024-02-01', to: '2024-02-29', days: 29 },
      { from: '2024-01-01', to: '2024-01-31', days: 31 },
    ]);
  });
});
