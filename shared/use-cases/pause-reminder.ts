// The one reminder a pause sends (the day before a promise falls due, before each plan instalment): once, inside the
// customer's contact hours, by email or (without an email address) SMS, with what was agreed in its words.
import { decideContact } from '../domain/contact-policy';
import { newId } from '../domain/ids';
import type { TimelineRule } from '../domain/timeline-catalog';
import { formatMoney } from '../domain/money';
import { longDate } from '../domain/messages/dates';
import { readerLocale } from '../domain/messages/render';
import type { Step } from '../schemas/strategy.schema';
import type { EngineDeps } from './engine-deps';
import type { PromiseFacts } from './follow-promise';
import { sendReminder } from './send-reminder';

export interface PauseReminderRequest {
  stepId: string;
  template: 'promise-reminder' | 'plan-reminder';
  /** When it is due (at the tenant's send time, in the customer's zone). */
  at: Date;
  /** What was agreed: the amount and the customer's local date, for the words. */
  amount: number;
  currency: string;
  date: string;
  /** The timeline's words and rule for the send. */
  detail: string;
  rule: TimelineRule;
}

export type PauseReminder =
  { state: 'later'; at: Date } | { state: 'quiet-hours'; until: Date | null } | { state: 'done' };

export const remindOnce = async (
  deps: EngineDeps,
  facts: PromiseFacts,
  request: PauseReminderRequest,
): Promise<PauseReminder> => {
  const { delinquency, customer, tenant } = facts;
  const channel = customer.email ? 'email' : 'sms';
  const step: Step = {
    id: request.stepId,
    offsetDays: 0,
    channel,
    template: request.template,
  };
  if ((await deps.delinquencies.claims(tenant.id, delinquency.id)).some((claim) => claim.stepId === step.id))
    return { state: 'done' };
  const now = deps.clock.now();
  if (now < request.at) return { state: 'later', at: request.at };
  const policy = decideContact({
    tenant,
    zones: [customer.timeZone],
    channel,
    at: now,
    holdTo: 'send-time',
  });
  if (policy.outcome !== 'allowed')
    return { state: 'quiet-hours', until: policy.outcome === 'deferred' ? policy.until : null };
  const locale = readerLocale(customer, tenant);
  const result = await sendReminder(
    deps,
    {
      tenant,
      customer,
      optOuts: facts.optOuts,
      invoice: facts.invoice,
      delinquencyId: delinquency.id,
      step,
      balance: facts.balance,
      fee: 0,
      extraFacts: {
        promisedAmount: formatMoney(request.amount, request.currency, locale),
        promisedDate: longDate(request.date, locale),
      },
    },
    facts.claims,
    async () => true,
  );
  if (result.outcome === 'sent') {
    await deps.delinquencies.appendTimeline(tenant.id, delinquency.id, [
      {
        id: newId('tl', now),
        at: now.toISOString(),
        kind: 'reminder.sent',
        actor: 'execution',
        stepId: step.id,
        channel: result.channel,
        detail: request.detail,
        rule: request.rule,
        data: { messageId: result.messageId },
      },
    ]);
  }
  return { state: 'done' };
};
