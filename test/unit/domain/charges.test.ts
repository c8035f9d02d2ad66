// Fees and statutory interest against the worked cases of gov.uk, the Late Payment Act and Directive 2011/7/EU.
import {
  accruedInterest,
  fixedCompensation,
  stepFee,
  ukReferenceDate,
  type InterestInput,
} from '../../../shared/domain/charges';

const business = (overrides: Partial<InterestInput>): InterestInput => ({
  rule: 'uk-late-payment',
  customerKind: 'business',
  dueDate: '2026-01-31',
  asOf: '2026-03-22',
  principal: [{ from: '2026-01-01', principal: 100_000 }],
  ...overrides,
});

describe('UK Late Payment of Commercial Debts (Interest) Act', () => {
  it('gov.uk example: £1,000 at base 0.5 % for 50 days is £11.64, rounded once at the end', () => {
    // gov.uk rounds the daily figure to 23p first and shows £11.50; Arrears rounds once, at the end, as DESIGN §4 says.
    const result = accruedInterest(business({ referenceRates: [{ from: '2009-03-05', percent: 0.5 }] }))!;
    expect(result.days).toBe(50);
    expect(result.annualRatePercent).toBe(8.5);
    expect(result.amount).toBe(1_164);
  });

  it('£5,000 thirty days late at base 5.25 % (13.25 %) is £54.45 with £70 compensation', () => {
    const input = business({
      dueDate: '2024-03-01',
      asOf: '2024-03-31',
      principal: [{ from: '2024-01-01', principal: 500_000 }],
    });
    expect(accruedInterest(input)).toMatchObject({ amount: 5_445, days: 30, annualRatePercent: 13.25 });
    expect(fixedCompensation('uk-late-payment', 'business', 500_000, 'GBP')).toMatchObject({ amount: 7_000 });
  });

  it('fixes the rate on the reference date before interest starts, not on the day it starts', () => {
    // Due 14 Aug 2024: interest starts 15 Aug, when Bank Rate was 5.00 %, but 30 June's 5.25 % governs.
    expect(ukReferenceDate('2024-08-15')).toBe('2024-06-30');
    expect(ukReferenceDate('2025-02-01')).toBe('2024-12-31');
    const input = business({
      dueDate: '2024-08-14',
      asOf: '2024-11-22',
      principal: [{ from: '2024-08-01', principal: 250_000 }],
    });
    expect(accruedInterest(input)).toMatchObject({ amount: 9_075, days: 100, annualRatePercent: 13.25 });
  });

  it('£10,000 due 31 Jan 2025 paid 17 Mar 2025: 45 days at 12.75 % is £157.19, compensation £100', () => {
    const input = business({
      dueDate: '2025-01-31',
      asOf: '2025-03-17',
      principal: [{ from: '2025-01-01', principal: 1_000_000 }],
    });
    expect(accruedInterest(input)).toMatchObject({ amount: 15_719, days: 45, annualRatePercent: 12.75 });
    expect(fixedCompensation('uk-late-payment', 'business', 1_000_000, 'GBP')).toMatchObject({ amount: 10_000 });
  });

  it.each([
    [99_999, 4_000],
    [100_000, 7_000],
    [999_999, 7_000],
    [1_000_000, 10_000],
  ])('compensation band edge: %i pence gives %i pence', (debt, amount) => {
    expect(fixedCompensation('uk-late-payment', 'business', debt, 'GBP')).toMatchObject({ amount });
  });

  it('£999.99 at 11.75 % for 10 days is £3.22', () => {
    const input = business({
      dueDate: '2026-03-01',
      asOf: '2026-03-11',
      principal: [{ from: '2026-03-01', principal: 99_999 }],
    });
    expect(accruedInterest(input)).toMatchObject({ amount: 322, annualRatePercent: 11.75 });
  });

  it('records the inputs that produced the figure', () => {
    const input = business({
      dueDate: '2025-01-31',
      asOf: '2025-03-17',
      principal: [{ from: '2025-01-01', principal: 1_000_000 }],
    });
    expect(accruedInterest(input)!.inputs).toEqual({
      rule: 'uk-late-payment',
      interestStarts: '2025-02-01',
      asOf: '2025-03-17',
      annualRatePercent: 12.75,
      referenceDate: '2024-12-31',
      referenceRatePercent: 4.75,
      dayCount: 365,
    });
  });

  it('applies to business debts only, and its fixed sum only to GBP debts', () => {
    expect(accruedInterest(business({ customerKind: 'consumer' }))).toBeNull();
    expect(fixedCompensation('uk-late-payment', 'consumer', 100_000, 'GBP')).toBeNull();
    expect(fixedCompensation('uk-late-payment', 'business', 100_000, 'EUR')).toEqual({
      skipped: 'UK fixed compensation is set in GBP; the debt is in EUR',
    });
  });
});

describe('EU Late Payment Directive 2011/7/EU', () => {
  it('Ireland from 1 July 2024 (ECB 4.25 % + 8): €1,000 for 25 days is €8.39 plus €40', () => {
    const input = business({
      rule: 'eu-late-payment',
      dueDate: '2024-07-10',
      asOf: '2024-08-04',
      principal: [{ from: '2024-07-01', principal: 100_000 }],
    });
    expect(accruedInterest(input)).toMatchObject({ amount: 839, days: 25, annualRatePercent: 12.25 });
    expect(fixedCompensation('eu-late-payment', 'business', 100_000, 'EUR')).toMatchObject({ amount: 4_000 });
  });

  it('first half of 2026 (ECB 2.15 % + 8): €5,000 for 60 days is €83.42', () => {
    const input = business({
      rule: 'eu-late-payment',
      dueDate: '2026-02-01',
      asOf: '2026-04-02',
      principal: [{ from: '2026-01-01', principal: 500_000 }],
    });
    expect(accruedInterest(input)).toMatchObject({ amount: 8_342, days: 60, annualRatePercent: 10.15 });
  });

  it('takes a tenant’s own reference rates over the shipped table', () => {
    const input = business({
      rule: 'eu-late-payment',
      dueDate: '2024-01-31',
      asOf: '2024-04-30',
      referenceRates: [{ from: '2024-01-01', percent: 4.5 }],
      principal: [{ from: '2024-01-01', principal: 2_000_000 }],
    });
    expect(accruedInterest(input)).toMatchObject({ amount: 61_644, days: 90, annualRatePercent: 12.5 });
  });
});

describe('simple interest', () => {
  it('€1,000 at 10.5 % for 30 days is €8.63', () => {
    const input = business({
      rule: 'simple',
      annualRatePercent: 10.5,
      customerKind: 'consumer',
      dueDate: '2026-01-31',
      asOf: '2026-03-02',
    });
    expect(accruedInterest(input)).toMatchObject({ amount: 863, days: 30 });
  });

  it('charges each day on the principal outstanding that day, so a partial payment loses no interest', () => {
    const input = business({
      rule: 'simple',
      annualRatePercent: 10,
      dueDate: '2026-01-31',
      asOf: '2026-02-20',
      principal: [
        { from: '2026-01-01', principal: 100_000 },
        { from: '2026-02-11', principal: 50_000 },
      ],
    });
    // 10 days on 1,000.00 then 10 days on 500.00 at 10 %: 15,000,000 principal-days x 0.1 / 365 = 410.96
    expect(accruedInterest(input)).toMatchObject({ amount: 411, days: 20 });
  });

  it('accrues nothing before or on the due date', () => {
    expect(accruedInterest(business({ rule: 'simple', annualRatePercent: 10, asOf: '2026-01-31' }))).toMatchObject({
      amount: 0,
      days: 0,
    });
  });
});

describe('step fees', () => {
  it('takes a percentage of the principal, rounded half-up', () => {
    expect(stepFee({ percent: 2 }, 125_000, 'NOK')).toMatchObject({ amount: 2_500 });
    expect(stepFee({ percent: 2.5 }, 333, 'NOK')).toMatchObject({ amount: 8 });
    expect(stepFee({ percent: 5 }, 10, 'NOK')).toMatchObject({ amount: 1 });
  });

  it('charges a fixed fee in the invoice currency, and never converts one set for another currency', () => {
    expect(stepFee({ amount: 7_000 }, 125_000, 'NOK')).toMatchObject({ amount: 7_000 });
    expect(stepFee({ amount: 4_000, currency: 'GBP' }, 125_000, 'GBP')).toMatchObject({ amount: 4_000 });
    expect(stepFee({ amount: 4_000, currency: 'GBP' }, 125_000, 'NOK')).toEqual({
      skipped: 'the fixed fee is set in GBP; the invoice is in NOK',
    });
  });
});
