// Collectors' contacts: log a call, email, SMS or letter on a debt or on the customer's case, refuse an outbound call
// that would break Regulation F, and tell when the next contact on a channel is allowed.
import { addDays, localDate, zonedInstant } from '../domain/calendar';
import { relevantSpanDays, type CallRecord } from '../domain/call-frequency';
import { decideContact, type ContactDecision, type ContactRequest } from '../domain/contact-policy';
import { newId, stableId } from '../domain/ids';
import { sendHourMinute } from '../domain/ladder';
import { ConflictError, NotFoundError, ValidationError } from '../errors/errors';
import type { ContactRepository, ContactWrite } from '../ports/contact-repository.port';
import type { DelinquencyListings, DelinquencyRecords } from '../ports/delinquency-repository.port';
import type { TaskRepository } from '../ports/task-repository.port';
import type { TenantDirectory } from '../ports/tenant-directory.port';
import type { Contact, ContactMedium, ContactWindow, PostContactBody } from '../schemas/contact.schema';
import type { Customer, OptOut } from '../schemas/customer.schema';
import { CLOSED_STATUSES, type Delinquency } from '../schemas/delinquency.schema';
import { defaultTenantSettings } from '../schemas/tenant.schema';
import type { CoreDeps } from './ports';
import { retryOnConflict } from './retry-on-conflict';
import { isOptedOut } from './send-reminder';
import { closeTasksOf } from './tasks';

export interface ContactDeps extends CoreDeps {
  delinquencies: DelinquencyRecords & DelinquencyListings;
  contacts: ContactRepository;
  tasks: TaskRepository;
  /** The tenant's contact hours, which the contact policy applies on top of the law's. */
  tenants: Pick<TenantDirectory, 'getTenant'>;
}

/** How far ahead a follow-up may be set: further out, the ladder or a plan speaks for the case. */
export const MAX_FOLLOW_UP_DAYS = 90;

/** Clock skew allowed between a collector's phone system and Arrears when a contact is dated. */
export const CONTACT_FUTURE_TOLERANCE_MS = 60_000;
/** One transaction writes each debt's log version, contact and timeline entry: 3 x 33 stays within DynamoDB's 100. */
export const MAX_CASE_DEBTS = 33;

const DAY_MS = 86_400_000;

const OUTCOME_WORDS: Record<PostContactBody['outcome'], string> = {
  conversation: 'spoke with the customer',
  no_answer: 'no answer',
  voicemail: 'reached voicemail',
  busy: 'busy signal',
  not_connected: 'not connected',
};

const customerWithOptOuts = async (deps: ContactDeps, tenantId: string, customerId: string) => {
  const found = await deps.customers.getWithOptOuts(tenantId, customerId);
  if (!found) throw new NotFoundError(`no customer ${customerId}`);
  return found;
};

const delinquencyOf = async (deps: ContactDeps, tenantId: string, delinquencyId: string): Promise<Delinquency> => {
  const delinquency = await deps.delinquencies.get(tenantId, delinquencyId);
  if (!delinquency) throw new NotFoundError(`no delinquency ${delinquencyId}`);
  return delinquency;
};

/** What the contact policy needs of the tenant: its narrower hours when it set them, the law's otherwise. */
const contactSettings = async (deps: ContactDeps, tenantId: string): Promise<ContactRequest['tenant']> =>
  (await deps.tenants.getTenant(tenantId)) ?? defaultTenantSettings;

/** The moment a policy's answer allows the contact from: now, a later moment, or none. */
const allowedFrom = (decision: ContactDecision, now: Date): Date | null =>
  decision.outcome === 'allowed' ? now : decision.outcome === 'deferred' ? decision.until : null;

/** A call opt-out covers the customer's current number, or any number when none is on file (a medium ban, 1006.14(h)). */
const callsOptedOut = (customer: Customer, optOuts: OptOut[]) =>
  optOuts.some(
    (optOut) => optOut.channel === 'call' && (customer.phone === undefined || optOut.address === customer.phone),
  );

const callsOf = (contacts: readonly Contact[]): CallRecord[] =>
  contacts
    .filter((contact) => contact.channel === 'call')
    .map((contact) => ({ at: new Date(contact.at), direction: contact.direction, outcome: contact.outcome }));

/** The debt's contacts that can matter to a call at `at`, with the log version they were read under. */
const logAround = (deps: ContactDeps, tenantId: string, delinquencyId: string, at: Date) => {
  const span = relevantSpanDays() * DAY_MS;
  return deps.contacts.around(
    tenantId,
    delinquencyId,
    new Date(at.getTime() - span).toISOString(),
    new Date(at.getTime() + span).toISOString(),
  );
};

/**
 * Writes one contact against the debts it counts against. An outbound call is checked against each debt's calls first
 * and refused (409, nothing stored) if it breaks a rule for any of them. Two collectors logging at once cannot both
 * pass the check for the same 7th call: each write is conditioned on the version of every debt's contact log it read,
 * so the second write fails, re-reads the log with the first call in it, and is refused.
 */
const recordContact = async (
  deps: ContactDeps,
  tenantId: string,
  customer: { customer: Customer; optOuts: OptOut[] },
  targets: readonly Delinquency[],
  body: PostContactBody,
  actor: string,
  scope: 'debt' | 'case',
): Promise<Contact> => {
  const now = deps.clock.now();
  const at = body.at ?? now.toISOString();
  if (Date.parse(at) > now.getTime() + CONTACT_FUTURE_TOLERANCE_MS) {
    throw new ValidationError('the contact is dated in the future', [
      { path: 'at', message: 'must not be more than a minute after now: log a contact once it happened' },
    ]);
  }
  const today = localDate(now, customer.customer.timeZone);
  if (body.followUpOn !== undefined && body.followUpOn < today) {
    throw new ValidationError('the follow-up date has passed', [
      { path: 'followUpOn', message: `must not be before today (${today} for the customer)` },
    ]);
  }
  if (body.followUpOn !== undefined && body.followUpOn > addDays(today, MAX_FOLLOW_UP_DAYS)) {
    throw new ValidationError('the follow-up date is too far ahead', [
      { path: 'followUpOn', message: `must be within ${MAX_FOLLOW_UP_DAYS} days` },
    ]);
  }
  const checked = body.channel === 'call' && body.direction === 'outbound';
  if (checked && callsOptedOut(customer.customer, customer.optOuts)) {
    throw new ConflictError('the customer asked not to be called; no call may be placed', 'call-not-allowed', {
      rule: 'opt-out',
      nextAllowedAt: null,
    });
  }
  const contactId = newId('ctc', now);
  // The follow-up lands on the first debt it counts against (the oldest on a case), for the person who set it.
  const followUpTaskId = body.followUpOn ? stableId('task', contactId, 'follow-up') : undefined;
  const contact: Contact = {
    id: contactId,
    customerId: customer.customer.id,
    delinquencyIds: targets.map((target) => target.id),
    channel: body.channel,
    direction: body.direction,
    outcome: body.outcome,
    at,
    createdAt: now.toISOString(),
    createdBy: actor,
    ...(body.note ? { note: body.note } : {}),
    ...(followUpTaskId ? { followUpTaskId } : {}),
  };
  const detail = [
    `${body.direction} ${body.channel}: ${OUTCOME_WORDS[body.outcome]}`,
    scope === 'case'
      ? ` (logged on the customer; counts against ${targets.length === 1 ? 'this debt' : `${targets.length} debts`})`
      : '',
    body.note ? `: ${body.note}` : '',
    body.followUpOn ? `; follow up on ${body.followUpOn}` : '',
  ].join('');
  const settings = checked || body.followUpOn ? await contactSettings(deps, tenantId) : defaultTenantSettings;
  const recorded = await retryOnConflict('the contact log', async () => {
    const writes: ContactWrite[] = [];
    for (const target of targets) {
      const log = await logAround(deps, tenantId, target.id, new Date(at));
      if (checked) {
        const decision = decideContact({
          tenant: settings,
          zones: [customer.customer.timeZone],
          channel: 'call',
          at: new Date(at),
          calls: { history: callsOf(log.contacts), outcome: body.outcome },
        });
        if (decision.outcome !== 'allowed') {
          const nextAllowedAt = allowedFrom(decision, new Date(at))?.toISOString() ?? null;
          throw new ConflictError(
            `an outbound call at ${at} breaks ${decision.rule} for delinquency ${target.id}; the next call is allowed ${nextAllowedAt ? `from ${nextAllowedAt}` : 'at no time the rules can find'}`,
            'call-not-allowed',
            { rule: decision.rule, nextAllowedAt, delinquencyId: target.id },
          );
        }
      }
      writes.push({
        delinquencyId: target.id,
        expectedVersion: log.version,
        entry: {
          id: newId('tl', now),
          at,
          kind: 'contact.logged',
          actor,
          channel: body.channel,
          detail,
          ...(checked ? { rule: 'regulation-f.calls' } : {}),
          data: {
            contactId: contact.id,
            direction: body.direction,
            outcome: body.outcome,
            ...(body.followUpOn ? { followUpOn: body.followUpOn } : {}),
          },
        },
      });
    }
    return (await deps.contacts.record(tenantId, contact, writes)) ? contact : undefined;
  });
  // A call logged on a debt is the call its task asked for, whatever its outcome: the task is done.
  if (body.channel === 'call') {
    for (const target of targets) await closeTasksOf(deps, tenantId, target.id, `contact:${recorded.id}`, 'call');
  }
  const first = targets[0];
  if (body.followUpOn && followUpTaskId && first) {
    // Under a stable id, after the contact is stored: a retry of this request adds the same task, never a second one.
    const dueAt = zonedInstant(body.followUpOn, customer.customer.timeZone, ...sendHourMinute(settings.sendTime));
    await deps.tasks.add(tenantId, {
      id: followUpTaskId,
      kind: 'follow_up',
      status: 'open',
      delinquencyId: first.id,
      invoiceId: first.invoiceId,
      customerId: customer.customer.id,
      stepId: `follow-up-${recorded.id}`,
      assignee: actor.startsWith('person:') ? actor.slice('person:'.length) : null,
      ...(body.note ? { note: body.note } : {}),
      dueAt: dueAt.toISOString(),
      createdAt: now.toISOString(),
      doneAt: null,
    });
  }
  return recorded;
};

/** POST /v1/delinquencies/{id}/contacts: a contact about this one debt. */
export const logContact = async (
  deps: ContactDeps,
  tenantId: string,
  delinquencyId: string,
  body: PostContactBody,
  actor: string,
): Promise<Contact> => {
  const delinquency = await delinquencyOf(deps, tenantId, delinquencyId);
  const customer = await customerWithOptOuts(deps, tenantId, delinquency.customerId);
  return recordContact(deps, tenantId, customer, [delinquency], body, actor, 'debt');
};

/**
 * POST /v1/customers/{id}/contacts: one contact with the customer about their case. Regulation F counts calls per debt
 * and lets the collector allocate them (comment 14(b)(4)-1 and -2): an unanswered call or a limited-content voicemail
 * may be counted against any one debt, and a conversation counts for each debt discussed. So a conversation counts
 * for every open debt of the customer, and any other outcome against one, the oldest open debt. The contact is
 * refused if it would break a rule for any debt it counts against.
 */
export const logCaseContact = async (
  deps: ContactDeps,
  tenantId: string,
  customerId: string,
  body: PostContactBody,
  actor: string,
): Promise<Contact> => {
  const customer = await customerWithOptOuts(deps, tenantId, customerId);
  const open = (await deps.delinquencies.listByCustomer(tenantId, customerId))
    .filter((delinquency) => !CLOSED_STATUSES.includes(delinquency.status))
    .sort((a, b) => a.openedAt.localeCompare(b.openedAt) || a.id.localeCompare(b.id));
  if (open.length === 0)
    throw new ConflictError(
      `customer ${customerId} has no open delinquency to log a contact against`,
      'no-open-delinquency',
    );
  const targets = body.outcome === 'conversation' ? open : open.slice(0, 1);
  if (targets.length > MAX_CASE_DEBTS) {
    throw new ConflictError(
      `a conversation on the case would count against ${targets.length} debts; log it on the debts discussed (at most ${MAX_CASE_DEBTS} at once)`,
      'case-too-large',
    );
  }
  return recordContact(deps, tenantId, customer, targets, body, actor, 'case');
};

export const listContacts = async (
  deps: ContactDeps,
  tenantId: string,
  delinquencyId: string,
  limit: number,
  cursor?: string,
) => {
  await delinquencyOf(deps, tenantId, delinquencyId);
  return deps.contacts.list(tenantId, delinquencyId, limit, cursor);
};

/**
 * GET /v1/delinquencies/{id}/contact-window: the earliest moment from now a contact on the channel is allowed. Calls
 * follow the Regulation F call rules and hours; email and SMS the hours, the address and its opt-out; letters any time.
 */
export const contactWindow = async (
  deps: ContactDeps,
  tenantId: string,
  delinquencyId: string,
  channel: ContactMedium,
): Promise<ContactWindow> => {
  const delinquency = await delinquencyOf(deps, tenantId, delinquencyId);
  const { customer, optOuts } = await customerWithOptOuts(deps, tenantId, delinquency.customerId);
  const now = deps.clock.now();
  const zones = [customer.timeZone];
  if (channel === 'letter') return { channel, nextAllowedAt: now.toISOString() };
  const ask = async (calls?: ContactRequest['calls']): Promise<ContactWindow> => {
    const request = { tenant: await contactSettings(deps, tenantId), zones, channel, at: now };
    const decision = decideContact(calls ? { ...request, calls } : request);
    const from = allowedFrom(decision, now)?.toISOString() ?? null;
    return decision.outcome === 'allowed'
      ? { channel, nextAllowedAt: from }
      : { channel, nextAllowedAt: from, rule: decision.rule };
  };
  if (channel === 'call') {
    if (callsOptedOut(customer, optOuts)) return { channel, nextAllowedAt: null, rule: 'opt-out' };
    const log = await logAround(deps, tenantId, delinquencyId, now);
    return ask({ history: callsOf(log.contacts) });
  }
  const address = channel === 'email' ? customer.email : customer.phone;
  if (!address) return { channel, nextAllowedAt: null, rule: 'no-address' };
  if (isOptedOut(optOuts, channel, address)) return { channel, nextAllowedAt: null, rule: 'opt-out' };
  return ask();
};
