// The wake-up of a delinquency's execution: re-derive the stage from stored facts, act on what is due, say when to wake next.
import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import type { IntegrationEvent } from '../../events/catalog';
import { fixedCompensation, stepFee } from '../domain/charges';
import { isWithinHours, nextAllowedAt } from '../domain/contact-window';
import { addDays, daysBetween, localDate, zonedInstant } from '../domain/calendar';
import { newId, stableId } from '../domain/ids';
import { invoiceBalance } from '../domain/invoice';
import { invoiceInterest, principalMovements } from '../domain/invoice-interest';
import {
  deferredSendAt,
  isPreDue,
  ladderPosition,
  scheduleSteps,
  sendHourMinute,
  type ScheduledStep,
} from '../domain/ladder';
import { renderLetter, templateLocale } from '../domain/messages/render';
import { DEFAULT_STRATEGY_ID } from '../domain/strategy';
import { DomainError } from '../errors/errors';
import type { StepClaim, StepClaimKey } from '../ports/delinquency-repository.port';
import type { InvoiceWithPayments } from '../ports/invoice-repository.port';
import type { Customer, OptOut } from '../schemas/customer.schema';
import {
  CLOSED_STATUSES,
  DelinquencyStatusSchema,
  type Charge,
  type Delinquency,
  type TimelineEntry,
} from '../schemas/delinquency.schema';
import type { Step, Strategy } from '../schemas/strategy.schema';
import type { Tenant } from '../schemas/tenant.schema';
import type { EngineDeps } from './engine-deps';
import { retryOnConflict } from './retry-on-conflict';
import { CLAIM_LEASE_MS, heldClaim, messageFacts, payLink, sendReminder, type ClaimStore } from './send-reminder';
import { listStrategies } from './strategies';
import { caseRole } from './case-messages';
import { sendStatement } from './send-statement';
import { closingPromise, countPromiseDecision, followPromise } from './follow-promise';
import { closingPlan, followPlan } from './follow-plan';
import type { PaymentPlan } from '../schemas/plan.schema';
import type { PaymentPromise } from '../schemas/promise.schema';
import { releaseAssignment } from './assignment';
import { scoreDelinquency } from './scoring';
import { reviewCredit } from './credit';
import { publishOrPark } from './publish-or-park';
import { loggableError } from '../observability/loggable-error';
import { logger } from '../observability/logger';
import { closeTasksOf } from './tasks';

export interface AdvanceInput {
  tenantId: string;
  delinquencyId: string;
  /**
   * The wait this pass runs in: its task token is saved with the case (in the write the pass makes anyway) so an event
   * can wake it, and the pass is counted for its execution. Without one (a pass outside any execution) no token is kept.
   */
  wait?: { taskToken: string; execution: string };
}

export const AdvanceResultSchema = z.object({
  /** True when the execution should end: resolved, handed off, written off, or nothing left to do. */
  done: z.boolean(),
  status: DelinquencyStatusSchema,
  /** When to wake next (an ISO instant); null when only an event can change what the case does. */
  wakeAt: z.string().nullable(),
  /** Passes the execution has made, this one included (0 outside an execution): its history grows with them. */
  passes: z.number().int().min(0),
});
export type AdvanceResult = z.infer<typeof AdvanceResultSchema>;

/** What a pass decided, before it is counted: whether the execution ends, and when to wake otherwise. */
interface Decision {
  done: boolean;
  status: Delinquency['status'];
  wakeAt: Date | null;
}

interface Facts {
  delinquency: Delinquency;
  tenant: Tenant;
  customer: Customer;
  optOuts: OptOut[];
  found: InvoiceWithPayments;
  strategy: Strategy;
  interest: number;
  balance: number;
  /** Charges this pass added to the invoice after reading it: the balance it saves includes them. */
  charged: number;
}

const CONTACT_CHANNELS = new Set(['email', 'sms', 'call', 'statement']);

const entry = (at: Date, kind: string, detail: string, extra: Partial<TimelineEntry> = {}): TimelineEntry => ({
  id: newId('tl', at),
  at: at.toISOString(),
  kind,
  actor: 'execution',
  detail,
  ...extra,
});

const loadFacts = async (deps: EngineDeps, input: AdvanceInput): Promise<Facts> => {
  const delinquency = await deps.delinquencies.get(input.tenantId, input.delinquencyId);
  if (!delinquency) throw new DomainError(`no delinquency ${input.delinquencyId} for tenant ${input.tenantId}`);
  const [tenant, customerWith, found, strategies] = await Promise.all([
    deps.tenants.getTenant(input.tenantId),
    deps.customers.getWithOptOuts(input.tenantId, delinquency.customerId),
    deps.invoices.get(input.tenantId, delinquency.invoiceId),
    listStrategies(deps, input.tenantId),
  ]);
  if (!tenant || !customerWith || !found) throw new DomainError(`facts of delinquency ${delinquency.id} are missing`);
  const strategy =
    strategies.find((candidate) => candidate.id === delinquency.strategyId) ??
    strategies.find((candidate) => candidate.id === DEFAULT_STRATEGY_ID)!;
  const interest =
    invoiceInterest({
      invoice: found.invoice,
      payments: principalMovements(found.payments, found.refunds),
      customer: customerWith.customer,
      interest: strategy.interest,
      asOf: localDate(deps.clock.now(), customerWith.customer.timeZone),
    })?.amount ?? 0;
  return {
    delinquency,
    tenant,
    customer: customerWith.customer,
    optOuts: customerWith.optOuts,
    found,
    strategy,
    interest,
    balance: invoiceBalance(found.invoice, interest),
    charged: 0,
  };
};

const claimStore = (deps: EngineDeps, tenantId: string, delinquencyId: string): ClaimStore => ({
  claim: (claim: StepClaim) => deps.delinquencies.claim(tenantId, delinquencyId, claim),
  settle: (key: StepClaimKey, attemptId: string, update: Partial<StepClaim>) =>
    deps.delinquencies.settleClaim(tenantId, delinquencyId, key, attemptId, update),
  release: (key: StepClaimKey, attemptId: string) =>
    deps.delinquencies.releaseClaim(tenantId, delinquencyId, key, attemptId),
});

/** Claims a whole-step action (skip, call, letter, hand-off) once; false if it was already claimed. */
const claimStep = async (deps: EngineDeps, facts: Facts, step: Step, status: StepClaim['status'], detail: string) => {
  const result = await deps.delinquencies.claim(facts.tenant.id, facts.delinquency.id, {
    kind: 'STEP',
    stepId: step.id,
    status,
    attemptId: randomUUID(),
    at: deps.clock.now().toISOString(),
    detail,
  });
  return result.outcome === 'claimed';
};

/**
 * Adds a charge to the invoice once (the claim and a stable charge id both guard it) under optimistic concurrency, then
 * records and publishes it before its claim is settled: whatever fails later in the pass (the step's send) cannot take
 * the charge's record with it, and an attempt that died between charging and settling leaves the claim 'claimed', so
 * the next one announces the charge it finds (at least once) instead of saying nothing (lost). Answers the charge when
 * this pass charged or announced it.
 */
const applyCharge = async (
  deps: EngineDeps,
  facts: Facts,
  claimStepId: string,
  kind: Charge['kind'],
  amount: number,
  inputs: Record<string, string | number>,
  describe: (charge: Charge) => { entry: TimelineEntry; event: IntegrationEvent },
): Promise<Charge | null> => {
  const claimKey: StepClaimKey = { kind: 'FEE', stepId: claimStepId };
  const attemptId = randomUUID();
  const claim = await deps.delinquencies.claim(facts.tenant.id, facts.delinquency.id, {
    ...claimKey,
    status: 'claimed',
    attemptId,
    at: deps.clock.now().toISOString(),
  });
  if (claim.outcome === 'exists' && claim.claim.status === 'charged') return null;
  const now = deps.clock.now().toISOString();
  // A stable id: an attempt that died after charging is recognised by the next one, which then charges nothing.
  const charge: Charge = {
    id: stableId('chg', facts.delinquency.id, claimStepId),
    invoiceId: facts.found.invoice.id,
    kind,
    amount,
    currency: facts.found.invoice.currency,
    stepId: kind === 'fee' ? claimStepId : null,
    rule: String(inputs.rule),
    inputs,
    chargedAt: now,
  };
  let stored = charge;
  const applied = await retryOnConflict('the invoice fees', async () => {
    const found = await deps.invoices.get(facts.tenant.id, facts.found.invoice.id);
    if (!found) throw new DomainError(`invoice ${facts.found.invoice.id} vanished`);
    const existing = found.charges.find((candidate) => candidate.id === charge.id);
    if (existing) {
      stored = existing;
      return false;
    }
    const updated = {
      ...found.invoice,
      feesTotal: found.invoice.feesTotal + amount,
      updatedAt: now,
      version: found.invoice.version + 1,
    };
    const outcome = await deps.invoices.addCharge(facts.tenant.id, updated, found.invoice.version, charge);
    if (outcome === 'version_moved') return undefined;
    return outcome === 'applied';
  });
  if (applied) facts.charged += amount;
  // Settled by this attempt, or for an attempt that died after charging (its claim was left 'claimed').
  const owner =
    claim.outcome === 'claimed' ? attemptId : claim.claim.status === 'claimed' ? claim.claim.attemptId : null;
  if (!owner) return applied ? charge : null;
  const { entry: noted, event } = describe(stored);
  // A stable entry (dated at the charge): announcing again after a death between these writes records it once.
  await deps.delinquencies.appendTimeline(facts.tenant.id, facts.delinquency.id, [
    { ...noted, id: stableId('tl', facts.delinquency.id, 'charge', stored.id), at: stored.chargedAt },
  ]);
  await publishOrPark(deps, facts.tenant.id, facts.delinquency.id, [event]);
  await deps.delinquencies.settleClaim(facts.tenant.id, facts.delinquency.id, claimKey, owner, { status: 'charged' });
  return stored;
};

interface Acted {
  entries: TimelineEntry[];
  events: IntegrationEvent[];
  /** The delinquency's status after the step, when the step ends the road. */
  closesAs?: 'handed_off' | 'written_off';
  /** The send could not happen because the debt was settled meanwhile. */
  settled?: boolean;
  /** Another attempt holds the step's send claim: the step is not done; decide again at this time. */
  retryAt?: Date;
}

/**
 * At most once: whatever a dead attempt did stays done; the collector sees the doubt on the timeline, in one entry
 * (dated at the claim, with a stable id) however many passes find it.
 */
const unknownEntry = (
  delinquencyId: string,
  stepId: string,
  channel: string,
  label: string,
  since: string,
): TimelineEntry => ({
  ...entry(
    new Date(since),
    'reminder.unknown',
    `${channel} "${label}": an attempt claimed it at ${since} and died before recording the provider's answer; not resent`,
    { stepId, channel, rule: 'send.at-most-once' },
  ),
  // One entry per claim: a step may have been claimed on two channels (an email that fell back to a text).
  id: stableId('tl', delinquencyId, 'unknown', stepId, channel),
});

/**
 * Records a sent reminder on the timeline and publishes its event right after the provider took it, then marks its
 * claim announced: a failure later in the pass (the next step, the save) cannot lose the record, and a pass retried
 * after a death in between announces it from the claim (the entry once, by its stable id; the event at least once).
 */
const announceSend = async (
  deps: EngineDeps,
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
  const base = {
    tenantId: facts.tenant.id,
    delinquencyId: facts.delinquency.id,
    invoiceId: facts.found.invoice.id,
    customerId: facts.customer.id,
  };
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

const caseFile = (facts: Facts, timeline: TimelineEntry[]) => ({
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

const actOn = async (deps: EngineDeps, facts: Facts, step: Step): Promise<Acted> => {
  const now = deps.clock.now();
  const base = {
    tenantId: facts.tenant.id,
    delinquencyId: facts.delinquency.id,
    invoiceId: facts.found.invoice.id,
    customerId: facts.customer.id,
  };
  const acted: Acted = { entries: [], events: [] };
  let fee = 0;
  if (step.fee) {
    const principal = Math.max(0, facts.found.invoice.amount - facts.found.invoice.paidTotal);
    const computed = stepFee(step.fee, principal, facts.found.invoice.currency);
    if ('skipped' in computed) {
      acted.entries.push(entry(now, 'charge.skipped', computed.skipped, { stepId: step.id, rule: 'fee.currency' }));
    } else if (computed.amount > 0) {
      const charge = await applyCharge(deps, facts, step.id, 'fee', computed.amount, computed.inputs, (charged) => ({
        entry: entry(now, 'charge.applied', `fee of ${charged.amount} ${charged.currency} (${charged.rule})`, {
          stepId: step.id,
          rule: charged.rule,
          data: { chargeId: charged.id, amount: charged.amount },
        }),
        event: {
          detailType: 'charge.applied',
          detail: {
            ...base,
            chargeId: charged.id,
            kind: 'fee',
            amount: charged.amount,
            currency: charged.currency,
            rule: charged.rule,
            chargedAt: charged.chargedAt,
          },
        },
      }));
      if (charge) fee = charge.amount;
    }
  }
  const balance = facts.balance + fee;
  switch (step.channel) {
    case 'email':
    case 'sms': {
      const role = await caseRole(deps, facts.tenant.id, facts.customer, facts.delinquency, balance, step.channel);
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
        break;
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
            tenant: facts.tenant,
            customer: facts.customer,
            optOuts: facts.optOuts,
            invoice: facts.found.invoice,
            delinquencyId: facts.delinquency.id,
            step,
            balance,
            fee,
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
      break;
    }
    case 'call': {
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
        break;
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
      break;
    }
    case 'statement': {
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
      break;
    }
    case 'letter': {
      if (await claimStep(deps, facts, step, 'done', 'letter rendered')) {
        const locale = templateLocale(facts.customer.locale);
        const context = {
          tenant: facts.tenant,
          customer: facts.customer,
          optOuts: facts.optOuts,
          invoice: facts.found.invoice,
          delinquencyId: facts.delinquency.id,
          step,
          balance,
          fee,
        };
        const html = renderLetter(
          step.template ?? 'final-notice',
          locale,
          messageFacts(deps, context, '', await payLink(deps, context)),
          localDate(now, facts.customer.timeZone),
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
      break;
    }
    case 'agency':
    case 'write_off': {
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
      break;
    }
  }
  return acted;
};

/** Statutory fixed compensation is owed once interest runs on a business debt: charged at the first wake-up. */
const chargeCompensation = async (deps: EngineDeps, facts: Facts): Promise<Acted> => {
  const rule = facts.strategy.interest?.rule ?? 'none';
  const result = fixedCompensation(rule, facts.customer.kind, facts.found.invoice.amount, facts.found.invoice.currency);
  if (result === null) return { entries: [], events: [] };
  const now = deps.clock.now();
  if ('skipped' in result) {
    const claimed = await deps.delinquencies.claim(facts.tenant.id, facts.delinquency.id, {
      kind: 'FEE',
      stepId: 'statutory-compensation',
      status: 'skipped',
      attemptId: randomUUID(),
      at: now.toISOString(),
      detail: result.skipped,
    });
    return {
      entries: claimed.outcome === 'claimed' ? [entry(now, 'charge.skipped', result.skipped, { rule })] : [],
      events: [],
    };
  }
  await applyCharge(deps, facts, 'statutory-compensation', 'compensation', result.amount, result.inputs, (charge) => ({
    entry: entry(now, 'charge.applied', `statutory fixed compensation of ${charge.amount} ${charge.currency}`, {
      rule: charge.rule,
      data: { chargeId: charge.id, amount: charge.amount },
    }),
    event: {
      detailType: 'charge.applied',
      detail: {
        tenantId: facts.tenant.id,
        delinquencyId: facts.delinquency.id,
        invoiceId: charge.invoiceId,
        customerId: facts.customer.id,
        chargeId: charge.id,
        kind: 'compensation',
        amount: charge.amount,
        currency: charge.currency,
        rule: charge.rule,
        chargedAt: charge.chargedAt,
      },
    },
  }));
  // Recorded and published by applyCharge already.
  return { entries: [], events: [] };
};

/** The thank-you after a full payment: an email step of its own, so the usual claim makes it go out once. */
const RECEIPT_STEP: Step = { id: 'receipt', offsetDays: 0, channel: 'email', template: 'receipt' };

/**
 * Sends the receipt of a paid delinquency once, inside the customer's contact hours. Returns the wait until those
 * hours when it is too early or late to send; null when there is nothing (more) to send.
 */
const sendReceipt = async (deps: EngineDeps, facts: Facts, claims: StepClaim[]): Promise<Decision | null> => {
  if (facts.found.invoice.voided || facts.balance > 0) return null;
  // Settled by an accepted dispute's credit, not by the customer's money: there is nothing to thank them for.
  const last = [...facts.found.payments].sort((a, b) => a.recordedAt.localeCompare(b.recordedAt)).at(-1);
  if (!last || last.source === 'adjustment') return null;
  if (claims.some((claim) => claim.kind === 'SEND' && claim.stepId === RECEIPT_STEP.id)) return null;
  const now = deps.clock.now();
  if (!isWithinHours(now, facts.customer.timeZone)) {
    const allowed = nextAllowedAt(now, [facts.customer.timeZone]);
    return {
      done: false,
      status: 'resolved',
      wakeAt: allowed,
    };
  }
  const result = await sendReminder(
    deps,
    {
      tenant: facts.tenant,
      customer: facts.customer,
      optOuts: facts.optOuts,
      invoice: facts.found.invoice,
      delinquencyId: facts.delinquency.id,
      step: RECEIPT_STEP,
      balance: 0,
      fee: 0,
    },
    claimStore(deps, facts.tenant.id, facts.delinquency.id),
    async () => true,
  );
  if (result.outcome === 'sent') {
    await deps.delinquencies.appendTimeline(facts.tenant.id, facts.delinquency.id, [
      entry(now, 'receipt.sent', 'a thank-you for the payment in full was emailed', {
        stepId: RECEIPT_STEP.id,
        channel: 'email',
        rule: 'payment.receipt',
        data: { messageId: result.messageId },
      }),
    ]);
  }
  return null;
};

/**
 * A closed case's sends still in flight: no later pass of the ladder comes back to them, so the case's last passes
 * settle them. A stale 'sending' claim may have reached the provider: marked unknown (counted, on the timeline), never
 * resent. A stale 'claimed' one of a reminder provably did not (reminders mark 'sending' before the provider): freed. A
 * fresh one's attempt may still be answering: the answer is the moment to look again, or null when none is left.
 */
const settleInFlightSends = async (deps: EngineDeps, facts: Facts, claims: StepClaim[]): Promise<Date | null> => {
  const store = claimStore(deps, facts.tenant.id, facts.delinquency.id);
  const now = deps.clock.now();
  const doubts: TimelineEntry[] = [];
  let lookAgainMs = Infinity;
  for (const held of claims) {
    if (held.kind !== 'SEND') continue;
    const step =
      held.stepId === RECEIPT_STEP.id
        ? RECEIPT_STEP
        : facts.strategy.steps.find((candidate) => candidate.id === held.stepId);
    const channel = held.channel === 'sms' ? 'sms' : 'email';
    if (held.status === 'unknown') {
      // Its doubt again, by the entry's stable id: a closing pass that died after marking the claim and before writing
      // the entry must not leave an unknown send without its note (a later pass takes 'unknown' for settled).
      doubts.push(unknownEntry(facts.delinquency.id, held.stepId, channel, step?.template ?? held.stepId, held.at));
      continue;
    }
    if (held.status !== 'claimed' && held.status !== 'sending') continue;
    const staleMs = Date.parse(held.at) + CLAIM_LEASE_MS;
    if (now.getTime() < staleMs) {
      lookAgainMs = Math.min(lookAgainMs, staleMs);
      continue;
    }
    const key: StepClaimKey = { kind: 'SEND', stepId: held.stepId, ...(held.channel ? { channel: held.channel } : {}) };
    if (held.status === 'claimed' && (step?.channel === 'email' || step?.channel === 'sms')) {
      await store.release(key, held.attemptId);
      continue;
    }
    const outcome = await heldClaim(deps, store, held, channel);
    if (outcome.outcome === 'unknown')
      doubts.push(
        unknownEntry(facts.delinquency.id, held.stepId, channel, step?.template ?? held.stepId, outcome.since),
      );
  }
  if (doubts.length > 0) await deps.delinquencies.appendTimeline(facts.tenant.id, facts.delinquency.id, doubts);
  return Number.isFinite(lookAgainMs) ? new Date(lookAgainMs) : null;
};

/** The last passes of a closed case: its tasks closed, its in-flight sends settled, then the receipt of a paid one. */
const closeOut = async (deps: EngineDeps, facts: Facts, status: Delinquency['status']): Promise<Decision> => {
  // A closed debt needs no call: its open tasks close on every closing pass, so one that died before this is finished.
  await closeTasksOf(deps, facts.tenant.id, facts.delinquency.id, `delinquency:${status}`);
  const claims = await deps.delinquencies.claims(facts.tenant.id, facts.delinquency.id);
  const lookAgainAt = await settleInFlightSends(deps, facts, claims);
  if (lookAgainAt) return { done: false, status, wakeAt: lookAgainAt };
  return (
    (status === 'resolved' ? await sendReceipt(deps, facts, claims) : null) ?? {
      done: true,
      status,
      wakeAt: null,
    }
  );
};

/**
 * One wake-up. Facts decide, timers only wake (rule 1): whatever woke it and however late, the stage is derived from
 * the schedule, what is done, and what is owed. Repeating it changes nothing that was already done.
 */
export const advanceDelinquency = async (deps: EngineDeps, input: AdvanceInput): Promise<AdvanceResult> => {
  try {
    return await advanceOnce(deps, input);
  } catch (error) {
    // The state machine retries and then fails the execution; without this line nobody could tell which debt or why.
    logger.error('advancing the delinquency failed', {
      tenantId: input.tenantId,
      delinquencyId: input.delinquencyId,
      error: loggableError(error),
    });
    throw error;
  }
};

/** The wait a pass saves with the case: its task token, and its execution's passes counted with this one. */
interface PassWait {
  taskToken: string;
  wakes: { execution: string; passes: number };
}

const passWait = (input: AdvanceInput, read: Delinquency): PassWait | null => {
  if (!input.wait) return null;
  const { taskToken, execution } = input.wait;
  const passes = read.wakes?.execution === execution ? read.wakes.passes + 1 : 1;
  return { taskToken, wakes: { execution, passes } };
};

/** What an attempt's saves wrote last, and whether its token went with it. */
interface Written {
  current: Delinquency;
  parked: boolean;
}

const advanceOnce = (deps: EngineDeps, input: AdvanceInput): Promise<AdvanceResult> =>
  retryOnConflict('the delinquency', async () => {
    const f = await loadFacts(deps, input);
    const wait = passWait(input, f.delinquency);
    const written: Written = { current: f.delinquency, parked: false };
    const decided = await decide(deps, f, wait, written);
    if (!decided) return undefined;
    if (!decided.done && wait && !written.parked) {
      // A pass that saved nothing open (a pause waits, a closed case settles its sends) keeps its token in a write of
      // its own, on the version it read or wrote last: if a fact moved since, the write fails and the pass re-derives.
      const { current } = written;
      const parked = { ...current, taskToken: wait.taskToken, wakes: wait.wakes, version: current.version + 1 };
      if (!(await deps.delinquencies.save(f.tenant.id, parked, current.version, []))) return undefined;
    }
    return {
      done: decided.done,
      status: decided.status,
      wakeAt: decided.done ? null : (decided.wakeAt?.toISOString() ?? null),
      passes: wait?.wakes.passes ?? 0,
    };
  });

/**
 * One attempt at the pass: what it acts on and saves, and what it decided; undefined when another writer moved the
 * case first (the attempt is then made again on fresh facts).
 */
const decide = async (
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
      daysPastDue,
    );
  }
  /** What actions did: recorded before the state is saved, so a retry after a lost race forgets none of it. */
  const entries: TimelineEntry[] = [];
  const events: IntegrationEvent[] = [];
  const flush = async () => {
    if (entries.length > 0) await deps.delinquencies.appendTimeline(f.tenant.id, delinquency.id, entries.splice(0));
    if (events.length > 0) await publishOrPark(deps, f.tenant.id, delinquency.id, events.splice(0));
  };
  const save = async (
    changes: Partial<Delinquency>,
    stateEntries: TimelineEntry[] = [],
    attached: { promise?: PaymentPromise; plan?: PaymentPlan } = {},
    /** False when the execution ends after this save: no wait is left for an event to wake. */
    waits = true,
  ) => {
    await flush();
    const draft: Delinquency = { ...delinquency, ...changes };
    const closing = CLOSED_STATUSES.includes(draft.status);
    // The wait's token goes with the case in this same write, unless the case closes (its last passes follow first).
    // Every pass that saves re-scores from the facts it read, so the queue ranks by today's balance and history.
    // The queue's balance, which this pass's own charges moved already (in their transactions): it must not go back.
    const balance = f.balance + f.charged;
    const scoring = closing
      ? { balance }
      : await scoreDelinquency(deps, { ...f, delinquency: draft, invoice: f.found.invoice, balance });
    const taskToken = wait && waits && !closing ? wait.taskToken : null;
    const updated: Delinquency = {
      ...draft,
      ...scoring,
      taskToken,
      ...(wait ? { wakes: wait.wakes } : {}),
      version: delinquency.version + 1,
    };
    const saved = attached.promise
      ? await deps.delinquencies.saveWithPromise(
          f.tenant.id,
          updated,
          delinquency.version,
          stateEntries,
          attached.promise,
          false,
        )
      : attached.plan
        ? await deps.delinquencies.saveWithPlan(
            f.tenant.id,
            updated,
            delinquency.version,
            stateEntries,
            attached.plan,
            false,
          )
        : await deps.delinquencies.save(f.tenant.id, updated, delinquency.version, stateEntries);
    if (saved) Object.assign(written, { current: updated, parked: taskToken !== null });
    if (saved && closing) await releaseAssignment(deps, f.tenant.id, updated, now);
    return saved;
  };

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

  const contacting = position.act.some((scheduled) => CONTACT_CHANNELS.has(scheduled.step.channel));
  if (contacting && !isWithinHours(now, f.customer.timeZone)) {
    // Held back to the tenant's send time on the day the window opens again, not to the window's opening (§4).
    const allowed = deferredSendAt(now, f.customer.timeZone, f.tenant.sendTime);
    const stepIds = position.act.map((scheduled) => scheduled.step.id);
    if (delinquency.nextActionAt !== allowed?.toISOString()) {
      entries.push(
        entry(
          now,
          'step.deferred',
          `outside 08:00-21:00 in ${f.customer.timeZone}: held back to the first allowed moment at or after the tenant's send time`,
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
      entries.push(...acted.entries);
      const movedTo =
        stage !== delinquency.stage
          ? [
              entry(now, 'stage.changed', `now at step ${stage}`, {
                ...(stage ? { stepId: stage } : {}),
                rule: 'ladder.step',
              }),
            ]
          : [];
      const saved = await save(
        { stage, doneSteps: [...doneSteps], nextActionAt: acted.retryAt.toISOString(), nextStep: scheduled.step.id },
        movedTo,
      );
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
    closesAs ??= acted.closesAs;
  }
  const staged =
    stage !== delinquency.stage
      ? [
          entry(now, 'stage.changed', `now at step ${stage}`, {
            ...(stage ? { stepId: stage } : {}),
            rule: 'ladder.step',
          }),
        ]
      : [];
  if (closesAs) {
    const closed = {
      status: closesAs,
      stage,
      doneSteps: [...doneSteps],
      closedAt: now.toISOString(),
      nextActionAt: null,
      nextStep: null,
    };
    return (await save(closed, staged)) ? closeOut(deps, f, closesAs) : undefined;
  }
  const next: ScheduledStep | null = position.next;
  const saved = await save(
    {
      stage,
      doneSteps: [...doneSteps],
      nextActionAt: next?.fireAt.toISOString() ?? null,
      nextStep: next?.step.id ?? null,
    },
    staged,
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
