// Propensity to pay: an explainable logistic scorecard over a debt's facts, its band, the reasons behind it, and the
// work-queue priority it drives (expected recovery weighted by urgency and by how much of the credit limit is in arrears).
import type { ScoreBand } from '../schemas/strategy.schema';
import type { ScoreFeature, ScoreInputs, ScoreModel } from '../schemas/score.schema';

/**
 * The default weights, set by judgement from what collections teams report (late and large debts pay less; a history
 * of paying on time, answering reminders and long tenure pay more; broken promises and bad endings weigh heavily).
 * A tenant replaces them with weights fitted on its own history (`npm run score:fit`).
 */
export const DEFAULT_SCORE_MODEL: ScoreModel = {
  id: 'default',
  intercept: -0.8,
  weights: {
    daysPastDue: -0.45,
    amountRatio: -0.35,
    priorDelinquencies: -0.1,
    priorBadEndings: -0.9,
    brokenPromises: -0.55,
    onTimeShare: 1.6,
    respondedShare: 0.9,
    reachableChannels: 0.35,
    bounced: -0.7,
    tenureYears: 0.12,
  },
};

/** Each input as the model sees it: capped, scaled, and with a neutral value where there is no history. */
export const transformInputs = (inputs: ScoreInputs): Record<ScoreFeature, number> => ({
  daysPastDue: Math.min(Math.max(inputs.daysPastDue, 0), 180) / 30,
  amountRatio: Math.log(Math.min(Math.max(inputs.amountRatio, 0.1), 20)),
  priorDelinquencies: Math.min(inputs.priorDelinquencies, 10),
  priorBadEndings: Math.min(inputs.priorBadEndings, 5),
  brokenPromises: Math.min(inputs.brokenPromises, 5),
  onTimeShare: inputs.onTimeShare ?? 0.5,
  respondedShare: inputs.respondedShare ?? 0.5,
  reachableChannels: Math.min(inputs.reachableChannels, 2),
  bounced: inputs.bounced ? 1 : 0,
  tenureYears: Math.min(Math.max(inputs.tenureYears, 0), 5),
});

/** The transformed values of an unremarkable debt; a reason is how far a debt's contribution sits from these. */
const NEUTRAL: Record<ScoreFeature, number> = {
  daysPastDue: 0,
  amountRatio: 0,
  priorDelinquencies: 0,
  priorBadEndings: 0,
  brokenPromises: 0,
  onTimeShare: 0.5,
  respondedShare: 0.5,
  reachableChannels: 1,
  bounced: 0,
  tenureYears: 1,
};

const percent = (share: number) => `${Math.round(share * 100)} %`;

const WORDS: Record<ScoreFeature, (inputs: ScoreInputs) => string> = {
  daysPastDue: (i) => `${i.daysPastDue} days past due`,
  amountRatio: (i) => `balance is ${i.amountRatio.toFixed(1)}× the customer's usual invoice`,
  priorDelinquencies: (i) => `${i.priorDelinquencies} earlier overdue invoice(s)`,
  priorBadEndings: (i) => `${i.priorBadEndings} earlier debt(s) handed off or written off`,
  brokenPromises: (i) => `${i.brokenPromises} broken promise(s) to pay`,
  onTimeShare: (i) =>
    i.onTimeShare === null ? 'no payment history' : `paid ${percent(i.onTimeShare)} of past invoices on time`,
  respondedShare: (i) =>
    i.respondedShare === null
      ? 'no earlier reminders to respond to'
      : `paid soon after ${percent(i.respondedShare)} of earlier reminders`,
  reachableChannels: (i) =>
    i.reachableChannels === 0 ? 'no reachable email or phone' : `reachable on ${i.reachableChannels} channel(s)`,
  bounced: () => 'an address bounced or complained',
  tenureYears: (i) => `customer for ${i.tenureYears < 1 ? 'under a year' : `${Math.floor(i.tenureYears)} year(s)`}`,
};

export const scoreBand = (value: number): ScoreBand => (value >= 0.6 ? 'high' : value >= 0.35 ? 'medium' : 'low');

export interface ScoreResult {
  value: number;
  band: ScoreBand;
  reasons: string[];
  /** Each input's contribution to the logit, against an unremarkable debt. */
  contributions: Record<ScoreFeature, number>;
}

const REASON_COUNT = 3;
/** Contributions smaller than this move the probability by well under a point: not worth a reason. */
const REASON_THRESHOLD = 0.05;

export const computeScore = (inputs: ScoreInputs, model: ScoreModel = DEFAULT_SCORE_MODEL): ScoreResult => {
  const x = transformInputs(inputs);
  const names = Object.keys(model.weights) as ScoreFeature[];
  const logit = names.reduce((sum, name) => sum + model.weights[name] * x[name], model.intercept);
  const value = Math.round((1 / (1 + Math.exp(-logit))) * 1000) / 1000;
  const contributions = Object.fromEntries(
    names.map((name) => [name, model.weights[name] * (x[name] - NEUTRAL[name])]),
  ) as Record<ScoreFeature, number>;
  const reasons = names
    .filter((name) => Math.abs(contributions[name]) >= REASON_THRESHOLD)
    .sort((a, b) => Math.abs(contributions[b]) - Math.abs(contributions[a]) || a.localeCompare(b))
    .slice(0, REASON_COUNT)
    .map((name) => `${WORDS[name](inputs)} (${contributions[name] > 0 ? 'raises' : 'lowers'} the score)`);
  return { value, band: scoreBand(value), reasons, contributions };
};

export interface PriorityFacts {
  balance: number;
  score: number;
  daysPastDue: number;
  /** Days until the next step acts (a hand-off or a fee coming up makes a call now worth more); null when none. */
  daysToNextStep: number | null;
  /** The share of the customer's credit limit that is in arrears (0 without a limit). */
  limitShareInArrears: number;
}

/** Highest key value the work-queue index stores. */
export const MAX_PRIORITY = 1_000_000;
/** Priority steps per tenfold expected recovery. */
const PRIORITY_STEPS_PER_DECADE = 100;

/**
 * Expected recovery (balance × probability), weighted by urgency (older debt and a step about to act come first) and
 * by the share of the credit limit in arrears, on a log scale in steps of about 2.3 %: the order is the order of the
 * weighted expected recovery, and a day's small drift leaves the index key (and its write cost) unchanged.
 */
export const workPriority = (facts: PriorityFacts): number => {
  const urgency =
    1 +
    Math.min(Math.max(facts.daysPastDue, 0), 90) / 180 +
    (facts.daysToNextStep !== null && facts.daysToNextStep <= 2 ? 0.25 : 0);
  const limitWeight = 1 + 0.5 * Math.min(Math.max(facts.limitShareInArrears, 0), 1);
  const weighted = Math.max(facts.balance, 0) * facts.score * urgency * limitWeight;
  return Math.min(MAX_PRIORITY, Math.round(Math.log10(1 + weighted) * PRIORITY_STEPS_PER_DECADE));
};
