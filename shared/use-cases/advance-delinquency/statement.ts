// The statement step: the customer's (or this invoice's) statement emailed once a day at most.
import type { Step } from '../../schemas/strategy.schema';
import type { EngineDeps } from '../engine-deps';
import { sendStatement } from '../send-statement';
import { type Acted, type DueStep } from './acted';
import { eventBase, type Facts } from './facts';
import { entry } from './timeline-entries';
import { claimStore, claimStep } from './claims';

/** Emails the statement unless today's one already covers this invoice or the customer may not be emailed. */
export const sendStatementStep = async (deps: EngineDeps, facts: Facts, step: Step, due: DueStep): Promise<Acted> => {
  const { now } = due;
  const base = eventBase(facts);
  const acted: Acted = { entries: [], events: [] };
  const result = await sendStatement(
    deps,
    {
      tenant: facts.tenant,
      customer: facts.customer,
      optOuts: facts.optOuts,
      delinquency: facts.delinquency,
      step,
    },
    claimStore(deps, facts.tenant.id, facts.delinquency.id),
  );
  if (result.outcome === 'sent') {
    acted.entries.push(
      entry(
        now,
        'reminder.sent',
        `statement emailed (${facts.tenant.statementMode === 'customer' ? 'all open invoices' : 'this invoice'})`,
        { stepId: step.id, channel: 'email', rule: 'ladder.step', data: { messageId: result.messageId } },
      ),
    );
    acted.events.push({
      detailType: 'reminder.sent',
      detail: {
        ...base,
        stepId: step.id,
        channel: 'email',
        messageId: result.messageId,
        sentAt: now.toISOString(),
      },
    });
  } else if (result.outcome === 'covered') {
    acted.entries.push(
      entry(now, 'reminder.covered', `today's statement from ${result.by} already covers this invoice`, {
        stepId: step.id,
        channel: 'email',
        rule: 'case.one-message',
        data: { coveredBy: result.by },
      }),
    );
  } else if (result.outcome === 'suppressed' && (await claimStep(deps, facts, step, 'suppressed', result.detail))) {
    acted.entries.push(
      entry(now, 'step.suppressed', result.detail, { stepId: step.id, channel: 'email', rule: result.rule }),
    );
  }
  return acted;
};
