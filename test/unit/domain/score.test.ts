// The propensity-to-pay scorecard: monotone where common sense says it must be, its reasons the largest contributions,
// and the work-queue priority ordered by weighted expected recovery.
import { computeScore, DEFAULT_SCORE_MODEL, scoreBand, workPriority } from '../../../shared/domain/score';
import { packInputs, unpackInputs, type ScoreInputs } from '../../../shared/schemas/score.schema';

const typical: ScoreInputs = {
  daysPastDue: 10,
  amountRatio: 1,
  priorDelinquencies: 1,
  priorBadEndings: 0,
  brokenPromises: 0,
  onTimeShare: 0.8,
  respondedShare: 0.5,
  reachableChannels: 2,
  bounced: false,
  tenureYears: 2,
};
const score = (changes: Partial<ScoreInputs>) => computeScore({ ...typical, ...changes }).value;

describe('propensity-to-pay score', () => {
  it.each([
    ['days past due', 'daysPastDue', [0, 15, 45, 90, 180]],
    ['balance against the usual invoice', 'amountRatio', [0.5, 1, 2, 5, 15]],
    ['earlier bad endings', 'priorBadEndings', [0, 1, 2, 3]],
    ['broken promises', 'brokenPromises', [0, 1, 2, 4]],
  ] as const)('falls as %s grow', (_label, name, values) => {
    const scores = values.map((value) => score({ [name]: value }));
    for (let i = 1; i < scores.length; i += 1) expect(scores[i]).toBeLessThan(scores[i - 1]!);
  });

  it.each([
    ['the share of invoices paid on time', 'onTimeShare', [0, 0.25, 0.5, 0.9, 1]],
    ['the share of reminders answered by paying', 'respondedShare', [0, 0.5, 1]],
    ['reachable channels', 'reachableChannels', [0, 1, 2]],
    ['tenure', 'tenureYears', [0, 1, 3, 5]],
  ] as const)('rises with %s', (_label, name, values) => {
    const scores = values.map((value) => score({ [name]: value }));
    for (let i = 1; i < scores.length; i += 1) expect(scores[i]).toBeGreaterThan(scores[i - 1]!);
  });

  it('falls when an address bounced, and stays within 0..1 at the extremes', () => {
    expect(score({ bounced: true })).toBeLessThan(score({ bounced: false }));
    const worst = score({
      daysPastDue: 400,
      amountRatio: 50,
      priorBadEndings: 9,
      brokenPromises: 9,
      onTimeShare: 0,
      respondedShare: 0,
      reachableChannels: 0,
      bounced: true,
      tenureYears: 0,
    });
    const best = score({
      daysPastDue: 0,
      amountRatio: 0.1,
      onTimeShare: 1,
      respondedShare: 1,
      tenureYears: 10,
      priorDelinquencies: 0,
    });
    expect(worst).toBeGreaterThanOrEqual(0);
    expect(worst).toBeLessThan(0.05);
    expect(best).toBeLessThanOrEqual(1);
    expect(best).toBeGreaterThan(0.9);
  });

  it('gives as reasons the largest contributions, largest first, saying which way each pushes', () => {
    const result = computeScore({ ...typical, daysPastDue: 90, brokenPromises: 2, onTimeShare: 0.95 });
    const ranked = Object.entries(result.contributions)
      .filter(([, contribution]) => Math.abs(contribution) >= 0.05)
      .sort(([, a], [, b]) => Math.abs(b) - Math.abs(a))
      .slice(0, 3);
    expect(ranked.map(([name]) => name)).toEqual(['daysPastDue', 'brokenPromises', 'onTimeShare']);
    expect(result.reasons).toEqual([
      '90 days past due (lowers the score)',
      '2 broken promise(s) to pay (lowers the score)',
      'paid 95 % of past invoices on time (raises the score)',
    ]);
  });

  it('bands at 0.6 and 0.35', () => {
    expect([0.6, 0.599, 0.35, 0.349].map(scoreBand)).toEqual(['high', 'medium', 'medium', 'low']);
  });

  it('uses a fitted model in place of the default weights', () => {
    const flat = {
      ...DEFAULT_SCORE_MODEL,
      id: 'flat',
      intercept: 0,
      weights: Object.fromEntries(
        Object.keys(DEFAULT_SCORE_MODEL.weights).map((name) => [name, 0]),
      ) as typeof DEFAULT_SCORE_MODEL.weights,
    };
    expect(computeScore(typical, flat)).toMatchObject({ value: 0.5, band: 'medium', reasons: [] });
  });

  it('stores its inputs compactly and reads them back unchanged', () => {
    expect(unpackInputs(packInputs({ ...typical, onTimeShare: null, bounced: true }))).toEqual({
      ...typical,
      onTimeShare: null,
      bounced: true,
    });
  });
});

describe('work-queue priority', () => {
  const base = { balance: 100_000, score: 0.5, daysPastDue: 10, daysToNextStep: 5, limitShareInArrears: 0 };
  it('ranks by expected recovery: a larger balance or a better score first', () => {
    expect(workPriority({ ...base, balance: 200_000 })).toBeGreaterThan(workPriority(base));
    expect(workPriority({ ...base, score: 0.8 })).toBeGreaterThan(workPriority(base));
    // Equal expected recovery, equal rank.
    expect(workPriority({ ...base, balance: 200_000, score: 0.25 })).toBe(workPriority(base));
  });

  it('weighs urgency (older debt, a step about to act) and the share of the credit limit in arrears', () => {
    expect(workPriority({ ...base, daysPastDue: 60 })).toBeGreaterThan(workPriority(base));
    expect(workPriority({ ...base, daysToNextStep: 1 })).toBeGreaterThan(workPriority(base));
    expect(workPriority({ ...base, limitShareInArrears: 1 })).toBeGreaterThan(workPriority(base));
  });

  it('is zero for nothing owed and stays within the index range', () => {
    expect(workPriority({ ...base, balance: 0 })).toBe(0);
    expect(
      workPriority({
        ...base,
        balance: Number.MAX_SAFE_INTEGER,
        score: 1,
        daysPastDue: 90,
        daysToNextStep: 0,
        limitShareInArrears: 1,
      }),
    ).toBeLessThanOrEqual(1_000_000);
  });
});
