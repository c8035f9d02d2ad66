// The call step: a task for the collectors (and the dialer's event), or a note why nobody may call.
import { stableId } from '../../domain/ids';
import type { Step } from '../../schemas/strategy.schema';
import type { StepClaims } from '../../ports/delinquency-repository.port';
import type { EngineDeps } from '../engine-deps';
import { type Acted, type DueStep } from './acted';
import { eventBase, type Facts } from './facts';
import { entry } from './timeline-entries';
import { claimStep } from './claims';

/** Queues one collector call (a task under a stable id), unless the customer has no phone or opted out of calls. */
export const requestCall = async (
  deps: Pick<EngineDeps, 'clock' | 'tasks'> & { delinquencies: StepClaims },
  facts: Facts,
  step: Step,
  due: DueStep,
): Promise<Acted> => {
  const { now } = due;
  const base = eventBase(facts);
  const acted: Acted = { entries: [], events: [] };
  if (facts.customer.phone === undefined || facts.optOuts.some((optOut) => optOut.channel === 'call')) {
    const detail =
      facts.customer.phone === undefined ? 'the customer has no phone number' : 'the customer opted out of calls';
    if (await claimStep(deps, facts, step, 'suppressed', detail)) {
      acted.entries.push(
        entry(now, 'step.suppressed', detail, {
          stepId: step.id,
          channel: 'call',
          rule: facts.customer.phone === undefined ? 'no-address' : 'opt-out',
        }),
      );
    }
    return acted;
  }
  // The task is stored first, under a stable id: a retry after a crash re-adds the same task, never a second one.
  await deps.tasks.add(facts.tenant.id, {
    id: stableId('task', facts.delinquency.id, step.id),
    kind: 'call',
    status: 'open',
    delinquencyId: facts.delinquency.id,
    invoiceId: facts.found.invoice.id,
    customerId: facts.customer.id,
    stepId: step.id,
    dueAt: now.toISOString(),
    createdAt: now.toISOString(),
    doneAt: null,
    // The case's collector makes the call; an unassigned case's call is the team's.
    assigneeId: facts.delinquency.assigneeId ?? null,
    dueOn: null,
  });
  if (await claimStep(deps, facts, step, 'done', 'call requested')) {
    acted.entries.push(
      entry(now, 'call.requested', 'a collector call is due: queued for collectors and offered to the dialer', {
        stepId: step.id,
        channel: 'call',
        rule: 'ladder.step',
      }),
    );
    acted.events.push({
      detailType: 'delinquency.escalated',
      detail: { ...base, stepId: step.id, channel: 'call', phone: facts.customer.phone, at: now.toISOString() },
    });
  }
  return acted;
};
