// What a person does to a case by hand: a hold that stops the ladder until released or until its date, and a write-off
// or hand-off that ends it with no further message. Each is a fact on the case, written once, on the timeline with the
// person's name; the case's execution wakes, re-derives and waits (a hold) or finishes (a closed case).
import { addDays, localDate, zonedInstant } from '../domain/calendar';
import { newId } from '../domain/ids';
import { sendHourMinute } from '../domain/ladder';
import { ConflictError, NotFoundError, ValidationError } from '../errors/errors';
import type { DelinquencyRecords, DelinquencyTimeline } from '../ports/delinquency-repository.port';
import type { EventPublisher } from '../ports/event-publisher.port';
import type { TenantDirectory } from '../ports/tenant-directory.port';
import type { CollectorRepository } from '../ports/collector-repository.port';
import type { CaseState, HandOffBody, HoldBody, ReleaseBody, WriteOffBody } from '../schemas/case-actions.schema';
import { CLOSED_STATUSES, type Delinquency, type TimelineEntry } from '../schemas/delinquency.schema';
import { defaultTenantSettings } from '../schemas/tenant.schema';
import { releaseAssignment } from './assignment';
import { getInvoice } from './invoices';
import type { CoreDeps } from './ports';
import { retryOnConflict } from './retry-on-conflict';

export interface CaseActionDeps extends CoreDeps {
  delinquencies: DelinquencyRecords & DelinquencyTimeline;
  tenants: Pick<TenantDirectory, 'getTenant'>;
}

export interface CloseByHandDeps extends CaseActionDeps {
  events: EventPublisher;
  /** The collector working the case carries one debt less once it is closed. */
  collectors: CollectorRepository;
}

/** A hold may last this long at most: beyond it, a write-off or a hand-off says what is really meant. */
export const MAX_HOLD_DAYS = 366;

const stateOf = (delinquency: Delinquency): CaseState => ({
  id: delinquency.id,
  status: delinquency.status,
  hold: delinquency.hold ?? null,
  closedAt: delinquency.closedAt,
});

const caseOf = async (deps: CaseActionDeps, tenantId: string, delinquencyId: string) => {
  const delinquency = await deps.delinquencies.get(tenantId, delinquencyId);
  if (!delinquency) throw new NotFoundError(`no delinquency ${delinquencyId}`);
  return delinquency;
};

const entryBy = (deps: CaseActionDeps, actor: string, fields: Omit<TimelineEntry, 'id' | 'at' | 'actor'>) => {
  const now = deps.clock.now();
  return { id: newId('tl', now), at: now.toISOString(), actor, ...fields } satisfies TimelineEntry;
};

/**
 * POST /v1/delinquencies/{id}/hold: no reminder, charge or step until released, or until the tenant's send time on
 * `until` in the customer's zone. Only an escalating case is held: a promise, plan or dispute pauses it already. The
 * same hold again changes nothing; a hold with another reason or date replaces it.
 */
export const holdCase = async (
  deps: CaseActionDeps,
  tenantId: string,
  delinquencyId: string,
  body: HoldBody,
  actor: string,
): Promise<CaseState> => {
  const first = await caseOf(deps, tenantId, delinquencyId);
  const [customer, tenant] = await Promise.all([
    deps.customers.get(tenantId, first.customerId),
    deps.tenants.getTenant(tenantId),
  ]);
  const zone = customer?.timeZone ?? 'UTC';
  const today = localDate(deps.clock.now(), zone);
  if (body.until !== undefined && (body.until <= today || body.until > addDays(today, MAX_HOLD_DAYS))) {
    throw new ValidationError('the hold cannot end on that date', [
      {
        path: 'until',
        message: `must be after today (${today} for the customer) and within ${MAX_HOLD_DAYS} days`,
      },
    ]);
  }
  const sendTime = (tenant ?? defaultTenantSettings).sendTime;
  const releaseAt = body.until ? zonedInstant(body.until, zone, ...sendHourMinute(sendTime)).toISOString() : null;
  const result = await retryOnConflict('the delinquency', async () => {
    const delinquency = await caseOf(deps, tenantId, delinquencyId);
    if (delinquency.status === 'paused' && delinquency.hold?.reason === body.reason) {
      if (delinquency.hold.releaseAt === releaseAt) return { delinquency, changed: false };
    }
    if (delinquency.status !== 'active' && delinquency.status !== 'paused') {
      throw new ConflictError(
        `the delinquency is ${delinquency.status}; only an escalating one is put on hold`,
        'delinquency-not-active',
        { delinquencyStatus: delinquency.status },
      );
    }
    const now = deps.clock.now().toISOString();
    const held: Delinquency = {
      ...delinquency,
      status: 'paused',
      hold: { reason: body.reason, by: actor, at: now, releaseAt },
      nextActionAt: releaseAt,
      nextStep: null,
      version: delinquency.version + 1,
    };
    const entry = entryBy(deps, actor, {
      kind: 'delinquency.held',
      detail: `put on hold (${body.reason}): no reminder or step ${body.until ? `until ${body.until}` : 'until released'}`,
      rule: 'hold.by-hand',
      data: { reason: body.reason, until: body.until ?? null },
    });
    return (await deps.delinquencies.save(tenantId, held, delinquency.version, [entry]))
      ? { delinquency: held, changed: true }
      : undefined;
  });
  if (result.changed) await deps.factsChanged.notify(tenantId, delinquencyId);
  return stateOf(result.delinquency);
};

/** POST /v1/delinquencies/{id}/release: the hold ends now and the ladder re-derives; a case not on hold is answered as is. */
export const releaseCase = async (
  deps: CaseActionDeps,
  tenantId: string,
  delinquencyId: string,
  body: ReleaseBody,
  actor: string,
): Promise<CaseState> => {
  const result = await retryOnConflict('the delinquency', async () => {
    const delinquency = await caseOf(deps, tenantId, delinquencyId);
    if (delinquency.status !== 'paused') return { delinquency, changed: false };
    const released: Delinquency = {
      ...delinquency,
      status: 'active',
      hold: null,
      nextActionAt: null,
      version: delinquency.version + 1,
    };
    const entry = entryBy(deps, actor, {
      kind: 'delinquency.released',
      detail: `released from hold${body.note ? ` (${body.note})` : ''}: escalation resumes from the facts`,
      rule: 'hold.by-hand',
    });
    return (await deps.delinquencies.save(tenantId, released, delinquency.version, [entry]))
      ? { delinquency: released, changed: true }
      : undefined;
  });
  if (result.changed) await deps.factsChanged.notify(tenantId, delinquencyId);
  return stateOf(result.delinquency);
};

export type CloseByHand = ({ status: 'written_off' } & WriteOffBody) | ({ status: 'handed_off' } & HandOffBody);

/** Marks the invoice written off (the reports' ledger counts it from the invoice), once however often it is asked. */
const markWrittenOff = (deps: CaseActionDeps, tenantId: string, invoiceId: string) =>
  retryOnConflict('the invoice', async () => {
    const found = await deps.invoices.get(tenantId, invoiceId);
    if (!found || found.invoice.writtenOff) return true;
    const updated = {
      ...found.invoice,
      writtenOff: true,
      updatedAt: deps.clock.now().toISOString(),
      version: found.invoice.version + 1,
    };
    return (await deps.invoices.save(tenantId, updated, found.invoice.version)) ? true : undefined;
  });

/**
 * POST /v1/delinquencies/{id}/write-off and /hand-off: a manager ends the ladder with a reason. The case closes at
 * once (no later pass sends anything: a closed case only settles its sends in flight and ends its execution), the
 * invoice of a write-off is marked written off, and the same event as the ladder's own last step is published with
 * the case file. Asked again, it answers the closed case and publishes the event again (at least once).
 */
export const closeByHand = async (
  deps: CloseByHandDeps,
  tenantId: string,
  delinquencyId: string,
  request: CloseByHand,
  actor: string,
): Promise<CaseState> => {
  const first = await caseOf(deps, tenantId, delinquencyId);
  const invoice = await getInvoice(deps, tenantId, first.invoiceId);
  const words = request.status === 'written_off' ? 'written off' : 'handed to a collection agency';
  const result = await retryOnConflict('the delinquency', async () => {
    const delinquency = await caseOf(deps, tenantId, delinquencyId);
    if (delinquency.status === request.status) return { delinquency, changed: false };
    if (CLOSED_STATUSES.includes(delinquency.status)) {
      throw new ConflictError(
        `the delinquency is ${delinquency.status} already; it cannot be ${words}`,
        'delinquency-closed',
        { delinquencyStatus: delinquency.status },
      );
    }
    const now = deps.clock.now().toISOString();
    const closed: Delinquency = {
      ...delinquency,
      status: request.status,
      closedAt: now,
      nextActionAt: null,
      nextStep: null,
      hold: null,
      version: delinquency.version + 1,
    };
    const agency = request.status === 'handed_off' ? request.agency : undefined;
    const entry = entryBy(deps, actor, {
      kind: `delinquency.${request.status}`,
      detail: `${words} by hand${agency ? ` (${agency})` : ''} with a balance of ${invoice.balance} ${invoice.currency}: ${request.reason}`,
      rule: 'close.by-hand',
      data: { reason: request.reason, agency: agency ?? null, balance: invoice.balance },
    });
    return (await deps.delinquencies.save(tenantId, closed, delinquency.version, [entry]))
      ? { delinquency: closed, changed: true }
      : undefined;
  });
  if (request.status === 'written_off') await markWrittenOff(deps, tenantId, first.invoiceId);
  if (result.changed) {
    await releaseAssignment(deps, tenantId, result.delinquency, deps.clock.now());
    await deps.factsChanged.notify(tenantId, delinquencyId);
  }
  await deps.events.publish([await closedEvent(deps, tenantId, result.delinquency, request, actor)]);
  return stateOf(result.delinquency);
};

/** The ladder's own closing event, with the case file the agency or the books need and who closed it and why. */
const closedEvent = async (
  deps: CloseByHandDeps,
  tenantId: string,
  delinquency: Delinquency,
  request: CloseByHand,
  actor: string,
) => {
  const [invoice, customer, timeline] = await Promise.all([
    getInvoice(deps, tenantId, delinquency.invoiceId),
    deps.customers.get(tenantId, delinquency.customerId),
    deps.delinquencies.timeline(tenantId, delinquency.id),
  ]);
  const person = customer
    ? {
        id: customer.id,
        name: customer.name,
        kind: customer.kind,
        ...(customer.email ? { email: customer.email } : {}),
        ...(customer.phone ? { phone: customer.phone } : {}),
        timeZone: customer.timeZone,
        ...(customer.country ? { country: customer.country } : {}),
      }
    : { id: delinquency.customerId, name: '', kind: 'unknown', timeZone: 'UTC' };
  return {
    detailType: `delinquency.${request.status}` as const,
    detail: {
      tenantId,
      delinquencyId: delinquency.id,
      invoiceId: delinquency.invoiceId,
      customerId: delinquency.customerId,
      stepId: 'by-hand',
      at: delinquency.closedAt ?? deps.clock.now().toISOString(),
      byHand: {
        actor,
        reason: request.reason,
        ...(request.status === 'handed_off' && request.agency ? { agency: request.agency } : {}),
      },
      caseFile: {
        customer: person,
        invoices: [
          {
            id: invoice.id,
            amount: invoice.amount,
            currency: invoice.currency,
            dueDate: invoice.dueDate,
            paid: invoice.paid,
            fees: invoice.charges.fees,
            interest: invoice.charges.interest,
            balance: invoice.balance,
          },
        ],
        balance: invoice.balance,
        currency: invoice.currency,
        contacts: timeline
          .filter((item) => ['reminder.sent', 'call.requested', 'letter.ready'].includes(item.kind))
          .map((item) => ({
            at: item.at,
            kind: item.kind,
            ...(item.channel ? { channel: item.channel } : {}),
            ...(item.stepId ? { stepId: item.stepId } : {}),
            detail: item.detail,
          })),
      },
    },
  };
};
