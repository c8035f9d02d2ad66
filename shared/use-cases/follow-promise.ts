// The engine's side of a promise to pay: remind the day before, decide it from payments, resume the ladder after it.
import { addDays, localDate, zonedInstant } from '../domain/calendar';
import { newId } from '../domain/ids';
import { sendHourMinute } from '../domain/ladder';
import type { DelinquencyPromises } from '../ports/delinquency-repository.port';
import { metricsOf } from '../ports/metrics.port';
import type { Customer, OptOut } from '../schemas/customer.schema';
import type { Delinquency, TimelineEntry } from '../schemas/delinquency.schema';
import type { Invoice } from '../schemas/invoice.schema';
import type { PaymentPromise } from '../schemas/promise.schema';
import type { Tenant } from '../schemas/tenant.schema';
import type { EngineDeps } from './engine-deps';
import { decidePromise } from './promises';
import { remindOnce } from './pause-reminder';
import type { ClaimStore } from './send-reminder';

export interface PromiseFacts {
  delinquency: Delinquency;
  tenant: Tenant;
  customer: Customer;
  optOuts: OptOut[];
  invoice: Invoice;
  balance: number;
  claims: ClaimStore;
}

/** Wait until `until` (null: the longest wait), or resume: the promise is decided and the ladder runs again. */
export type PromiseStep = { kind: 'wait'; until: Date | null } | { kind: 'resume' } | { kind: 'retry' };

const DECISION_WORDS = {
  kept: 'promise kept: the promised amount was paid',
  partially_kept: 'promise partly kept: only part of the promised amount was paid by its last day',
  broken: 'promise broken: nothing was paid by its last day',
} as const;

/**
 * The open promise of a delinquency that is being resolved (paid in full or voided), decided: kept when its amount came
 * in, otherwise cancelled (a voided invoice owes nothing). Null when no promise is open.
 */
export const closingPromise = async (
  deps: { delinquencies: DelinquencyPromises },
  facts: Pick<PromiseFacts, 'delinquency' | 'tenant' | 'invoice'>,
  now: Date,
): Promise<{ promise: PaymentPromise; entry: TimelineEntry } | null> => {
  if (!facts.delinquency.activePromiseId) return null;
  const promise = (await deps.delinquencies.promises(facts.tenant.id, facts.delinquency.id)).find(
    (candidate) => candidate.id === facts.delinquency.activePromiseId,
  );
  if (!promise) return null;
  const paidTowards = Math.max(0, facts.invoice.paidTotal - promise.paidBefore);
  const status = paidTowards >= promise.amount ? ('kept' as const) : ('cancelled' as const);
  return {
    promise: { ...promise, status, paidTowards, decidedAt: now.toISOString() },
    entry: {
      id: newId('tl', now),
      at: now.toISOString(),
      kind: `promise.${status}`,
      actor: 'execution',
      detail: status === 'kept' ? DECISION_WORDS.kept : 'promise cancelled: the invoice no longer owes anything',
      rule: 'promise.decided',
      data: { promiseId: promise.id, paidTowards },
    },
  };
};

/** Counts a promise's decision once it is saved (kept, partially_kept, broken, cancelled), for the promise-kept rate. */
export const countPromiseDecision = (deps: Pick<EngineDeps, 'metrics'>, status: string) =>
  metricsOf(deps).add('PromisesDecided', 1, status);

export const followPromise = async (deps: EngineDeps, facts: PromiseFacts): Promise<PromiseStep> => {
  const { delinquency, customer, tenant } = facts;
  const now = deps.clock.now();
  const promise = (await deps.delinquencies.promises(tenant.id, delinquency.id)).find(
    (candidate) => candidate.id === delinquency.activePromiseId,
  );
  const decision = promise
    ? decidePromise(promise, facts.invoice.paidTotal, localDate(now, customer.timeZone))
    : ({ status: 'broken', paidTowards: 0 } as const);
  if (decision) {
    const at = now.toISOString();
    const entries: TimelineEntry[] = [
      {
        id: newId('tl', now),
        at,
        kind: `promise.${decision.status}`,
        actor: 'execution',
        detail: DECISION_WORDS[decision.status as keyof typeof DECISION_WORDS] ?? decision.status,
        rule: 'promise.decided',
        data: { promiseId: delinquency.activePromiseId, paidTowards: decision.paidTowards },
      },
    ];
    const resumed = {
      ...delinquency,
      status: 'active' as const,
      activePromiseId: null,
      brokenPromises: delinquency.brokenPromises + (decision.status === 'broken' ? 1 : 0),
      taskToken: null,
      version: delinquency.version + 1,
    };
    const saved = promise
      ? await deps.delinquencies.saveWithPromise(
          tenant.id,
          resumed,
          delinquency.version,
          entries,
          { ...promise, ...decision, decidedAt: at },
          false,
        )
      : await deps.delinquencies.save(tenant.id, resumed, delinquency.version, entries);
    if (saved && promise) countPromiseDecision(deps, decision.status);
    return saved ? { kind: 'resume' } : { kind: 'retry' };
  }
  const [hour, minute] = sendHourMinute(tenant.sendTime);
  const reminderAt = zonedInstant(addDays(promise!.date, -1), customer.timeZone, hour, minute);
  const lastMoment = zonedInstant(addDays(promise!.holdsUntil, 1), customer.timeZone, 0, 0);
  const reminder = await remindOnce(deps, facts, {
    stepId: `promise-reminder-${promise!.id}`,
    template: 'promise-reminder',
    at: reminderAt,
    amount: promise!.amount,
    currency: promise!.currency,
    date: promise!.date,
    detail: 'the promise falls due tomorrow: a reminder was sent',
    rule: 'promise.reminder',
  });
  if (reminder.state === 'quiet-hours') return { kind: 'wait', until: reminder.until };
  return { kind: 'wait', until: reminder.state === 'later' ? reminder.at : lastMoment };
};
