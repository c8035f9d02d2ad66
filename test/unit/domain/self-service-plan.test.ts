// A plan the customer sets up alone stays inside the tenant's rules: how many instalments, how long, how small.
import { mostInstallments, previewPlan } from '../../../shared/domain/self-service-plan';

const RULES = { maxInstallments: 6, maxDays: 180, minInstallment: 1000 };
const TODAY = '2026-12-10';

describe('self-service plan preview', () => {
  it('splits the balance into equal instalments, the odd minor units on the first, evenly spaced within the span', () => {
    const preview = previewPlan(100_001, 3, TODAY, RULES);
    expect(preview).toEqual({
      outcome: 'ok',
      installments: [
        { dueDate: '2027-01-09', amount: 33_335 },
        { dueDate: '2027-02-08', amount: 33_333 },
        { dueDate: '2027-03-10', amount: 33_333 },
      ],
    });
  });

  it('keeps the last instalment within the longest span', () => {
    const preview = previewPlan(60_000, 6, TODAY, { ...RULES, maxDays: 60 });
    expect(preview.outcome).toBe('ok');
    if (preview.outcome !== 'ok') return;
    expect(preview.installments.at(-1)!.dueDate).toBe('2027-02-08');
    expect(preview.installments.reduce((sum, item) => sum + item.amount, 0)).toBe(60_000);
  });

  it('refuses too few, too many and too small instalments, naming how many the rules allow', () => {
    expect(previewPlan(100_000, 1, TODAY, RULES)).toEqual({ outcome: 'refused', reason: 'plan-too-few', most: 6 });
    expect(previewPlan(100_000, 7, TODAY, RULES)).toEqual({ outcome: 'refused', reason: 'plan-too-many', most: 6 });
    expect(previewPlan(100_000, Number.NaN, TODAY, RULES)).toMatchObject({ reason: 'plan-too-few' });
    expect(previewPlan(4_500, 5, TODAY, RULES)).toEqual({ outcome: 'refused', reason: 'plan-too-small', most: 4 });
  });

  it('offers no plan without rules, or when the balance cannot make two instalments', () => {
    expect(previewPlan(100_000, 3, TODAY, undefined)).toMatchObject({ reason: 'plan-not-offered' });
    expect(previewPlan(1_500, 2, TODAY, RULES)).toMatchObject({ reason: 'plan-not-offered' });
    expect(mostInstallments(1_999, RULES)).toBe(1);
    expect(mostInstallments(2_000, RULES)).toBe(2);
    expect(mostInstallments(1_000_000, RULES)).toBe(6);
  });
});
