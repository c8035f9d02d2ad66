// The letter step: a printable letter kept with the case and offered to the print provider, once.
import { localDate } from '../../domain/calendar';
import { stableId } from '../../domain/ids';
import { longDate } from '../../domain/messages/dates';
import { readerLocale, renderLetter, templateLocale } from '../../domain/messages/render';
import type { Step } from '../../schemas/strategy.schema';
import type { DelinquencyLetters, StepClaims } from '../../ports/delinquency-repository.port';
import type { EngineDeps } from '../engine-deps';
import { messageFacts, payLink } from '../send-reminder';
import { type Acted, type DueStep } from './acted';
import { eventBase, messageContext, type Facts } from './facts';
import { entry } from './timeline-entries';
import { claimStep } from './claims';

/** Renders the step's letter once and keeps it with the case. */
export const prepareLetter = async (
  deps: Pick<EngineDeps, 'clock' | 'portalSigningKey' | 'settings'> & {
    delinquencies: StepClaims & DelinquencyLetters;
  },
  facts: Facts,
  step: Step,
  due: DueStep,
): Promise<Acted> => {
  const { now, balance, fee } = due;
  const base = eventBase(facts);
  const acted: Acted = { entries: [], events: [] };
  if (await claimStep(deps, facts, step, 'done', 'letter rendered')) {
    const intlLocale = readerLocale(facts.customer, facts.tenant);
    const context = messageContext(facts, step, balance, fee);
    const html = renderLetter(
      step.template ?? 'final-notice',
      templateLocale(intlLocale),
      messageFacts(deps, context, '', await payLink(deps, context)),
      longDate(localDate(now, facts.customer.timeZone), intlLocale),
    );
    const letterId = stableId('ltr', facts.delinquency.id, step.id);
    await deps.delinquencies.storeLetter(facts.tenant.id, facts.delinquency.id, {
      id: letterId,
      stepId: step.id,
      html,
      createdAt: now.toISOString(),
    });
    acted.entries.push(
      entry(now, 'letter.ready', 'a printable letter was kept with the case and offered to the print provider', {
        stepId: step.id,
        channel: 'letter',
        rule: 'ladder.step',
        data: { letterId },
      }),
    );
    acted.events.push({
      detailType: 'delinquency.escalated',
      detail: { ...base, stepId: step.id, channel: 'letter', letterId, at: now.toISOString() },
    });
  }
  return acted;
};
