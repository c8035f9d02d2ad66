// Charges a pass applies: each once (claim and stable id), recorded and announced before its claim settles.
import { randomUUID } from 'node:crypto';
import type { IntegrationEvent } from '../../../events/catalog';
import { fixedCompensation } from '../../domain/charges';
import { stableId } from '../../domain/ids';
import type { ChargeRule, CompensationRule } from '../../domain/timeline-catalog';
import { DomainError } from '../../errors/errors';
import type { DelinquencyTimeline, StepClaimKey, StepClaims } from '../../ports/delinquency-repository.port';
import { type Charge, type TimelineEntry } from '../../schemas/delinquency.schema';
import type { EngineDeps } from '../engine-deps';
import { retryOnConflict } from '../retry-on-conflict';
import { publishOrPark, type PublishDeps } from '../publish-or-park';
import { type Facts } from './facts';
import { entry } from './timeline-entries';
import type { Acted } from './acted';

/** A charge claims its step, writes the invoice, and records and publishes itself. */
export type ChargeDeps = PublishDeps &
  Pick<EngineDeps, 'invoices'> & { delinquencies: StepClaims & DelinquencyTimeline };

/**
 * Adds a charge to the invoice once (the claim and a stable charge id both guard it) under optimistic concurrency, then
 * records and publishes it before its claim is settled: whatever fails later in the pass (the step's send) cannot take
 * the charge's record with it, and an attempt that died between charging and settling leaves the claim 'claimed', so
 * the next one announces the charge it finds (at least once) instead of saying nothing (lost). Answers the charge when
 * this pass charged or announced it.
 */
export const applyCharge = async (
  deps: ChargeDeps,
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

/** Statutory fixed compensation is owed once interest runs on a business debt: charged at the first wake-up. */
export const chargeCompensation = async (deps: ChargeDeps, facts: Facts): Promise<Acted> => {
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
      // Only a statutory rule's compensation can be skipped (set in another currency).
      entries:
        claimed.outcome === 'claimed'
          ? [entry(now, 'charge.skipped', result.skipped, { rule: rule as CompensationRule })]
          : [],
      events: [],
    };
  }
  await applyCharge(deps, facts, 'statutory-compensation', 'compensation', result.amount, result.inputs, (charge) => ({
    entry: entry(now, 'charge.applied', `statutory fixed compensation of ${charge.amount} ${charge.currency}`, {
      rule: charge.rule as ChargeRule,
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
