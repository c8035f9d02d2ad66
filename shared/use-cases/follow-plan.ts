// The engine's side of a payment plan: remind before each instalment, collect it automatically if agreed (retrying a
// declined charge on the following days), mark instalments paid from payments, complete or break the plan.
import { addDays, zonedInstant } from '../domain/calendar';
import { newId } from '../domain/ids';
import { sendHourMinute } from '../domain/ladder';
import type { DelinquencyPlans } from '../ports/delinquency-repository.port';
import type { TimelineEntry } from '../schemas/delinquency.schema';
import type { PaymentPlan } from '../schemas/plan.schema';
import type { EngineDeps } from './engine-deps';
import type { PromiseFacts, PromiseStep } from './follow-promise';
import { applyProviderPayment } from './provider-payments';
import { remindOnce } from './pause-reminder';

/** Days after an instalment's date on which a declined automatic charge is tried again (each within the grace days). */
export const COLLECTION_RETRY_DAYS = [0, 1, 2] as const;
/** How long before an instalment its reminder goes out. */
export const PLAN_REMINDER_DAYS_BEFORE = 3;

/** Instalments are paid in order from what came in since the plan was agreed. */
export const coverInstallments = (plan: PaymentPlan, paidTotal: number): PaymentPlan['installments'] => {
  let covered = Math.max(0, paidTotal - plan.paidBefore);
  return plan.installments.map((installment) => {
    if (installment.status === 'missed') return installment;
    if (covered >= installment.amount) {
      covered -= installment.amount;
      return { ...installment, status: 'paid' as const };
    }
    covered = 0;
    return installment;
  });
};

/** The active plan of a delinquency being resolved (paid in full or voided), closed as completed. Null when none. */
export const closingPlan = async (
  deps: { delinquencies: DelinquencyPlans },
  facts: Pick<PromiseFacts, 'delinquency' | 'tenant' | 'invoice'>,
  now: Date,
): Promise<{ plan: PaymentPlan; entry: TimelineEntry } | null> => {
  if (!facts.delinquency.activePlanId) return null;
  const plan = (await deps.delinquencies.plans(facts.tenant.id, facts.delinquency.id)).find(
    (candidate) => candidate.id === facts.delinquency.activePlanId,
  );
  if (!plan) return null;
  return {
    plan: {
      ...plan,
      status: 'completed' as const,
      installments: coverInstallments(plan, facts.invoice.paidTotal),
      endedAt: now.toISOString(),
    },
    entry: {
      id: newId('tl', now),
      at: now.toISOString(),
      kind: 'plan.completed',
      actor: 'execution',
      detail: 'nothing is owed any more: the plan is complete',
      rule: 'plan.decided',
      data: { planId: plan.id },
    },
  };
};

export const followPlan = async (deps: EngineDeps, facts: PromiseFacts): Promise<PromiseStep> => {
  const { delinquency, customer, tenant } = facts;
  const now = deps.clock.now();
  const at = now.toISOString();
  const plan = (await deps.delinquencies.plans(tenant.id, delinquency.id)).find(
    (candidate) => candidate.id === delinquency.activePlanId,
  );
  const resume = async (status: 'completed' | 'broken', installments: PaymentPlan['installments'], detail: string) => {
    const entries: TimelineEntry[] = [
      {
        id: newId('tl', now),
        at,
        kind: `plan.${status}`,
        actor: 'execution',
        detail,
        rule: 'plan.decided',
        data: { planId: delinquency.activePlanId },
      },
    ];
    const resumed = {
      ...delinquency,
      status: 'active' as const,
      activePlanId: null,
      taskToken: null,
      version: delinquency.version + 1,
    };
    const saved = plan
      ? await deps.delinquencies.saveWithPlan(
          tenant.id,
          resumed,
          delinquency.version,
          entries,
          { ...plan, status, installments, endedAt: at },
          false,
        )
      : await deps.delinquencies.save(tenant.id, resumed, delinquency.version, entries);
    return saved ? ({ kind: 'resume' } as const) : ({ kind: 'retry' } as const);
  };
  if (!plan) return resume('broken', [], 'the payment plan could not be found: escalation resumes');
  const installments = coverInstallments(plan, facts.invoice.paidTotal);
  const next = installments.find((installment) => installment.status === 'pending');
  if (!next) return resume('completed', installments, 'every instalment is paid: the plan is complete');
  const [hour, minute] = sendHourMinute(tenant.sendTime);
  const lastMoment = zonedInstant(addDays(next.dueDate, plan.graceDays + 1), customer.timeZone, 0, 0);
  if (now >= lastMoment) {
    const missed = installments.map((installment) =>
      installment.number === next.number ? { ...installment, status: 'missed' as const } : installment,
    );
    return resume(
      'broken',
      missed,
      `instalment ${next.number} (due ${next.dueDate}) was not paid within ${plan.graceDays} grace days: the plan is broken and escalation resumes`,
    );
  }

  const moments: Date[] = [lastMoment];
  if (plan.autoCollect) {
    const tries = plan.attempts.filter((attempt) => attempt.installment === next.number);
    const retryDays = COLLECTION_RETRY_DAYS.filter((day) => day <= plan.graceDays);
    const dueTry = retryDays[tries.length];
    if (dueTry !== undefined && !tries.some((attempt) => attempt.outcome === 'succeeded')) {
      const tryAt = zonedInstant(addDays(next.dueDate, dueTry), customer.timeZone, hour, minute);
      if (now < tryAt) moments.push(tryAt);
      else {
        const result = await deps.collector.collect({
          tenantId: tenant.id,
          invoiceId: plan.invoiceId,
          planId: plan.id,
          installment: next.number,
          amount: next.amount,
          currency: plan.currency,
          customer: plan.autoCollect.customer,
          paymentMethod: plan.autoCollect.paymentMethod,
          // One key per attempt: a retried task after a crash gets Stripe's first answer, not a second charge.
          idempotencyKey: `${plan.id}-${next.number}-${tries.length}`,
        });
        const attempt = {
          installment: next.number,
          at,
          outcome: result.outcome,
          providerPaymentId: result.providerPaymentId,
          reason: result.outcome === 'failed' ? result.reason : null,
        };
        if (result.outcome === 'succeeded') {
          // This execution is the one that would be woken: it re-derives right after, so nothing needs waking.
          // Applied as Stripe's own report would be (the same id, so its webhook later changes nothing), and linked, so a
          // refund or chargeback of this charge finds its payment.
          await applyProviderPayment({ ...deps, factsChanged: { notify: async () => undefined } }, tenant.id, {
            provider: 'stripe',
            providerPaymentId: result.providerPaymentId,
            invoiceId: plan.invoiceId,
            amount: result.amount,
            currency: plan.currency,
            source: 'stripe',
          });
        }
        const entry: TimelineEntry = {
          id: newId('tl', now),
          at,
          kind: result.outcome === 'succeeded' ? 'plan.collected' : 'plan.collection_failed',
          actor: 'execution',
          detail:
            result.outcome === 'succeeded'
              ? `instalment ${next.number} collected from the saved payment method`
              : `instalment ${next.number} could not be collected (${result.reason})`,
          rule: 'plan.autocollect',
          data: { planId: plan.id, installment: next.number, providerPaymentId: result.providerPaymentId },
        };
        await deps.delinquencies.saveWithPlan(
          tenant.id,
          { ...delinquency, taskToken: null, version: delinquency.version + 1 },
          delinquency.version,
          [entry],
          { ...plan, installments, attempts: [...plan.attempts, attempt] },
          false,
        );
        // Saved or raced, the next pass re-derives from the facts (a succeeded charge marks the instalment paid).
        return { kind: 'retry' };
      }
    }
  }

  const reminder = await remindOnce(deps, facts, {
    stepId: `plan-reminder-${plan.id}-${next.number}`,
    template: 'plan-reminder',
    at: zonedInstant(addDays(next.dueDate, -PLAN_REMINDER_DAYS_BEFORE), customer.timeZone, hour, minute),
    amount: next.amount,
    currency: plan.currency,
    date: next.dueDate,
    detail: `instalment ${next.number} falls due on ${next.dueDate}: a reminder was sent`,
    rule: 'plan.reminder',
  });
  if (reminder.state === 'quiet-hours') return { kind: 'wait', until: reminder.until };
  if (reminder.state === 'later') moments.push(reminder.at);
  return { kind: 'wait', until: new Date(Math.min(...moments.map((moment) => moment.getTime()))) };
};
