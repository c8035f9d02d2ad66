// Refunds and chargebacks: money given back against a payment owes again, and a resolved delinquency reopens at the
// stage its facts say (its execution starts anew; the ladder re-derives what is due and sends nothing twice).
import { addDays, localDate } from '../domain/calendar';
import { newId, stableId } from '../domain/ids';
import { invoiceBalance } from '../domain/invoice';
import { NotFoundError, ValidationError } from '../errors/errors';
import type { ExecutionStarter } from '../ports/executions.port';
import type { DelinquencyDisputes, DelinquencyRecords } from '../ports/delinquency-repository.port';
import { metricsOf } from '../ports/metrics.port';
import type { CollectorRepository } from '../ports/collector-repository.port';
import type { TimelineEntry } from '../schemas/delinquency.schema';
import type { Invoice, Refund } from '../schemas/invoice.schema';
import { moneyMoved, type MoneyMovedDeps } from './money-moved';
import { retryOnConflict } from './retry-on-conflict';

export interface ReversalDeps extends MoneyMovedDeps {
  delinquencies: DelinquencyRecords & DelinquencyDisputes;
  /** A reopened debt counts in its collector's load again. */
  collectors: CollectorRepository;
  executions: ExecutionStarter;
}

export interface ReversalRequest {
  invoiceId: string;
  paymentId: string;
  kind: Refund['kind'];
  /** The total given back on this payment so far, as the provider reports it; the reversal tops up to it. */
  cumulativeAmount: number;
  /** The currency the reversal was reported in, when known: money goes back only in the payment's own currency. */
  currency?: string;
  reference: string;
  source: Refund['source'];
  /** Who caused it, for the timeline: "provider:stripe", "api:<keyId>". */
  actor: string;
}

/** The execution of a reopened delinquency: a new name, since the first one ran to its end. */
export const executionName = (delinquencyId: string, reopenCount: number) =>
  reopenCount === 0 ? delinquencyId : `${delinquencyId}-r${reopenCount}`;

const maxDate = (a: string, b: string) => (a > b ? a : b);

/**
 * Reverses what a payment had done, up to `cumulativeAmount` in all: first the part that was the customer's credit
 * (an overpayment), then the part that had reduced the balance. Repeats of the same total change nothing (the refund's
 * id is derived from it). Returns the refund stored, or null when there was nothing left to reverse.
 */
export const reversePayment = async (
  deps: ReversalDeps,
  tenantId: string,
  request: ReversalRequest,
): Promise<Refund | null> => {
  const refund = await retryOnConflict('the invoice balance', async () => {
    const found = await deps.invoices.get(tenantId, request.invoiceId);
    if (!found) throw new NotFoundError(`no invoice ${request.invoiceId}`);
    const payment = found.payments.find((candidate) => candidate.id === request.paymentId);
    if (!payment) throw new NotFoundError(`no payment ${request.paymentId} on invoice ${request.invoiceId}`);
    if (request.currency !== undefined && request.currency !== payment.currency) {
      throw new ValidationError(`the ${request.kind} is in ${request.currency}, the payment in ${payment.currency}`, [
        { path: 'currency', message: `must be the payment's currency, ${payment.currency}` },
      ]);
    }
    const earlier = found.refunds.filter((candidate) => candidate.paymentId === payment.id);
    const reversedSoFar = earlier.reduce((sum, candidate) => sum + candidate.amount, 0);
    const amount = Math.min(request.cumulativeAmount, payment.amount) - reversedSoFar;
    if (amount <= 0) return null;
    const creditLeft = payment.unappliedAmount - earlier.reduce((sum, candidate) => sum + candidate.reversedCredit, 0);
    const reversedCredit = Math.max(0, Math.min(amount, creditLeft));
    const reversedApplied = amount - reversedCredit;
    const now = deps.clock.now();
    const customer = await deps.customers.get(tenantId, found.invoice.customerId);
    const today = localDate(now, customer?.timeZone ?? 'UTC');
    const stored: Refund = {
      id: stableId('ref', payment.id, request.kind, String(request.cumulativeAmount)),
      invoiceId: found.invoice.id,
      paymentId: payment.id,
      kind: request.kind,
      amount,
      currency: payment.currency,
      reversedApplied,
      reversedCredit,
      reference: request.reference,
      source: request.source,
      recordedAt: now.toISOString(),
    };
    const updated: Invoice = {
      ...found.invoice,
      paidTotal: found.invoice.paidTotal - reversedApplied,
      // Owed again: the next run looks at it, as it would at a late import.
      scanDate: maxDate(found.invoice.scanDate, addDays(today, -1)),
      updatedAt: now.toISOString(),
      version: found.invoice.version + 1,
    };
    const outcome = await deps.invoices.applyRefund(tenantId, updated, found.invoice.version, stored);
    if (outcome === 'version_moved') return undefined;
    return outcome === 'applied' ? { refund: stored, invoice: updated } : null;
  });
  // Also on a repeat: an attempt that died after the refund but before the execution started finishes the job here.
  const current = refund?.invoice ?? (await deps.invoices.get(tenantId, request.invoiceId))?.invoice;
  if (!current) return refund?.refund ?? null;
  const kept = current.delinquencyId === null ? 'none' : await reopenIfResolved(deps, tenantId, current, request);
  await moneyMoved(deps, tenantId, [
    {
      invoiceId: current.id,
      customerId: current.customerId,
      dueDate: current.dueDate,
      direction: 'out',
      recovered: null,
      // A reopened case has a fresh execution that starts from the facts: only an open one needs waking.
      wake: kept === 'open' ? current.delinquencyId : null,
    },
  ]);
  return refund?.refund ?? null;
};

/**
 * A resolved delinquency whose invoice owes again reopens with a new execution ('reopened'); an open one stays
 * ('open', its execution is woken by the caller); 'none' when the delinquency is gone.
 */
const reopenIfResolved = async (
  deps: ReversalDeps,
  tenantId: string,
  invoice: Invoice,
  request: ReversalRequest,
): Promise<'reopened' | 'open' | 'none'> => {
  const delinquencyId = invoice.delinquencyId!;
  const reopened = await retryOnConflict('the delinquency', async () => {
    const delinquency = await deps.delinquencies.get(tenantId, delinquencyId);
    if (!delinquency) return null;
    if (delinquency.status !== 'resolved' || invoiceBalance(invoice) <= 0)
      return { reopenCount: delinquency.reopenCount, fresh: false };
    const now = deps.clock.now();
    const reopenCount = delinquency.reopenCount + 1;
    const entry: TimelineEntry = {
      id: newId('tl', now),
      at: now.toISOString(),
      kind: 'delinquency.reopened',
      actor: request.actor,
      detail: `a ${request.kind} of a payment left ${invoiceBalance(invoice)} ${invoice.currency} owing again: escalation resumes from the facts`,
      rule: 'payment.reversed',
      data: { paymentId: request.paymentId, reference: request.reference },
    };
    // A chargeback opened its dispute first: the case comes back paused, not escalating.
    const disputed = (await deps.delinquencies.disputes(tenantId, delinquencyId)).some(
      (dispute) => dispute.status === 'open',
    );
    const saved = await deps.delinquencies.save(
      tenantId,
      {
        ...delinquency,
        status: disputed ? 'disputed' : 'active',
        closedAt: null,
        reopenCount,
        taskToken: null,
        version: delinquency.version + 1,
      },
      delinquency.version,
      [entry],
    );
    if (saved && delinquency.assigneeId !== null) await deps.collectors.reclaim(tenantId, delinquency.assigneeId);
    return saved ? { reopenCount, fresh: true } : undefined;
  });
  if (!reopened) return 'none';
  // Named after the reopening: a repeat of this call finds it started ('exists') and starts nothing.
  if (
    reopened.reopenCount > 0 &&
    (await deps.executions.start(executionName(delinquencyId, reopened.reopenCount), { tenantId, delinquencyId })) ===
      'started'
  ) {
    metricsOf(deps).add('ExecutionsStarted', 1);
  }
  return reopened.fresh ? 'reopened' : 'open';
};
