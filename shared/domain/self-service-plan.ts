// The payment plan a customer may set up alone, within the tenant's `selfServicePlans`: equal instalments, evenly
// spaced, the first a gap after today; anything outside the rules is refused with a reason the page can name.
import { addDays } from './calendar';

export interface SelfServicePlanRules {
  maxInstallments: number;
  maxDays: number;
  minInstallment: number;
}

export interface PlannedInstallment {
  dueDate: string;
  amount: number;
}

export type PlanRefusal = 'plan-not-offered' | 'plan-too-few' | 'plan-too-many' | 'plan-too-small';

export type PlanPreview =
  { outcome: 'ok'; installments: PlannedInstallment[] } | { outcome: 'refused'; reason: PlanRefusal; most: number };

/** The most instalments rules need at least two of; the plans use case takes at most 24. */
const MIN_INSTALLMENTS = 2;
const HARD_MAX_INSTALLMENTS = 24;
/** Instalments fall at most a month apart, however long the tenant allows. */
const LONGEST_GAP_DAYS = 30;

/** The largest number of instalments the rules allow for this balance (below 2: no plan can be offered). */
export const mostInstallments = (balance: number, rules: SelfServicePlanRules): number =>
  Math.max(
    0,
    Math.min(
      rules.maxInstallments,
      HARD_MAX_INSTALLMENTS,
      Math.floor(balance / Math.max(1, rules.minInstallment)),
      rules.maxDays,
    ),
  );

export const previewPlan = (
  balance: number,
  count: number,
  today: string,
  rules: SelfServicePlanRules | undefined,
): PlanPreview => {
  const most = rules ? mostInstallments(balance, rules) : 0;
  if (!rules || most < MIN_INSTALLMENTS) return { outcome: 'refused', reason: 'plan-not-offered', most };
  if (!Number.isInteger(count) || count < MIN_INSTALLMENTS) return { outcome: 'refused', reason: 'plan-too-few', most };
  if (count > Math.min(rules.maxInstallments, HARD_MAX_INSTALLMENTS, rules.maxDays))
    return { outcome: 'refused', reason: 'plan-too-many', most };
  const base = Math.floor(balance / count);
  if (base < rules.minInstallment) return { outcome: 'refused', reason: 'plan-too-small', most };
  const gap = Math.min(LONGEST_GAP_DAYS, Math.floor(rules.maxDays / count));
  // The odd minor units go on the first instalment, so the rest are equal and the sum is exactly the balance.
  const installments = Array.from({ length: count }, (_, index) => ({
    dueDate: addDays(today, gap * (index + 1)),
    amount: base + (index === 0 ? balance - base * count : 0),
  }));
  return { outcome: 'ok', installments };
};
