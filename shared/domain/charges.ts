// Fees and interest as explicit rules: every amount comes with the rule and the inputs that produced it.
import { addDays, daysBetween } from './calendar';
import { BANK_OF_ENGLAND_BASE_RATE, ECB_MAIN_REFINANCING_RATE, rateOn, type DatedRate } from './reference-rates';

export type InterestRule = 'none' | 'simple' | 'uk-late-payment' | 'eu-late-payment';

export type StepFee = { amount: number; currency?: string } | { percent: number };

/** Half-up division of non-negative integers held as BigInt: the one place money is rounded. */
const divideHalfUp = (numerator: bigint, denominator: bigint): number =>
  Number((numerator * 2n + denominator) / (denominator * 2n));

/** Percentages are carried as integers of 1/10 000 of a percent so no float touches money. */
const PERCENT_SCALE = 10_000;
const scaledPercent = (percent: number): bigint => BigInt(Math.round(percent * PERCENT_SCALE));

export interface FeeCharge {
  amount: number;
  inputs: Record<string, string | number>;
}

/**
 * The fee a step charges on an outstanding principal, or null with a reason when it does not apply (a fixed fee set
 * for another currency is never converted).
 */
export const stepFee = (fee: StepFee, principal: number, currency: string): FeeCharge | { skipped: string } => {
  if ('percent' in fee) {
    const amount = divideHalfUp(BigInt(principal) * scaledPercent(fee.percent), BigInt(100 * PERCENT_SCALE));
    return { amount, inputs: { rule: 'percent-fee', percent: fee.percent, principal, currency } };
  }
  if (fee.currency !== undefined && fee.currency !== currency) {
    return { skipped: `the fixed fee is set in ${fee.currency}; the invoice is in ${currency}` };
  }
  return { amount: fee.amount, inputs: { rule: 'fixed-fee', amount: fee.amount, currency } };
};

export interface PrincipalPeriod {
  /** First day (YYYY-MM-DD) this principal is outstanding. */
  from: string;
  principal: number;
}

export interface InterestInput {
  rule: InterestRule;
  /** For `simple`: the annual rate in percent. */
  annualRatePercent?: number;
  /** For statutory rules: the tenant's own dated reference rates, replacing the shipped table. */
  referenceRates?: readonly DatedRate[];
  customerKind: 'consumer' | 'business';
  dueDate: string;
  /** Interest is accrued up to and including this local date. */
  asOf: string;
  /** Outstanding principal over time: the first period starts on or before the day after the due date. */
  principal: readonly PrincipalPeriod[];
}

export interface InterestResult {
  amount: number;
  /** Days late counted: the day after the due date is day 1. */
  days: number;
  annualRatePercent: number;
  inputs: Record<string, string | number>;
}

/** Statutory rules apply to business debts only. */
const appliesTo = (rule: InterestRule, kind: InterestInput['customerKind']) =>
  rule === 'simple' || ((rule === 'uk-late-payment' || rule === 'eu-late-payment') && kind === 'business');

/**
 * The UK reference date: 30 June for interest starting 1 July-31 December, 31 December (of the year before) for
 * interest starting 1 January-30 June. The rate then stays fixed for the debt.
 */
export const ukReferenceDate = (interestStarts: string): string => {
  const year = Number(interestStarts.slice(0, 4));
  return interestStarts.slice(5) >= '07-01' ? `${year}-06-30` : `${year - 1}-12-31`;
};

/** The EU half-year rule: the reference rate in force on 1 January or 1 July of the half-year the debt fell overdue. */
export const euReferenceDate = (interestStarts: string): string =>
  `${interestStarts.slice(0, 4)}-${interestStarts.slice(5) >= '07-01' ? '07-01' : '01-01'}`;

const annualRate = (
  input: InterestInput,
  interestStarts: string,
): { percent: number; inputs: Record<string, string | number> } | null => {
  switch (input.rule) {
    case 'simple':
      return input.annualRatePercent === undefined ? null : { percent: input.annualRatePercent, inputs: {} };
    case 'uk-late-payment': {
      const referenceDate = ukReferenceDate(interestStarts);
      const base = rateOn(input.referenceRates ?? BANK_OF_ENGLAND_BASE_RATE, referenceDate);
      return base === null ? null : { percent: base + 8, inputs: { referenceDate, referenceRatePercent: base } };
    }
    case 'eu-late-payment': {
      const referenceDate = euReferenceDate(interestStarts);
      const base = rateOn(input.referenceRates ?? ECB_MAIN_REFINANCING_RATE, referenceDate);
      return base === null ? null : { percent: base + 8, inputs: { referenceDate, referenceRatePercent: base } };
    }
    case 'none':
      return null;
  }
};

/**
 * Simple daily interest, `principal × rate × days ÷ 365`, summed exactly over periods of constant principal and
 * rounded half-up to the minor unit once, at the end. Null when the rule does not apply.
 */
export const accruedInterest = (input: InterestInput): InterestResult | null => {
  if (input.rule === 'none' || !appliesTo(input.rule, input.customerKind)) return null;
  const interestStarts = addDays(input.dueDate, 1);
  const rate = annualRate(input, interestStarts);
  if (rate === null) return null;
  const days = Math.max(0, daysBetween(input.dueDate, input.asOf));
  const periods = [...input.principal].sort((a, b) => a.from.localeCompare(b.from));
  let principalDays = 0n;
  for (const [index, period] of periods.entries()) {
    const start = period.from > interestStarts ? period.from : interestStarts;
    const nextFrom = periods[index + 1]?.from;
    const endExclusive = nextFrom !== undefined && nextFrom <= input.asOf ? nextFrom : addDays(input.asOf, 1);
    const span = daysBetween(start, endExclusive);
    if (span > 0) principalDays += BigInt(Math.max(0, period.principal)) * BigInt(span);
  }
  const amount = divideHalfUp(principalDays * scaledPercent(rate.percent), BigInt(365 * 100 * PERCENT_SCALE));
  return {
    amount,
    days,
    annualRatePercent: rate.percent,
    inputs: {
      rule: input.rule,
      interestStarts,
      asOf: input.asOf,
      annualRatePercent: rate.percent,
      dayCount: 365,
      ...rate.inputs,
    },
  };
};

/**
 * The fixed compensation a statutory rule adds once interest runs: UK £40 below £1,000, £70 below £10,000, £100 from
 * £10,000 (GBP debts only); EU €40 (EUR debts only). It is charged as a fee. Null when the rule gives none.
 */
export const fixedCompensation = (
  rule: InterestRule,
  customerKind: InterestInput['customerKind'],
  debt: number,
  currency: string,
): FeeCharge | { skipped: string } | null => {
  if (customerKind !== 'business') return null;
  if (rule === 'uk-late-payment') {
    if (currency !== 'GBP') return { skipped: `UK fixed compensation is set in GBP; the debt is in ${currency}` };
    const amount = debt < 100_000 ? 4_000 : debt < 1_000_000 ? 7_000 : 10_000;
    return { amount, inputs: { rule: 'uk-late-payment-compensation', debt, currency } };
  }
  if (rule === 'eu-late-payment') {
    if (currency !== 'EUR') return { skipped: `EU fixed compensation is set in EUR; the debt is in ${currency}` };
    return { amount: 4_000, inputs: { rule: 'eu-late-payment-compensation', debt, currency } };
  }
  return null;
};
