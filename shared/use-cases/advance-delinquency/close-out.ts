// The last passes of a closed case: its tasks closed, sends in flight settled, the thank-you of a paid one.
import { decideContact } from '../../domain/contact-policy';
import type { StepClaim, StepClaimKey } from '../../ports/delinquency-repository.port';
import { type Delinquency, type TimelineEntry } from '../../schemas/delinquency.schema';
import type { Step } from '../../schemas/strategy.schema';
import type { EngineDeps } from '../engine-deps';
import { CLAIM_LEASE_MS, heldClaim, sendReminder } from '../send-reminder';
import { closeTasksOf } from '../tasks';
import { type Decision } from './result';
import { messageContext, type Facts } from './facts';
import { entry, unknownEntry } from './timeline-entries';
import { claimStore } from './claims';

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
  const policy = decideContact({ tenant: facts.tenant, zones: [facts.customer.timeZone], channel: 'email', at: now });
  if (policy.outcome !== 'allowed') {
    return {
      done: false,
      status: 'resolved',
      wakeAt: policy.outcome === 'deferred' ? policy.until : null,
    };
  }
  const result = await sendReminder(
    deps,
    messageContext(facts, RECEIPT_STEP, 0, 0),
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
export const closeOut = async (deps: EngineDeps, facts: Facts, status: Delinquency['status']): Promise<Decision> => {
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
