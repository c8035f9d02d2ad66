// Collections KPI formulas (RULES-REFERENCE §5): integer money in, days and percentages out, each rounded once at the end.
//
// Rounding: days to 2 decimals (73.71), percentages to 1 decimal (55.9), half away from zero, computed from the exact
// integer fraction so no float error creeps in. A figure whose denominator is zero is null ("not defined"), never 0.

export const DAYS_DECIMALS = 2;
export const PERCENT_DECIMALS = 1;

const abs = (value: bigint) => (value < 0n ? -value : value);

/** numerator ÷ denominator rounded half away from zero to `decimals` places; null when the denominator is 0. */
export const roundedRatio = (numerator: bigint, denominator: bigint, decimals: number): number | null => {
  if (denominator === 0n) return null;
  const scale = 10n ** BigInt(decimals);
  const scaled = abs(numerator) * scale;
  const divisor = abs(denominator);
  let quotient = scaled / divisor;
  if ((scaled % divisor) * 2n >= divisor) quotient += 1n;
  const negative = numerator < 0n !== denominator < 0n && quotient !== 0n;
  return (negative ? -1 : 1) * (Number(quotient) / Number(scale));
};

const big = (value: number): bigint => {
  if (!Number.isSafeInteger(value)) throw new RangeError(`KPI inputs are whole minor units or days, got ${value}`);
  return BigInt(value);
};

/** part ÷ whole × 100, to one decimal; null when the whole is zero. */
export const percentage = (part: number, whole: number): number | null =>
  roundedRatio(big(part) * 100n, big(whole), PERCENT_DECIMALS);

export interface DsoInput {
  /** Total open receivables at the end of the period. */
  receivables: number;
  /** Credit sales (invoiced amounts) of the period. */
  creditSales: number;
  /** Days in the period. */
  days: number;
}

/** Regular DSO: ending receivables ÷ credit sales × days (RULES §5.1). */
export const regularDso = ({ receivables, creditSales, days }: DsoInput): number | null =>
  roundedRatio(big(receivables) * big(days), big(creditSales), DAYS_DECIMALS);

export interface SalesMonth {
  creditSales: number;
  days: number;
}

/**
 * Count-back (exhaustion) DSO (RULES §5.2): from the ending receivables take away each month's credit sales, latest
 * month first, counting its days; the month that exhausts the rest counts the share rest ÷ sales of its days.
 * `months` is latest first. Null when the receivables outlast every month given (more owed than all those sales).
 */
export const countBackDso = (receivables: number, months: readonly SalesMonth[]): number | null => {
  if (receivables <= 0) return 0;
  let remaining = big(receivables);
  let wholeDays = 0n;
  for (const month of months) {
    const sales = big(month.creditSales);
    if (sales > 0n && sales >= remaining) {
      // wholeDays + remaining ÷ sales × days, as one fraction so it is rounded once.
      return roundedRatio(wholeDays * sales + remaining * big(month.days), sales, DAYS_DECIMALS);
    }
    wholeDays += big(month.days);
    remaining -= sales;
  }
  return null;
};

export interface BestPossibleDsoInput {
  /** Receivables not yet past due at the end of the period. */
  currentReceivables: number;
  creditSales: number;
  days: number;
}

/** Best possible DSO: current (not past due) receivables ÷ credit sales × days (RULES §5.3). */
export const bestPossibleDso = ({ currentReceivables, creditSales, days }: BestPossibleDsoInput): number | null =>
  roundedRatio(big(currentReceivables) * big(days), big(creditSales), DAYS_DECIMALS);

/**
 * Average days delinquent: regular DSO − best possible DSO (RULES §5.4), computed as one fraction,
 * (receivables − current receivables) ÷ credit sales × days, so the two roundings cannot disagree.
 */
export const averageDaysDelinquent = (input: DsoInput & { currentReceivables: number }): number | null =>
  roundedRatio(
    (big(input.receivables) - big(input.currentReceivables)) * big(input.days),
    big(input.creditSales),
    DAYS_DECIMALS,
  );

export interface CeiInput {
  beginningReceivables: number;
  creditSales: number;
  /** N: the credit sales are divided by it (the number of months in the period, CRF's monthly-average form). */
  months: number;
  endingReceivables: number;
  endingCurrentReceivables: number;
}

/**
 * Collection Effectiveness Index, the Credit Research Foundation's formula (RULES §5.5):
 * (beginning + sales ÷ N − ending total) ÷ (beginning + sales ÷ N − ending current) × 100.
 * Both sides are multiplied by N so the division by N stays exact.
 */
export const collectionEffectivenessIndex = (input: CeiInput): number | null => {
  const n = big(input.months);
  if (n <= 0n) throw new RangeError('the number of months must be at least 1');
  const collectible = n * big(input.beginningReceivables) + big(input.creditSales);
  return roundedRatio(
    (collectible - n * big(input.endingReceivables)) * 100n,
    collectible - n * big(input.endingCurrentReceivables),
    PERCENT_DECIMALS,
  );
};

export interface PromiseOutcomes {
  /** Promises decided in the period: kept, partly kept or broken (cancelled ones are not decisions). */
  decided: number;
  /** Of those, the ones paid in full by their last day (date plus grace days). */
  kept: number;
  /** The amount the decided promises promised. */
  promisedAmount: number;
  /** What was paid towards them by their last day, each capped at its promised amount. */
  paidAmount: number;
}

/** Promise-kept rate by count and by amount (RULES §5.7). */
export const promiseKeptRate = (outcomes: PromiseOutcomes) => ({
  count: percentage(outcomes.kept, outcomes.decided),
  amount: percentage(outcomes.paidAmount, outcomes.promisedAmount),
});

/** Roll rate: what of a bucket's balance (or count) at the start is still owed, one bucket on, at the end (RULES §5.8). */
export const rollRate = (atStart: number, stillOwedAtEnd: number): number | null => percentage(stillOwedAtEnd, atStart);

/** Cure rate: of the debts delinquent at the start, the share settled by the end (RULES §5.8). */
export const cureRate = (delinquentAtStart: number, cured: number): number | null =>
  percentage(Math.max(0, Math.min(cured, delinquentAtStart)), delinquentAtStart);

/** Recovery rate: money collected ÷ the past-due money there was to collect (RULES §5.9). */
export const recoveryRate = (collected: number, exposure: number): number | null => percentage(collected, exposure);
