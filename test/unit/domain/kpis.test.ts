// The KPI formulas against every worked example of RULES-REFERENCE §5 (5.1-5.5, 5.7-5.9), money in whole units.
import {
  averageDaysDelinquent,
  bestPossibleDso,
  collectionEffectivenessIndex,
  countBackDso,
  cureRate,
  percentage,
  promiseKeptRate,
  recoveryRate,
  regularDso,
  rollRate,
  roundedRatio,
} from '../../../shared/domain/kpis';

describe('5.1 DSO, regular method', () => {
  it.each([
    ['A/R 150,000, annual sales 1,800,000, 365 days', 150_000, 1_800_000, 365, 30.42],
    ['average A/R 18,000, April sales 20,000, 30 days', 18_000, 20_000, 30, 27],
    ['A/R 15,000, sales 10,000, 30 days', 15_000, 10_000, 30, 45],
    ['Paramount: 4.6 m on 9 m over 90 days is 46.0 (the page prints 45.6 by mistake)', 4_600_000, 9_000_000, 90, 46],
  ])('%s', (_case, receivables, creditSales, days, expected) => {
    expect(regularDso({ receivables, creditSales, days })).toBe(expected);
  });

  it('rounds 30.416… to 30.42 (the source shows 30.4 at one decimal)', () => {
    expect(regularDso({ receivables: 150_000, creditSales: 1_800_000, days: 365 })!.toFixed(1)).toBe('30.4');
  });

  it('is null, not zero, when nothing was sold', () => {
    expect(regularDso({ receivables: 5_000, creditSales: 0, days: 30 })).toBeNull();
  });
});

describe('5.2 DSO, count-back method', () => {
  it('A/R 212,000 against 100,000 / 80,000 / 70,000 in 30-day months is 73.71 days', () => {
    const months = [
      { creditSales: 100_000, days: 30 },
      { creditSales: 80_000, days: 30 },
      { creditSales: 70_000, days: 30 },
    ];
    expect(countBackDso(212_000, months)).toBe(73.71);
  });

  it('the same with calendar months Mar 31 / Feb 28 / Jan 31 is 73.17 days', () => {
    const months = [
      { creditSales: 100_000, days: 31 },
      { creditSales: 80_000, days: 28 },
      { creditSales: 70_000, days: 31 },
    ];
    expect(countBackDso(212_000, months)).toBe(73.17);
  });

  it('A/R 90,000 inside the latest month of 100,000 sales over 31 days is 27.9 days', () => {
    expect(countBackDso(90_000, [{ creditSales: 100_000, days: 31 }])).toBe(27.9);
  });

  it('a month without sales counts whole; no receivables is 0 days; receivables beyond every month is null', () => {
    expect(
      countBackDso(50_000, [
        { creditSales: 0, days: 30 },
        { creditSales: 100_000, days: 31 },
      ]),
    ).toBe(45.5);
    expect(countBackDso(0, [{ creditSales: 100_000, days: 30 }])).toBe(0);
    expect(
      countBackDso(300_000, [
        { creditSales: 100_000, days: 30 },
        { creditSales: 100_000, days: 31 },
      ]),
    ).toBeNull();
  });

  it('exhausting a month exactly counts its days whole', () => {
    expect(
      countBackDso(180_000, [
        { creditSales: 100_000, days: 30 },
        { creditSales: 80_000, days: 30 },
      ]),
    ).toBe(60);
  });
});

describe('5.3 best possible DSO', () => {
  it.each([
    ['current 4,000, sales 10,000, 30 days', 4_000, 10_000, 30, 12],
    ['current 2,070,000, sales 9,000,000, 90 days', 2_070_000, 9_000_000, 90, 20.7],
    ['current 6,000, sales 15,000, 30 days', 6_000, 15_000, 30, 12],
  ])('%s', (_case, currentReceivables, creditSales, days, expected) => {
    expect(bestPossibleDso({ currentReceivables, creditSales, days })).toBe(expected);
  });
});

describe('5.4 average days delinquent (DSO − best possible DSO)', () => {
  it.each([
    ['creditguru: DSO 45 − BPDSO 12', 15_000, 4_000, 10_000, 30, 33],
    ['yaypay: DSO 25,000/15,000 × 30 = 50 − BPDSO 12', 25_000, 6_000, 15_000, 30, 38],
    ['Paramount corrected: 46.0 − 20.7', 4_600_000, 2_070_000, 9_000_000, 90, 25.3],
  ])('%s', (_case, receivables, currentReceivables, creditSales, days, expected) => {
    expect(averageDaysDelinquent({ receivables, currentReceivables, creditSales, days })).toBe(expected);
    const dso = regularDso({ receivables, creditSales, days })!;
    const best = bestPossibleDso({ currentReceivables, creditSales, days })!;
    expect(Number((dso - best).toFixed(2))).toBe(expected);
  });
});

describe('5.5 Collection Effectiveness Index (CRF)', () => {
  it('Jan-Mar: beginning 6,200, sales 10,890 over 3 months, ending 6,340, current 3,590 is 55.9 %', () => {
    expect(
      collectionEffectivenessIndex({
        beginningReceivables: 6_200,
        creditSales: 10_890,
        months: 3,
        endingReceivables: 6_340,
        endingCurrentReceivables: 3_590,
      }),
    ).toBe(55.9);
  });

  it('a year with the annual sales undivided (N = 1): 100,000 + 1,000,000 − 120,000 over 1,000,000 is 98 %', () => {
    expect(
      collectionEffectivenessIndex({
        beginningReceivables: 100_000,
        creditSales: 1_000_000,
        months: 1,
        endingReceivables: 120_000,
        endingCurrentReceivables: 100_000,
      }),
    ).toBe(98);
  });

  it('is 100 % when everything past due was collected, and null when there was nothing to collect', () => {
    expect(
      collectionEffectivenessIndex({
        beginningReceivables: 1_000,
        creditSales: 3_000,
        months: 1,
        endingReceivables: 500,
        endingCurrentReceivables: 500,
      }),
    ).toBe(100);
    expect(
      collectionEffectivenessIndex({
        beginningReceivables: 0,
        creditSales: 0,
        months: 1,
        endingReceivables: 0,
        endingCurrentReceivables: 0,
      }),
    ).toBeNull();
  });
});

describe('5.7 promise-to-pay kept rate', () => {
  it('40 promises decided, 26 kept is 65 %; 52,000 promised, 39,000 received is 75 %', () => {
    expect(promiseKeptRate({ decided: 40, kept: 26, promisedAmount: 52_000, paidAmount: 39_000 })).toEqual({
      count: 65,
      amount: 75,
    });
  });

  it('9 of 10 kept is 90 %; no promise decided gives no rate', () => {
    expect(promiseKeptRate({ decided: 10, kept: 9, promisedAmount: 0, paidAmount: 0 })).toEqual({
      count: 90,
      amount: null,
    });
  });
});

describe('5.8 roll rate and cure rate', () => {
  it.each([
    ['20 of 100 cards 30 days late still delinquent at 60', 100, 20, 20],
    ['30 of 100 at 60 still delinquent at 90', 100, 30, 30],
    ['30-day bucket 100 m in February, 60-day bucket 40 m in March', 100_000_000, 40_000_000, 40],
    ['1,000,000 rolling to 600,000 is 60 % (a source prints 6 %)', 1_000_000, 600_000, 60],
  ])('%s', (_case, atStart, atEnd, expected) => {
    expect(rollRate(atStart, atEnd)).toBe(expected);
  });

  it('200 accounts at 1-30 days on 1 March, 130 current on 1 April: cure rate 65 %', () => {
    expect(cureRate(200, 130)).toBe(65);
  });

  it('a cure count outside 0..start (refunds reopening more than were cured) stays within 0-100 %', () => {
    expect(cureRate(10, -2)).toBe(0);
    expect(cureRate(10, 12)).toBe(100);
    expect(cureRate(0, 0)).toBeNull();
  });
});

describe('5.9 recovery rate', () => {
  it('250,000 collected on 1,000,000 placed is 25 %', () => {
    expect(recoveryRate(250_000, 1_000_000)).toBe(25);
  });
});

describe('rounding', () => {
  it('rounds half away from zero from the exact fraction, with no float error', () => {
    expect(roundedRatio(1n, 8n, 2)).toBe(0.13);
    expect(roundedRatio(-1n, 8n, 2)).toBe(-0.13);
    expect(percentage(1, 3)).toBe(33.3);
    expect(percentage(2, 3)).toBe(66.7);
    // 1.005 is 1.00499999… as a float; the exact fraction 201/200 rounds up.
    expect(roundedRatio(201n, 200n, 2)).toBe(1.01);
  });

  it('keeps amounts beyond 2^53 once multiplied by days exact', () => {
    expect(regularDso({ receivables: 9_000_000_000_000, creditSales: 27_000_000_000_000, days: 365 })).toBe(121.67);
  });

  it('refuses money that is not whole minor units', () => {
    expect(() => percentage(1.5, 3)).toThrow(RangeError);
  });
});
