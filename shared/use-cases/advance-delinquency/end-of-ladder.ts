// The last step of a ladder: the case handed to a collection agency with its case file, or written off.
import { CLOSED_STATUSES, type StoredTimelineEntry } from '../../schemas/delinquency.schema';
import type { Step } from '../../schemas/strategy.schema';
import type { DelinquencyTimeline, StepClaims } from '../../ports/delinquency-repository.port';
import type { EngineDeps } from '../engine-deps';
import { retryOnConflict } from '../retry-on-conflict';
import { type Acted, type DueStep } from './acted';
import { eventBase, type Facts } from './facts';
import { entry } from './timeline-entries';
import { claimStep } from './claims';

const caseFile = (facts: Facts, timeline: StoredTimelineEntry[]) => ({
  customer: {
    id: facts.customer.id,
    name: facts.customer.name,
    kind: facts.customer.kind,
    ...(facts.customer.email ? { email: facts.customer.email } : {}),
    ...(facts.customer.phone ? { phone: facts.customer.phone } : {}),
    timeZone: facts.customer.timeZone,
    ...(facts.customer.country ? { country: facts.customer.country } : {}),
  },
  invoices: [
    {
      id: facts.found.invoice.id,
      amount: facts.found.invoice.amount,
      currency: facts.found.invoice.currency,
      dueDate: facts.found.invoice.dueDate,
      paid: facts.found.invoice.paidTotal,
      fees: facts.found.invoice.feesTotal,
      interest: facts.interest,
      balance: facts.balance,
    },
  ],
  balance: facts.balance,
  currency: facts.found.invoice.currency,
  contacts: timeline
    .filter((item) => ['reminder.sent', 'call.requested', 'letter.ready'].includes(item.kind))
    .map((item) => ({
      at: item.at,
      kind: item.kind,
      ...(item.channel ? { channel: item.channel } : {}),
      ...(item.stepId ? { stepId: item.stepId } : {}),
      detail: item.detail,
    })),
});

/** Hands the case off or writes it off, with the case file the agency or the books need. */
export const endLadder = async (
  deps: Pick<EngineDeps, 'clock' | 'invoices'> & { delinquencies: StepClaims & DelinquencyTimeline },
  facts: Facts,
  step: Step,
  due: DueStep,
): Promise<Acted> => {
  const { now } = due;
  const base = eventBase(facts);
  const acted: Acted = { entries: [], events: [] };
  // The step is acted on here only while it is not in doneSteps, i.e. no pass has closed the case yet: a pass that
  // claimed it and died before closing is finished by this one (the event may then go out twice: at least once).
  const claimed = await claimStep(deps, facts, step, 'done', step.channel);
  if (claimed || !CLOSED_STATUSES.includes(facts.delinquency.status)) {
    const timeline = await deps.delinquencies.timeline(facts.tenant.id, facts.delinquency.id);
    const file = caseFile(facts, timeline);
    if (step.channel === 'write_off') {
      await retryOnConflict('the invoice', async () => {
        const found = await deps.invoices.get(facts.tenant.id, facts.found.invoice.id);
        if (!found) return true;
        const updated = {
          ...found.invoice,
          writtenOff: true,
          updatedAt: now.toISOString(),
          version: found.invoice.version + 1,
        };
        return (await deps.invoices.save(facts.tenant.id, updated, found.invoice.version)) ? true : undefined;
      });
    }
    const kind = step.channel === 'agency' ? 'delinquency.handed_off' : 'delinquency.written_off';
    acted.entries.push(
      entry(
        now,
        kind,
        step.channel === 'agency'
          ? `handed to a collection agency with a balance of ${facts.balance}`
          : `written off with a balance of ${facts.balance}`,
        { stepId: step.id, channel: step.channel, rule: 'ladder.end' },
      ),
    );
    acted.events.push({
      detailType: kind,
      detail: { ...base, stepId: step.id, at: now.toISOString(), caseFile: file },
    });
    acted.closesAs = step.channel === 'agency' ? 'handed_off' : 'written_off';
  }
  return acted;
};
