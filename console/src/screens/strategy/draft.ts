// A strategy as the editor holds it (the text people type) and the body it sends: numbers and amounts are converted
// but never judged here, so every refusal, and its words, is the API's own (the same schema PUT checks).
import type { Strategy, StrategyBody } from '../../api-types';
import { minorToDecimal, parseMajor } from '../../format';

export type FeeKind = 'none' | 'amount' | 'percent';

export interface StepDraft {
  /** Stable across edits and moves, so inputs keep their focus while the list changes. */
  key: string;
  id: string;
  offsetDays: string;
  channel: string;
  template: string;
  feeKind: FeeKind;
  feeAmount: string;
  feeCurrency: string;
  feePercent: string;
}

export interface Draft {
  name: string;
  segment: string;
  scoreBand: string;
  minAmount: string;
  steps: StepDraft[];
  interestRule: string;
  annualRatePercent: string;
}

export const CHANNELS = ['email', 'sms', 'call', 'letter', 'statement', 'agency', 'write_off'] as const;
export const SCORE_BANDS = ['high', 'medium', 'low'] as const;
export const INTEREST_RULES = ['none', 'simple', 'uk-late-payment', 'eu-late-payment'] as const;

let keys = 0;
const nextKey = () => `s${(keys += 1)}`;

export const emptyStep = (offsetDays: number): StepDraft => ({
  key: nextKey(),
  id: '',
  offsetDays: String(offsetDays),
  channel: 'email',
  template: '',
  feeKind: 'none',
  feeAmount: '',
  feeCurrency: '',
  feePercent: '',
});

/** The editor's text for a stored strategy; amounts in major units of `currency` (a fixed fee's own, if it has one). */
export const draftOf = (
  strategy: Pick<Strategy, 'name' | 'appliesTo' | 'steps' | 'interest'>,
  currency: string,
): Draft => ({
  name: strategy.name,
  segment: strategy.appliesTo?.segment ?? '',
  scoreBand: strategy.appliesTo?.scoreBand ?? '',
  minAmount: strategy.appliesTo?.minAmount === undefined ? '' : minorToDecimal(strategy.appliesTo.minAmount, currency),
  steps: strategy.steps.map((step): StepDraft => ({
    ...emptyStep(step.offsetDays),
    id: step.id,
    channel: step.channel,
    template: step.template ?? '',
    feeKind: step.fee ? ('percent' in step.fee ? 'percent' : 'amount') : 'none',
    feeAmount: step.fee && 'amount' in step.fee ? minorToDecimal(step.fee.amount, step.fee.currency ?? currency) : '',
    feeCurrency: step.fee && 'amount' in step.fee ? (step.fee.currency ?? '') : '',
    feePercent: step.fee && 'percent' in step.fee ? String(step.fee.percent) : '',
  })),
  interestRule: strategy.interest?.rule ?? 'none',
  annualRatePercent: strategy.interest?.annualRatePercent?.toString() ?? '',
});

export const newDraft = (): Draft => ({
  name: '',
  segment: '',
  scoreBand: '',
  minAmount: '',
  steps: [{ ...emptyStep(1), id: 'overdue', template: 'overdue' }],
  interestRule: 'none',
  annualRatePercent: '',
});

/** A typed number, or the text itself when it is none, so the API names the field and says what it wants. */
const numberOf = (text: string): number | string => {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return text;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : text;
};

/** A typed amount in major units as minor units (`parseMajor`), keeping a minus sign for the API to refuse. */
const minorOf = (text: string, currency: string): number | string => {
  const trimmed = text.trim();
  const negative = trimmed.startsWith('-');
  const minor = parseMajor(negative ? trimmed.slice(1) : trimmed, currency);
  if (minor === null) return text;
  return negative ? -minor : minor;
};

/** The body PUT /v1/strategies/{id} takes (and the preview checks); empty optional fields are left out. */
export const bodyOf = (draft: Draft, currency: string): StrategyBody => {
  const appliesTo = {
    ...(draft.segment.trim() ? { segment: draft.segment } : {}),
    ...(draft.scoreBand ? { scoreBand: draft.scoreBand } : {}),
    ...(draft.minAmount.trim() ? { minAmount: minorOf(draft.minAmount, currency) } : {}),
  };
  const steps = draft.steps.map((step) => {
    const feeCurrency = step.feeCurrency.trim();
    const fee =
      step.feeKind === 'amount'
        ? {
            fee: {
              amount: minorOf(step.feeAmount, feeCurrency || currency),
              ...(feeCurrency ? { currency: feeCurrency } : {}),
            },
          }
        : step.feeKind === 'percent'
          ? { fee: { percent: numberOf(step.feePercent) } }
          : {};
    return {
      id: step.id,
      offsetDays: numberOf(step.offsetDays),
      channel: step.channel,
      ...(step.template.trim() ? { template: step.template.trim() } : {}),
      ...fee,
    };
  });
  const interest = {
    rule: draft.interestRule,
    ...(draft.annualRatePercent.trim() ? { annualRatePercent: numberOf(draft.annualRatePercent) } : {}),
  };
  // The body is what the person typed: the API, not this file, decides whether it is a strategy.
  return {
    name: draft.name,
    ...(Object.keys(appliesTo).length > 0 ? { appliesTo } : {}),
    steps,
    interest,
  } as unknown as StrategyBody;
};
