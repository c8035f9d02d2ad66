// The dashboard's pure parts: the CSV a manager downloads (quoted, safe to open in a spreadsheet) and the months of a
// period as the days the reports API is asked for.
import { csvCell, csvText } from '../../../console/src/screens/dashboard/csv';
import { defaultPeriod, periodDays, periodMonths, periodProblem } from '../../../console/src/screens/dashboard/period';

describe('the CSV of a dashboard table', () => {
  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+47 Team Nord', "'+47 Team Nord"],
    ['-Olga', "'-Olga"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTab', "'\tTab"],
    ['Dahl, Nils', '"Dahl, Nils"'],
    ['Kåre Ødegård', 'Kåre Ødegård'],
  ])('writes the text %j as %j, never as a formula', (text, written) => {
    expect(csvCell(text)).toBe(written);
  });

  it('leaves numbers as numbers, negative ones too, and nothing as an empty cell', () => {
    expect(csvCell('-1250.50')).toBe('-1250.50');
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell(null)).toBe('');
  });

  it('has a header row and ends every line with CRLF', () => {
    expect(
      csvText(
        ['Currency', 'Total'],
        [
          ['NOK', '1200.00'],
          ['EUR', null],
        ],
      ),
    ).toBe('Currency,Total\r\nNOK,1200.00\r\nEUR,\r\n');
  });
});

describe('the period of the dashboard', () => {
  it('is the last six months up to today by default, the current month only up to today', () => {
    expect(defaultPeriod('2026-11-16')).toEqual({ from: '2026-06', to: '2026-11' });
    expect(defaultPeriod('2027-02-03')).toEqual({ from: '2026-09', to: '2027-02' });
    expect(periodMonths({ from: '2026-09', to: '2026-11' }, '2026-11-16')).toEqual([
      { month: '2026-09', from: '2026-09-01', to: '2026-09-30' },
      { month: '2026-10', from: '2026-10-01', to: '2026-10-31' },
      { month: '2026-11', from: '2026-11-01', to: '2026-11-16' },
    ]);
    expect(periodMonths({ from: '2028-02', to: '2028-02' }, '2028-12-01')[0]!.to).toBe('2028-02-29');
    expect(periodDays({ from: '2026-06', to: '2026-10' }, '2026-11-16')).toEqual({
      from: '2026-06-01',
      to: '2026-10-31',
    });
  });

  it('refuses a period the reports cannot answer, saying why', () => {
    expect(periodProblem({ from: '2026-11', to: '2026-10' }, '2026-11-16')).toMatch(/after the last/);
    expect(periodProblem({ from: '2026-11', to: '2026-12' }, '2026-11-16')).toMatch(/this month/);
    expect(periodProblem({ from: '2025-11', to: '2026-11' }, '2026-11-16')).toMatch(/at most 12 months/);
    expect(periodProblem({ from: '2025-12', to: '2026-11' }, '2026-11-16')).toBeNull();
    expect(periodProblem({ from: '', to: '2026-11' }, '2026-11-16')).toMatch(/Pick/);
  });
});
