// Fitting the scorecard: the AUC is the textbook one, and a fit on history generated from known weights recovers
// their direction and ranks held-out debts better than chance and no worse than the weights that made the data.
import { computeScore, DEFAULT_SCORE_MODEL } from '../../../shared/domain/score';
import { auc, fitScoreModel, splitHoldout, type LabelledCase } from '../../../shared/domain/score-fit';
import type { ScoreModel } from '../../../shared/schemas/score.schema';

describe('AUC', () => {
  it('is 1 for a perfect ranking, 0 for a reversed one, one half for all ties, and counts ties half', () => {
    const perfect = [
      { score: 0.1, paid: false },
      { score: 0.2, paid: false },
      { score: 0.8, paid: true },
      { score: 0.9, paid: true },
    ];
    expect(auc(perfect)).toBe(1);
    expect(auc(perfect.map((item) => ({ ...item, paid: !item.paid })))).toBe(0);
    expect(auc(perfect.map((item) => ({ ...item, score: 0.5 })))).toBe(0.5);
    // 3 payers, 2 non-payers; pairs won: (0.7>0.4, 0.7>0.6, 0.9>0.4, 0.9>0.6, 0.6=0.6 half, 0.6>0.4) = 5.5 of 6.
    expect(
      auc([
        { score: 0.4, paid: false },
        { score: 0.6, paid: false },
        { score: 0.6, paid: true },
        { score: 0.7, paid: true },
        { score: 0.9, paid: true },
      ]),
    ).toBeCloseTo(5.5 / 6, 10);
  });
});

describe('fitting the scorecard', () => {
  // A small deterministic generator: history drawn from a known "true" scorecard.
  let state = 12345;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  const truth: ScoreModel = {
    ...DEFAULT_SCORE_MODEL,
    id: 'truth',
    intercept: 0.2,
    weights: { ...DEFAULT_SCORE_MODEL.weights, daysPastDue: -0.8, brokenPromises: -1.2, onTimeShare: 2.5 },
  };
  const cases: LabelledCase[] = Array.from({ length: 4000 }, () => {
    const inputs = {
      daysPastDue: Math.floor(random() * 120),
      amountRatio: 0.2 + random() * 5,
      priorDelinquencies: Math.floor(random() * 4),
      priorBadEndings: random() < 0.1 ? 1 : 0,
      brokenPromises: Math.floor(random() * random() * 4),
      onTimeShare: random(),
      respondedShare: random(),
      reachableChannels: Math.floor(random() * 3),
      bounced: random() < 0.1,
      tenureYears: random() * 6,
    };
    return { inputs, paid: random() < computeScore(inputs, truth).value };
  });

  it('recovers the direction of the strong weights and ranks held-out debts well', () => {
    const { train, holdout } = splitHoldout(cases, 0.25, 7);
    expect(holdout.length).toBeGreaterThan(800);
    expect(holdout.length).toBeLessThan(1200);
    const fitted = fitScoreModel(train, 'fitted');
    expect(fitted.weights.daysPastDue).toBeLessThan(-0.4);
    expect(fitted.weights.brokenPromises).toBeLessThan(-0.6);
    expect(fitted.weights.onTimeShare).toBeGreaterThan(1.5);
    const score = (model: ScoreModel) =>
      auc(holdout.map((labelled) => ({ score: computeScore(labelled.inputs, model).value, paid: labelled.paid })));
    expect(score(fitted)).toBeGreaterThan(0.75);
    expect(score(fitted)).toBeGreaterThan(score(truth) - 0.01);
  });

  it('splits the same way for the same seed', () => {
    expect(splitHoldout(cases, 0.25, 3).holdout).toEqual(splitHoldout(cases, 0.25, 3).holdout);
    expect(splitHoldout(cases, 0.25, 3).holdout).not.toEqual(splitHoldout(cases, 0.25, 4).holdout);
  });
});
