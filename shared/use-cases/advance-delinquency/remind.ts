// The email and SMS steps: one reminder (or the customer's one case message), sent at most once and recorded at once.
import { stableId } from '../../domain/ids';
import { invoiceBalance } from '../../domain/invoice';
import type { DelinquencyTimeline, StepClaims } from '../../ports/delinquency-repository.port';
import type { Step } from '../../schemas/strategy.schema';
import type { EngineDeps } from '../engine-deps';
import { sendReminder } from '../send-reminder';
import { caseRole } from '../case-messages';
import { publishOrPark, type PublishDeps } from '../publish-or-park';
import { type Acted, type DueStep } from './acted';
import { eventBase, messageContext, type Facts } from './facts';
import { entry, unknownEntry } from './timeline-entries';
import { claimStore, claimStep } from './claims';

/**
 * Records a sent reminder on the timeline and publishes its event right after the provider took it, then marks its
 * claim announced: a failure later in the pass (the next step, the save) cannot lose the record, and a pass retried
 * after a death in between announces it from the claim (the entry once, by its stable id; the event at least once).
 */
const announceSend = async (
  deps: PublishDeps & { delinquencies: DelinquencyTimeline & StepClaims },
  facts: Facts,
  step: Step,
  sent: { messageId: string; sentAt: string; attemptId: string },
) => {
  const channel = step.channel as 'email' | 'sms';
  const at = new Date(sent.sentAt);
  await deps.delinquencies.appendTimeline(facts.tenant.id, facts.delinquency.id, [
    {
      ...entry(at, 'reminder.sent', `${channel} "${step.template ?? step.id}" sent`, {
        stepId: step.id,
        channel,
        rule: 'ladder.step',
        data: { messageId: sent.messageId },
      }),
      id: stableId('tl', facts.delinquency.id, 'sent', step.id, channel),
    },
  ]);
  const base = eventBase(facts);
  await publishOrPark(deps, facts.tenant.id, facts.delinquency.id, [
    {
      detailType: 'reminder.sent',
      detail: { ...base, stepId: step.id, channel, messageId: sent.messageId, sentAt: sent.sentAt },
    },
  ]);
  await deps.delinquencies.settleClaim(
    facts.tenant.id,
    facts.delinquency.id,
    { kind: 'SEND', stepId: step.id, channel },
    sent.attemptId,
    { announced: true },
  );
};

/** Sends the step's reminder unless today's case message covers it, the debt was paid meanwhile or a claim holds it. */
export const remind = async (deps: EngineDeps, facts: Facts, step: Step, due: DueStep): Promise<Acted> => {
  const { now, balance, fee } = due;
  const channel = step.channel as 'email' | 'sms';
  const acted: Acted = { entries: [], events: [] };
  const role = await caseRole(deps, facts.tenant.id, facts.customer, facts.delinquency, balance, channel);
  if (role.kind === 'covered') {
    acted.entries.push(
      entry(
        now,
        'reminder.covered',
        `${step.channel} "${step.template ?? step.id}" not sent on its own: today's case message from ${role.by} lists this invoice`,
        {
          stepId: step.id,
          channel: step.channel,
          rule: 'case.one-message',
          data: { coveredBy: role.by, messageId: role.messageId },
        },
      ),
    );
    return acted;
  }
  const stillOwed = async () => {
    const current = await deps.invoices.get(facts.tenant.id, facts.found.invoice.id);
    return current !== null && !current.invoice.voided && invoiceBalance(current.invoice, facts.interest) > 0;
  };
  let result: Awaited<ReturnType<typeof sendReminder>>;
  try {
    result = await sendReminder(
      deps,
      {
        ...messageContext(facts, step, balance, fee),
        ...(role.kind === 'lead' ? { extraFacts: role.extraFacts } : {}),
      },
      claimStore(deps, facts.tenant.id, facts.delinquency.id),
      stillOwed,
    );
  } catch (error) {
    if (role.kind === 'lead') await role.release();
    throw error;
  }
  // The case message went out (its mates are covered), or it did not (they send their own).
  if (role.kind === 'lead') await (result.outcome === 'sent' ? role.settle(result.messageId) : role.release());
  if (result.outcome === 'sent') {
    await announceSend(deps, facts, step, {
      messageId: result.messageId,
      sentAt: now.toISOString(),
      attemptId: result.attemptId,
    });
  } else if (
    result.outcome === 'already' &&
    result.claim?.status === 'sent' &&
    result.claim.announced !== true &&
    result.claim.providerMessageId
  ) {
    // An attempt sent it and died before recording it: recorded now, from its claim.
    await announceSend(deps, facts, step, {
      messageId: result.claim.providerMessageId,
      sentAt: result.claim.at,
      attemptId: result.claim.attemptId,
    });
  } else if (result.outcome === 'suppressed') {
    await claimStep(deps, facts, step, 'suppressed', result.detail);
    acted.entries.push(
      entry(now, 'step.suppressed', result.detail, { stepId: step.id, channel: step.channel, rule: result.rule }),
    );
  } else if (result.outcome === 'settled') {
    acted.settled = true;
  } else if (result.outcome === 'in_flight') {
    acted.retryAt = result.until;
  } else if (result.outcome === 'unknown') {
    acted.entries.push(
      unknownEntry(facts.delinquency.id, step.id, result.channel, step.template ?? step.id, result.since),
    );
  }
  return acted;
};
