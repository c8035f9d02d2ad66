// One attempt at a pass: re-derive the stage from the facts, act on what is due, save the case with the wait's token.
import type { IntegrationEvent } from '../../../events/catalog';
import type { ContactDecision } from '../../domain/contact-policy';
import { stepContactDecision } from '../../domain/step-timing';
import { addDays, daysBetween, localDate, zonedInstant } from '../../domain/calendar';
import { isPreDue, ladderPosition, scheduleSteps, sendHourMinute, type ScheduledStep } from '../../domain/ladder';
import { CLOSED_STATUSES, type TimelineEntry } from '../../schemas/delinquency.schema';
import { stableId } from '../../domain/ids';
import type { EngineDeps } from '../engine-deps';
import { closingPromise, countPromiseDecision, followPromise } from '../follow-promise';
import { closingPlan, followPlan } from '../follow-plan';
import { reviewCredit } from '../credit';
import { publishOrPark } from '../publish-or-park';
import { type Decision } from './result';
import { type Facts } from './facts';
import { entry } from './timeline-entries';
import { claimStore, claimStep } from './claims';
import { chargeCompensation } from './charges';
import type { Acted } from './acted';
import { actOn } from './act-on-step';
import { closeOut } from './close-out';
import { caseSaver, type PassWait, type Written } from './save-case';

/**
 * The contact policy's answer for the first of the due steps it holds back, or null when every one may go now. A held
 * step goes to the tenant's send time on the day the window opens again, not to the window's opening (§4).
 */
const heldBack = (
  f: Facts,
  due: readonly ScheduledStep[],
  now: Date,
): Exclude<ContactDecision, { outcome: 'allowed' }> | null => {
  for (const { step } of due) {
    const decision = stepContactDecision(f.tenant, [f.customer.timeZone], step, now);
    if (decision.outcome !== 'allowed') return decision;
  }
  return null;
};

/**
 * The entry of the step the case has moved to, if it moved. It is written with what the step did, before the case is
 * saved: the step's actions happened whether or not this attempt's save wins, and a retry finds the same step, so the
 * entry has a stable id and is dated at the step's scheduled time (the same key however many attempts write it). That
 * keeps the case's own save a single conditional write instead of a transaction with its timeline (half the capacity).
 */
const stageEntries = (f: Facts, stage: string | null, at: Date): TimelineEntry[] =>
  stage === f.delinquency.stage || stage === null
    ? []
    : [
        {
          ...entry(at, 'stage.changed', `now at step ${stage}`, { stepId: stage, rule: 'ladder.step' }),
          id: stableId('tl', f.delinquency.id, 'stage', stage),
        },
      ];

/**
 * One attempt at the pass: what it acts on and saves, and what it decided; undefined when another writer moved the
 * case first (the attempt is then made again on fresh facts).
 */
export const decide = async (
  deps: EngineDeps,
  f: Facts,
  wait: PassWait | null,
  written: Written,
): Promise<Decision | undefined> => {
  const delinquency = f.delinquency;
  if (CLOSED_STATUSES.includes(delinquency.status)) return closeOut(deps, f, delinquency.status);
  const now = deps.clock.now();
  // Credit control: a debt passing the tenant's days-past-due threshold, or being paid, may start or end a hold.
  const daysPastDue = daysBetween(f.found.invoice.dueDate, localDate(now, f.customer.timeZone));
  // A hold the bus refuses to announce is parked with this delinquency for the hourly replay, not a failed pass.
  if (f.customer.creditLimit || daysPastDue >= f.tenant.creditHoldDaysPastDue) {
    const parkingEvents = {
      publish: (batch: IntegrationEvent[]) => publishOrPark(deps, f.tenant.id, delinquency.id, batch),
    };
    await reviewCredit(
      { ...deps, events: parkingEvents, factsChanged: { notify: async () => undefined } },
      f.tenant.id,
      f.customer,
      { daysPastDueHint: daysPastDue, holdDaysPastDue: f.tenant.creditHoldDaysPastDue },
    );
  }
  const { entries, events, flush, save } = caseSaver(deps, f, wait, written, now);

  if (f.found.invoice.voided || f.balance === 0) {
    const resolved = entry(
      now,
      'delinquency.resolved',
      f.found.invoice.voided ? 'the invoice was voided' : 'the balance is paid',
      { rule: 'payment-wins' },
    );
    const pause =
      (await closingPromise(deps, { ...f, invoice: f.found.invoice }, now)) ??
      (await closingPlan(deps, { ...f, invoice: f.found.invoice }, now));
    const closed = {
      status: 'resolved' as const,
      closedAt: now.toISOString(),
      nextActionAt: null,
      nextStep: null,
      activePromiseId: null,
      activePlanId: null,
      hold: null,
    };
    const attached =
      pause && 'promise' in pause ? { promise: pause.promise } : pause && 'plan' in pause ? { plan: pause.plan } : {};
    if (!(await save(closed, pause ? [pause.entry, resolved] : [resolved], attached))) return undefined;
    if (attached.promise) countPromiseDecision(deps, attached.promise.status);
    return closeOut(deps, f, 'resolved');
  }
  if (delinquency.status === 'promised' || delinquency.status === 'in_plan') {
    const paused = { ...f, invoice: f.found.invoice, claims: claimStore(deps, f.tenant.id, delinquency.id) };
    const followed =
      delinquency.status === 'promised' ? await followPromise(deps, paused) : await followPlan(deps, paused);
    if (followed.kind === 'wait')
      return {
        done: false,
        status: delinquency.status,
        wakeAt: followed.until,
      };
    // Decided (or raced): derive again from the facts just saved, so the ladder resumes where they put it.
    return undefined;
  }
  if (delinquency.status === 'paused') {
    // A hold by hand: nothing acts until a person releases it or its date comes; then the ladder re-derives.
    const releaseAt = delinquency.hold?.releaseAt ? new Date(delinquency.hold.releaseAt) : null;
    if (!releaseAt || releaseAt > now) return { done: false, status: 'paused', wakeAt: releaseAt };
    const ended = entry(now, 'delinquency.released', 'the hold ended on its date: escalation resumes from the facts', {
      rule: 'hold.by-hand',
    });
    const released = { ...delinquency, status: 'active' as const, hold: null, version: delinquency.version + 1 };
    await deps.delinquencies.save(f.tenant.id, released, delinquency.version, [ended]);
    // Saved or raced: derive again from the stored facts.
    return undefined;
  }
  if (delinquency.status !== 'active') {
    return {
      done: false,
      status: delinquency.status,
      wakeAt: null,
    };
  }

  const compensation = await chargeCompensation(deps, f);
  entries.push(...compensation.entries);
  events.push(...compensation.events);

  const schedule = scheduleSteps(
    f.strategy.steps.filter((step) => !isPreDue(step)),
    f.found.invoice.dueDate,
    f.customer.timeZone,
    f.tenant.sendTime,
  );
  const position = ladderPosition(schedule, new Set(delinquency.doneSteps), now);
  const doneSteps = new Set(delinquency.doneSteps);
  for (const skipped of position.skip) {
    const overtakenBy = position.act.map((scheduled) => scheduled.step.id).join(', ') || 'a later step already done';
    if (await claimStep(deps, f, skipped.step, 'skipped', `overtaken by ${overtakenBy}`)) {
      entries.push(
        entry(
          now,
          'step.skipped',
          `not sent: overtaken by ${overtakenBy} (a catch-up sends only the most advanced due step)`,
          { stepId: skipped.step.id, channel: skipped.step.channel, rule: 'ladder.catch-up' },
        ),
      );
    }
    doneSteps.add(skipped.step.id);
  }

  const held = heldBack(f, position.act, now);
  if (held) {
    const allowed = held.outcome === 'deferred' ? held.until : null;
    const stepIds = position.act.map((scheduled) => scheduled.step.id);
    if (delinquency.nextActionAt !== allowed?.toISOString()) {
      entries.push(
        entry(
          now,
          'step.deferred',
          `${held.why}: held back to the first allowed moment at or after the tenant's send time`,
          {
            stepId: stepIds[0],
            rule: 'contact.quiet-hours',
            data: { nextAllowedAt: allowed?.toISOString() ?? null },
          },
        ),
      );
    }
    const saved = await save({
      doneSteps: [...doneSteps],
      nextActionAt: allowed?.toISOString() ?? null,
      nextStep: stepIds[0] ?? null,
    });
    return saved ? { done: false, status: 'active', wakeAt: allowed } : undefined;
  }

  let stage = delinquency.stage;
  let stageAt = now;
  let closesAs: Acted['closesAs'];
  for (const scheduled of position.act) {
    const acted = await actOn(deps, f, scheduled.step);
    if (acted.settled) {
      // A payment landed between reading the facts and sending: keep what was done, then decide again.
      await flush();
      return undefined;
    }
    if (acted.retryAt) {
      // A send of this step is in flight in another attempt: keep what was done, then look again once it is settled
      // or its claim has gone stale.
      entries.push(...acted.entries, ...stageEntries(f, stage, stageAt));
      const saved = await save({
        stage,
        doneSteps: [...doneSteps],
        nextActionAt: acted.retryAt.toISOString(),
        nextStep: scheduled.step.id,
      });
      return saved
        ? {
            done: false,
            status: 'active',
            wakeAt: acted.retryAt,
          }
        : undefined;
    }
    entries.push(...acted.entries);
    events.push(...acted.events);
    doneSteps.add(scheduled.step.id);
    stage = scheduled.step.id;
    stageAt = scheduled.fireAt;
    closesAs ??= acted.closesAs;
  }
  entries.push(...stageEntries(f, stage, stageAt));
  if (closesAs) {
    const closed = {
      status: closesAs,
      stage,
      doneSteps: [...doneSteps],
      closedAt: now.toISOString(),
      nextActionAt: null,
      nextStep: null,
    };
    return (await save(closed)) ? closeOut(deps, f, closesAs) : undefined;
  }
  const next: ScheduledStep | null = position.next;
  const saved = await save(
    {
      stage,
      doneSteps: [...doneSteps],
      nextActionAt: next?.fireAt.toISOString() ?? null,
      nextStep: next?.step.id ?? null,
    },
    [],
    {},
    next !== null,
  );
  if (!saved) return undefined;
  // With no step left the ladder is over but the debt is not: payments still settle it; the execution may end.
  if (!next) return { done: true, status: 'active', wakeAt: null };
  // The morning the debt reaches the credit-hold threshold is a wake-up too, unless a step wakes it then anyway.
  const holdAt = zonedInstant(
    addDays(f.found.invoice.dueDate, f.tenant.creditHoldDaysPastDue),
    f.customer.timeZone,
    ...sendHourMinute(f.tenant.sendTime),
  );
  const wakeAt = holdAt > now && holdAt < next.fireAt ? holdAt : next.fireAt;
  return { done: false, status: 'active', wakeAt };
};
