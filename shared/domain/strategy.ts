// The default ladder every tenant starts with, and how a strategy is chosen for an invoice.
import type { PutStrategyBody, ScoreBand, Strategy } from '../schemas/strategy.schema';

export const DEFAULT_STRATEGY_ID = 'default';

/**
 * The ladder a tenant gets until it sets its own: a friendly pre-due reminder, reminders of rising firmness by email
 * and SMS, a 2 % late fee, a collector's call, a final notice by letter and email, then hand-off to an agency.
 */
export const DEFAULT_STRATEGY: PutStrategyBody = {
  name: 'Default ladder',
  steps: [
    { id: 'upcoming', offsetDays: -3, channel: 'email', template: 'upcoming' },
    { id: 'overdue', offsetDays: 1, channel: 'email', template: 'overdue' },
    { id: 'overdue-sms', offsetDays: 4, channel: 'sms', template: 'overdue-sms' },
    { id: 'second-reminder', offsetDays: 10, channel: 'email', template: 'second-reminder' },
    { id: 'late-fee', offsetDays: 15, channel: 'email', template: 'late-fee', fee: { percent: 2 } },
    { id: 'collector-call', offsetDays: 20, channel: 'call' },
    { id: 'final-notice-letter', offsetDays: 30, channel: 'letter', template: 'final-notice' },
    { id: 'final-notice', offsetDays: 30, channel: 'email', template: 'final-notice' },
    { id: 'hand-off', offsetDays: 45, channel: 'agency' },
  ],
  interest: { rule: 'none' },
};

export interface StrategyChoiceFacts {
  strategyId?: string;
  segment?: string;
  scoreBand?: ScoreBand;
  amount: number;
}

export interface StrategyChoice {
  strategy: Strategy;
  /** Why this one, in words, for the timeline. */
  reason: string;
}

const criteriaCount = (strategy: Strategy) =>
  Object.values(strategy.appliesTo ?? {}).filter((value) => value !== undefined).length;

const matches = (strategy: Strategy, facts: StrategyChoiceFacts): boolean => {
  const applies = strategy.appliesTo;
  if (!applies) return false;
  if (applies.segment !== undefined && applies.segment !== facts.segment) return false;
  if (applies.scoreBand !== undefined && applies.scoreBand !== facts.scoreBand) return false;
  if (applies.minAmount !== undefined && facts.amount < applies.minAmount) return false;
  return criteriaCount(strategy) > 0;
};

/** The facts a strategy is chosen by, from the invoice and its customer. */
export const choiceFacts = (
  invoice: { strategyId?: string; amount: number },
  segment: string | undefined,
): StrategyChoiceFacts => ({
  ...(invoice.strategyId === undefined ? {} : { strategyId: invoice.strategyId }),
  ...(segment === undefined ? {} : { segment }),
  amount: invoice.amount,
});

/**
 * The invoice's own strategy if it names one that exists; else the most specific strategy whose `appliesTo` fits
 * (more criteria first, then the higher minimum amount, then the id); else the tenant's default.
 */
export const chooseStrategy = (strategies: readonly Strategy[], facts: StrategyChoiceFacts): StrategyChoice => {
  const fallback = strategies.find((strategy) => strategy.id === DEFAULT_STRATEGY_ID);
  if (!fallback) throw new Error('the tenant has no default strategy');
  if (facts.strategyId !== undefined) {
    const named = strategies.find((strategy) => strategy.id === facts.strategyId);
    if (named) return { strategy: named, reason: `the invoice names strategy ${named.id}` };
  }
  const fitting = strategies
    .filter((strategy) => strategy.id !== DEFAULT_STRATEGY_ID && matches(strategy, facts))
    .sort(
      (a, b) =>
        criteriaCount(b) - criteriaCount(a) ||
        (b.appliesTo?.minAmount ?? 0) - (a.appliesTo?.minAmount ?? 0) ||
        a.id.localeCompare(b.id),
    );
  const chosen = fitting[0];
  if (chosen)
    return { strategy: chosen, reason: `strategy ${chosen.id} applies to ${JSON.stringify(chosen.appliesTo)}` };
  const missing =
    facts.strategyId !== undefined ? `the invoice names strategy ${facts.strategyId}, which does not exist; ` : '';
  return { strategy: fallback, reason: `${missing}no other strategy applies: the default ladder` };
};
