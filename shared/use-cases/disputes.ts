// Opening a dispute: the delinquency pauses (no reminder, no fee) until someone decides it; every step is on the timeline.
import { newId, stableId } from '../domain/ids';
import { ConflictError, NotFoundError } from '../errors/errors';
import type { DelinquencyRepository } from '../ports/delinquency-repository.port';
import { CLOSED_STATUSES } from '../schemas/delinquency.schema';
import type { Dispute } from '../schemas/dispute.schema';
import type { CoreDeps } from './ports';
import { retryOnConflict } from './retry-on-conflict';

export interface DisputeDeps extends CoreDeps {
  delinquencies: DelinquencyRepository;
}

export interface OpenDisputeRequest {
  reason: string;
  source: Dispute['source'];
  providerDisputeId: string | null;
  amount: number | null;
  /** Who opened it, for the record: "provider:stripe", "api:<keyId>". */
  actor: string;
}

/**
 * Opens a dispute once: a provider dispute's id is derived from the provider's, so a replayed chargeback finds the
 * dispute it opened. A closed delinquency (handed off, written off) takes no dispute here: the agency owns it now.
 */
export const openDispute = async (deps: DisputeDeps, tenantId: string, delinquencyId: string, request: OpenDisputeRequest): Promise<{ dispute: Dispute; created: boolean }> => {
  const disputeId = request.providerDisputeId ? stableId('dsp', tenantId, request.source, request.providerDisputeId) : newId('dsp', deps.clock.now());
  const result = await retryOnConflict('the delinquency', async () => {
    const delinquency = await deps.delinquencies.get(tenantId, delinquencyId);
    if (!delinquency) throw new NotFoundError(`no delinquency ${delinquencyId}`);
    const existing = (await deps.delinquencies.disputes(tenantId, delinquencyId)).find((dispute) => dispute.id === disputeId);
    if (existing) return { dispute: existing, created: false };
    if (CLOSED_STATUSES.includes(delinquency.status) && delinquency.status !== 'resolved') {
      throw new ConflictError(`delinquency ${delinquencyId} is ${delinquency.status}; it takes no dispute`, 'delinquency-closed');
    }
    const now = deps.clock.now().toISOString();
    const dispute: Dispute = {
      id: disputeId,
      delinquencyId,
      invoiceId: delinquency.invoiceId,
      customerId: delinquency.customerId,
      status: 'open',
      reason: request.reason,
      source: request.source,
      providerDisputeId: request.providerDisputeId,
      amount: request.amount,
      openedAt: now,
      openedBy: request.actor,
      resolvedAt: null,
      resolvedBy: null,
    };
    const entry = {
      id: newId('tl', deps.clock.now()),
      at: now,
      kind: 'dispute.opened',
      actor: request.actor,
      detail: `disputed (${request.reason}): escalation pauses until the dispute is decided`,
      rule: 'dispute.pause',
      data: { disputeId },
    };
    // A resolved delinquency stays resolved: the chargeback's reversal is what reopens it, as disputed.
    const status = delinquency.status === 'resolved' ? 'resolved' : 'disputed';
    const saved = await deps.delinquencies.saveWithDispute(tenantId, { ...delinquency, status, version: delinquency.version + 1 }, delinquency.version, [entry], dispute);
    return saved ? { dispute, created: true } : undefined;
  });
  if (result.created) await deps.factsChanged.notify(tenantId, delinquencyId);
  return result;
};
