// The claims a pass takes on the case's steps: the store a sender settles its claim in, and whole-step claims.
import { randomUUID } from 'node:crypto';
import type { StepClaim, StepClaimKey, StepClaims } from '../../ports/delinquency-repository.port';
import type { Step } from '../../schemas/strategy.schema';
import type { EngineDeps } from '../engine-deps';
import { type ClaimStore } from '../send-reminder';
import { type Facts } from './facts';

export const claimStore = (
  deps: { delinquencies: StepClaims },
  tenantId: string,
  delinquencyId: string,
): ClaimStore => ({
  claim: (claim: StepClaim) => deps.delinquencies.claim(tenantId, delinquencyId, claim),
  settle: (key: StepClaimKey, attemptId: string, update: Partial<StepClaim>) =>
    deps.delinquencies.settleClaim(tenantId, delinquencyId, key, attemptId, update),
  release: (key: StepClaimKey, attemptId: string) =>
    deps.delinquencies.releaseClaim(tenantId, delinquencyId, key, attemptId),
});

/** Claims a whole-step action (skip, call, letter, hand-off) once; false if it was already claimed. */
export const claimStep = async (
  deps: Pick<EngineDeps, 'clock'> & { delinquencies: StepClaims },
  facts: Facts,
  step: Step,
  status: StepClaim['status'],
  detail: string,
) => {
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
