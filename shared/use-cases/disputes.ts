// Disputes: opened by a collector, the customer's own page or a provider chargeback, they pause the ladder until someone
// decides them. Accepting one may credit the balance: once the credits accepted on the case (or on its customer within
// 30 days) add up to more than the tenant's limit, a manager decides, and not the person who opened it (four eyes).
// Rejecting one resumes escalation from the facts. Every decision is on the timeline with the key and person that made it.
import { newId, stableId } from '../domain/ids';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors/errors';
import type { DelinquencyDisputes, DelinquencyRecords } from '../ports/delinquency-repository.port';
import type { ApiKeyGrant, TenantDirectory } from '../ports/tenant-directory.port';
import type { DisputeCreditLedger } from '../ports/dispute-credits.port';
import type { DisputeCredits } from '../schemas/dispute-credits.schema';
import { CLOSED_STATUSES, type Delinquency, type TimelineEntry } from '../schemas/delinquency.schema';
import type { Dispute, DisputeCategory, ResolveDisputeBody } from '../schemas/dispute.schema';
import { defaultTenantSettings } from '../schemas/tenant.schema';
import { applyInvoicePayment, getInvoice } from './invoices';
import { moneyMoved, type MoneyMovedDeps } from './money-moved';
import type { CoreDeps } from './ports';
import { retryOnConflict } from './retry-on-conflict';

export interface DisputeDeps extends CoreDeps {
  delinquencies: DelinquencyRecords & DelinquencyDisputes;
}

export interface OpenDisputeRequest {
  reason: string;
  /** The kind of wrong the customer chose in the portal. */
  category?: DisputeCategory;
  source: Dispute['source'];
  providerDisputeId: string | null;
  amount: number | null;
  /** Who opened it, for the record: "provider:stripe", "api:<keyId>". */
  actor: string;
  /** The person behind the key that opened it (four eyes compares people); none for a customer or a provider. */
  person?: string | null;
  /** A second open dispute is refused (409) for API requests; a provider's chargeback is always recorded. */
  refuseWhileOpen?: boolean;
}

/** Where a case goes when its last open dispute is decided: back to its promise if one is open, else escalating. */
const statusAfterDisputes = (delinquency: Delinquency): Delinquency['status'] =>
  delinquency.activePromiseId ? 'promised' : 'active';

/**
 * Opens a dispute once: a provider dispute's id is derived from the provider's, so a replayed chargeback finds the
 * dispute it opened. A case handed off or written off takes no dispute here: the agency owns it now.
 */
export const openDispute = async (
  deps: DisputeDeps,
  tenantId: string,
  delinquencyId: string,
  request: OpenDisputeRequest,
): Promise<{ dispute: Dispute; created: boolean }> => {
  const disputeId = request.providerDisputeId
    ? stableId('dsp', tenantId, request.source, request.providerDisputeId)
    : newId('dsp', deps.clock.now());
  const result = await retryOnConflict('the delinquency', async () => {
    const delinquency = await deps.delinquencies.get(tenantId, delinquencyId);
    if (!delinquency) throw new NotFoundError(`no delinquency ${delinquencyId}`);
    const disputes = await deps.delinquencies.disputes(tenantId, delinquencyId);
    const existing = disputes.find((dispute) => dispute.id === disputeId);
    if (existing) return { dispute: existing, created: false };
    if (CLOSED_STATUSES.includes(delinquency.status) && delinquency.status !== 'resolved') {
      throw new ConflictError(
        `delinquency ${delinquencyId} is ${delinquency.status}; it takes no dispute`,
        'delinquency-closed',
        { delinquencyStatus: delinquency.status },
      );
    }
    const open = disputes.find((dispute) => dispute.status === 'open');
    if (request.refuseWhileOpen && open)
      throw new ConflictError('a dispute is already open on this delinquency', 'dispute-open', { disputeId: open.id });
    const now = deps.clock.now().toISOString();
    const dispute: Dispute = {
      id: disputeId,
      delinquencyId,
      invoiceId: delinquency.invoiceId,
      customerId: delinquency.customerId,
      status: 'open',
      reason: request.reason,
      ...(request.category ? { category: request.category } : {}),
      source: request.source,
      providerDisputeId: request.providerDisputeId,
      amount: request.amount,
      openedAt: now,
      openedBy: request.actor,
      openedByPerson: request.person ?? null,
      resolvedAt: null,
      resolvedBy: null,
      resolvedByPerson: null,
      adjustment: null,
      note: null,
    };
    const entry: TimelineEntry = {
      id: newId('tl', deps.clock.now()),
      at: now,
      kind: 'dispute.opened',
      actor: request.actor,
      detail: `disputed (${request.category ? `${request.category}: ` : ''}${request.reason}): escalation pauses until the dispute is decided`,
      rule: 'dispute.pause',
      data: { disputeId },
    };
    // A resolved delinquency stays resolved: the chargeback's reversal is what reopens it, as disputed.
    const status = delinquency.status === 'resolved' ? 'resolved' : 'disputed';
    const saved = await deps.delinquencies.saveWithDispute(
      tenantId,
      { ...delinquency, status, version: delinquency.version + 1 },
      delinquency.version,
      [entry],
      dispute,
    );
    return saved ? { dispute, created: true } : undefined;
  });
  if (result.created) await deps.factsChanged.notify(tenantId, delinquencyId);
  return result;
};

export interface ResolveDeps extends DisputeDeps, MoneyMovedDeps {
  tenants: TenantDirectory;
  disputeCredits: DisputeCreditLedger;
}

/** Credits on one customer count together for this long: splitting a credit over cases and days does not escape it. */
export const CUSTOMER_CREDIT_WINDOW_DAYS = 30;

interface CreditRequest {
  dispute: Dispute;
  amount: number;
  currency: string;
  limit: number;
  grant: ApiKeyGrant;
  actor: string;
}

const sum = (amounts: number[]) => amounts.reduce((total, amount) => total + amount, 0);

/**
 * Adds the credit to the customer's running totals before it is applied, over the version it read: of two decisions at
 * once, the second reads the first's credit and is judged with it. Above the limit (the case's credits or the
 * customer's within the window, added up), only a manager who did not open the dispute may add it.
 */
const reserveCredit = (deps: ResolveDeps, tenantId: string, request: CreditRequest) =>
  retryOnConflict('the dispute credits', async () => {
    const { dispute, amount, currency, limit, grant } = request;
    const ledger = await deps.disputeCredits.read(tenantId, dispute.customerId);
    // An earlier attempt of this same decision reserved it already (it stopped before the credit was applied).
    if (ledger.recent.some((credit) => credit.disputeId === dispute.id)) return true;
    const now = deps.clock.now();
    const since = new Date(now.getTime() - CUSTOMER_CREDIT_WINDOW_DAYS * 86_400_000).toISOString();
    const recent = ledger.recent.filter((credit) => credit.at >= since);
    const caseTotal = (ledger.byDelinquency[dispute.delinquencyId] ?? 0) + amount;
    const customerTotal =
      sum(recent.filter((credit) => credit.currency === currency).map((credit) => credit.amount)) + amount;
    if (caseTotal > limit || customerTotal > limit) {
      const totals = `credits of ${caseTotal} on this case and ${customerTotal} ${currency} on the customer within ${CUSTOMER_CREDIT_WINDOW_DAYS} days`;
      if (grant.role !== 'manager')
        throw new ForbiddenError(
          `${totals} would pass the approval limit of ${limit}: a manager's key decides`,
          'manager-approval-required',
        );
      if (dispute.openedByPerson === grant.person || dispute.openedBy === request.actor) {
        throw new ForbiddenError(
          `four eyes: ${totals} pass the approval limit, and ${grant.person} opened this dispute; another person decides it`,
          'four-eyes',
        );
      }
    }
    const next: DisputeCredits = {
      customerId: dispute.customerId,
      byDelinquency: { ...ledger.byDelinquency, [dispute.delinquencyId]: caseTotal },
      recent: [
        ...recent,
        { disputeId: dispute.id, delinquencyId: dispute.delinquencyId, amount, currency, at: now.toISOString() },
      ],
      version: ledger.version + 1,
    };
    return (await deps.disputeCredits.write(tenantId, next, ledger.version)) ? true : undefined;
  });

/** Takes back a reservation whose credit could not be applied, so it does not count against later decisions. */
const releaseCredit = (deps: ResolveDeps, tenantId: string, dispute: Dispute) =>
  retryOnConflict('the dispute credits', async () => {
    const ledger = await deps.disputeCredits.read(tenantId, dispute.customerId);
    const reserved = ledger.recent.find((credit) => credit.disputeId === dispute.id);
    if (!reserved) return true;
    const next: DisputeCredits = {
      ...ledger,
      byDelinquency: {
        ...ledger.byDelinquency,
        [dispute.delinquencyId]: Math.max(0, (ledger.byDelinquency[dispute.delinquencyId] ?? 0) - reserved.amount),
      },
      recent: ledger.recent.filter((credit) => credit.disputeId !== dispute.id),
      version: ledger.version + 1,
    };
    return (await deps.disputeCredits.write(tenantId, next, ledger.version)) ? true : undefined;
  });

/**
 * Decides an open dispute. The credit of an accepted one is applied first, as an `adjustment` payment keyed by the
 * dispute (so a retry after a crash applies it once), then the decision is saved; the execution wakes and re-derives.
 */
export const resolveDispute = async (
  deps: ResolveDeps,
  tenantId: string,
  disputeId: string,
  body: ResolveDisputeBody,
  grant: ApiKeyGrant,
): Promise<Dispute> => {
  const delinquencyId = await deps.delinquencies.disputeOwner(tenantId, disputeId);
  if (!delinquencyId) throw new NotFoundError(`no dispute ${disputeId}`);
  const actor = grant.actor;
  const current = async () => {
    const delinquency = await deps.delinquencies.get(tenantId, delinquencyId);
    const disputes = await deps.delinquencies.disputes(tenantId, delinquencyId);
    const dispute = disputes.find((candidate) => candidate.id === disputeId);
    if (!delinquency || !dispute) throw new NotFoundError(`no dispute ${disputeId}`);
    if (dispute.status !== 'open')
      throw new ConflictError(`the dispute was already ${dispute.status}`, 'dispute-decided', {
        disputeStatus: dispute.status,
      });
    return {
      delinquency,
      dispute,
      othersOpen: disputes.some((candidate) => candidate.id !== disputeId && candidate.status === 'open'),
    };
  };
  const { delinquency, dispute } = await current();
  const adjustment = body.outcome === 'accepted' ? (body.adjustment ?? 0) : 0;
  if (adjustment > 0) {
    const [invoice, tenant] = await Promise.all([
      getInvoice(deps, tenantId, delinquency.invoiceId),
      deps.tenants.getTenant(tenantId),
    ]);
    if (adjustment > invoice.balance)
      throw new ValidationError('the credit is larger than what is owed', [
        { path: 'adjustment', message: `must not exceed the balance, ${invoice.balance}` },
      ]);
    const limit = tenant?.disputeApprovalAbove ?? defaultTenantSettings.disputeApprovalAbove;
    await reserveCredit(deps, tenantId, {
      dispute,
      amount: adjustment,
      currency: invoice.currency,
      limit,
      grant,
      actor,
    });
    let recorded;
    try {
      recorded = await applyInvoicePayment(
        deps,
        tenantId,
        delinquency.invoiceId,
        { amount: adjustment, currency: invoice.currency, reference: `dispute ${disputeId}` },
        { idempotencyKey: `dispute:${disputeId}`, source: 'adjustment', actor },
      );
    } catch (error) {
      await releaseCredit(deps, tenantId, dispute);
      throw error;
    }
    // The credit is money moved like any payment: the case re-derives, the customer's hold is reviewed.
    await moneyMoved(deps, tenantId, [recorded.movement], recorded.payer);
  }
  const decided = await retryOnConflict('the delinquency', async () => {
    const fresh = await current();
    const now = deps.clock.now().toISOString();
    const updated: Dispute = {
      ...fresh.dispute,
      status: body.outcome,
      resolvedAt: now,
      resolvedBy: actor,
      resolvedByPerson: grant.person,
      adjustment,
      note: body.note ?? null,
    };
    const status =
      fresh.delinquency.status === 'disputed' && !fresh.othersOpen
        ? statusAfterDisputes(fresh.delinquency)
        : fresh.delinquency.status;
    const entry: TimelineEntry = {
      id: newId('tl', deps.clock.now()),
      at: now,
      kind: `dispute.${body.outcome}`,
      actor,
      detail:
        body.outcome === 'accepted'
          ? `dispute accepted${adjustment > 0 ? ` with a credit of ${adjustment}` : ''}${body.note ? `: ${body.note}` : ''}`
          : `dispute rejected${body.note ? `: ${body.note}` : ''}: escalation resumes from the facts`,
      rule: 'dispute.decided',
      data: { disputeId, adjustment },
    };
    const saved = await deps.delinquencies.saveWithDispute(
      tenantId,
      { ...fresh.delinquency, status, version: fresh.delinquency.version + 1 },
      fresh.delinquency.version,
      [entry],
      updated,
      false,
    );
    return saved ? updated : undefined;
  });
  await deps.factsChanged.notify(tenantId, delinquencyId);
  return decided;
};
