// Fitting the scorecard to a tenant's own history: logistic regression by Newton's method (with a little ridge
// penalty so rare features stay finite), and the AUC that says how well a model ranks payers above non-payers.
import { DEFAULT_SCORE_MODEL, transformInputs } from './score';
import { SCORE_FEATURES, type ScoreInputs, type ScoreModel } from '../schemas/score.schema';

export interface LabelledCase {
  inputs: ScoreInputs;
  /** Whether the debt ended paid. */
  paid: boolean;
}

/** Area under the ROC curve: the chance a random payer scores above a random non-payer (ties count half). */
export const auc = (scored: readonly { score: number; paid: boolean }[]): number => {
  const sorted = [...scored].sort((a, b) => a.score - b.score);
  const positives = sorted.filter((item) => item.paid).length;
  const negatives = sorted.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  let rankSum = 0;
  for (let start = 0; start < sorted.length;) {
    let end = start;
    while (end + 1 < sorted.length && sorted[end + 1]!.score === sorted[start]!.score) end += 1;
    const averageRank = (start + end) / 2 + 1;
    for (let index = start; index <= end; index += 1) if (sorted[index]!.paid) rankSum += averageRank;
    start = end + 1;
  }
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
};

const solve = (matrix: number[][], vector: number[]): number[] => {
  const size = vector.length;
  const rows = matrix.map((row, index) => [...row, vector[index]!]);
  for (let column = 0; column < size; column += 1) {
    let pivot = column;
    for (let row = column + 1; row < size; row += 1)
      if (Math.abs(rows[row]![column]!) > Math.abs(rows[pivot]![column]!)) pivot = row;
    [rows[column], rows[pivot]] = [rows[pivot]!, rows[column]!];
    const lead = rows[column]![column]!;
    if (Math.abs(lead) < 1e-12) throw new Error('the history does not determine the weights (a feature never varies?)');
    for (let row = 0; row < size; row += 1) {
      if (row === column) continue;
      const factor = rows[row]![column]! / lead;
      for (let k = column; k <= size; k += 1) rows[row]![k]! -= factor * rows[column]![k]!;
    }
  }
  return rows.map((row, index) => row[size]! / row[index]!);
};

export interface FitOptions {
  /** Ridge penalty on the weights (not the intercept). */
  ridge?: number;
  iterations?: number;
}

/** Maximum-likelihood weights for the scorecard's features, starting from the default model. */
export const fitScoreModel = (cases: readonly LabelledCase[], id: string, options: FitOptions = {}): ScoreModel => {
  const ridge = options.ridge ?? 1;
  const rows = cases.map((labelled) => [1, ...SCORE_FEATURES.map((name) => transformInputs(labelled.inputs)[name])]);
  const labels = cases.map((labelled) => (labelled.paid ? 1 : 0));
  let beta = [DEFAULT_SCORE_MODEL.intercept, ...SCORE_FEATURES.map((name) => DEFAULT_SCORE_MODEL.weights[name])];
  const size = beta.length;
  for (let iteration = 0; iteration < (options.iterations ?? 25); iteration += 1) {
    const gradient = new Array<number>(size).fill(0);
    const hessian = Array.from({ length: size }, () => new Array<number>(size).fill(0));
    rows.forEach((x, index) => {
      const p = 1 / (1 + Math.exp(-x.reduce((sum, value, k) => sum + value * beta[k]!, 0)));
      const weight = p * (1 - p);
      for (let a = 0; a < size; a += 1) {
        gradient[a]! += (labels[index]! - p) * x[a]!;
        for (let b = 0; b < size; b += 1) hessian[a]![b]! += weight * x[a]! * x[b]!;
      }
    });
    for (let a = 1; a < size; a += 1) {
      gradient[a]! -= ridge * beta[a]!;
      hessian[a]![a]! += ridge;
    }
    const step = solve(hessian, gradient);
    beta = beta.map((value, k) => value + step[k]!);
    if (Math.max(...step.map(Math.abs)) < 1e-8) break;
  }
  const round = (value: number) => Math.round(value * 10_000) / 10_000;
  return {
    id,
    intercept: round(beta[0]!),
    weights: Object.fromEntries(SCORE_FEATURES.map((name, k) => [name, round(beta[k + 1]!)])) as ScoreModel['weights'],
  };
};

/** A reproducible split: the same seed puts the same cases in the held-out part. */
export const splitHoldout = <T>(items: readonly T[], share: number, seed: number): { train: T[]; holdout: T[] } => {
  let state = seed >>> 0 || 1;
  const random = () => {
    // xorshift32: small, fast and the same everywhere.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4_294_967_296;
  };
  const train: T[] = [];
  const holdout: T[] = [];
  for (const item of items) (random() < share ? holdout : train).push(item);
  return { train, holdout };
};
