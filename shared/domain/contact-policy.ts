// The one contact policy every sender asks before an email, SMS, statement or call reaches a customer: the law's hours
// narrowed by the tenant's, in every zone the customer may be in, and for a call Regulation F's frequency rules.
import { decideOutboundCall, REGULATION_F_CALL_LIMITS, type CallOutcome, type CallRecord } from './call-frequency';
import {
  formatHours,
  isWithinHours,
  minuteOfDay,
  nextAllowedAt,
  nextAllowedAtTimeOfDay,
  REGULATION_F_HOURS,
  type ContactHours,
} from './contact-window';
import { sendHourMinute } from './ladder';
import type { Tenant } from '../schemas/tenant.schema';

/** What reaches the customer; a letter is bound by no hours (nobody chooses the moment it is read). */
export type ContactChannel = 'email' | 'sms' | 'statement' | 'call' | 'letter';
const CONTACT_CHANNELS: ReadonlySet<string> = new Set<ContactChannel>(['email', 'sms', 'statement', 'call', 'letter']);

/** Whether a step's channel reaches the customer (a fee, an agency hand-off or a write-off does not). */
export const isContactChannel = (channel: string): channel is ContactChannel => CONTACT_CHANNELS.has(channel);

/** The rules the policy applies, named as the API answers them (`rule` of a refused call or a contact window). */
export type ContactRule = 'quiet-hours' | 'call-frequency-7-in-7' | 'call-after-conversation';

export interface ContactRequest {
  /** The tenant's send time (where a held-back step goes) and its narrower hours, if it set any. */
  tenant: Pick<Tenant, 'sendTime' | 'quietHours'>;
  /** Every zone the customer may be in: all of their windows must be open (the intersection). */
  zones: readonly string[];
  channel: ContactChannel;
  at: Date;
  /**
   * Where a contact held back goes: a ladder step or a pause's reminder to the tenant's send time on the day the window
   * opens again (`send-time`); anything else to the first allowed moment (`opening`, the default).
   */
  holdTo?: 'send-time' | 'opening';
  /**
   * For a call placed by a collector: the debt's calls (other debts' calls do not count) and, when it is being logged,
   * how it ended. Without them a call is held to the hours only (e.g. a task asking a collector to call).
   */
  calls?: { history: readonly CallRecord[]; outcome?: CallOutcome };
}

export type ContactDecision =
  | { outcome: 'allowed' }
  /** Not now: the first moment the rules allow, and why not now (`why`, the words for a timeline). */
  | { outcome: 'deferred'; rule: ContactRule; until: Date; why: string }
  /** At no moment the rules can find (zones whose windows never overlap). */
  | { outcome: 'refused'; rule: ContactRule; why: string };

/** The window a tenant's customers may be contacted in: the law's, narrowed (never widened) by the tenant's own. */
export const contactHoursOf = (tenant: Pick<Tenant, 'quietHours'>): ContactHours => {
  if (!tenant.quietHours) return REGULATION_F_HOURS;
  return {
    startMinute: Math.max(REGULATION_F_HOURS.startMinute, minuteOfDay(tenant.quietHours.start)),
    endMinute: Math.min(REGULATION_F_HOURS.endMinute, minuteOfDay(tenant.quietHours.end)),
  };
};

const reasonFor = (request: ContactRequest, hours: ContactHours, rule: ContactRule): string => {
  if (rule === 'call-frequency-7-in-7') return 'a call would be the 8th counted attempt on this debt in 7 days';
  if (rule === 'call-after-conversation') return 'within 7 days of a telephone conversation about this debt';
  const whose = request.tenant.quietHours ? "the tenant's contact hours " : '';
  return `outside ${whose}${formatHours(hours)} in ${request.zones.join(' and ')}`;
};

const notNow = (request: ContactRequest, hours: ContactHours, rule: ContactRule, until: Date | null) =>
  until === null
    ? ({ outcome: 'refused', rule, why: reasonFor(request, hours, rule) } as const)
    : ({ outcome: 'deferred', rule, until, why: reasonFor(request, hours, rule) } as const);

/** Decides one contact at `request.at`: allowed, deferred to the first allowed moment, or refused. */
export const decideContact = (request: ContactRequest): ContactDecision => {
  const { zones, at } = request;
  if (zones.length === 0) throw new RangeError('at least one time zone is needed to decide a contact');
  if (request.channel === 'letter') return { outcome: 'allowed' };
  const hours = contactHoursOf(request.tenant);
  if (request.channel === 'call' && request.calls) {
    const decision = decideOutboundCall(
      { history: request.calls.history, zones, limits: { ...REGULATION_F_CALL_LIMITS, hours } },
      at,
      request.calls.outcome,
    );
    return decision.allowed ? { outcome: 'allowed' } : notNow(request, hours, decision.rule, decision.nextAllowedAt);
  }
  if (zones.every((zone) => isWithinHours(at, zone, hours))) return { outcome: 'allowed' };
  const [hour, minute] = sendHourMinute(request.tenant.sendTime);
  const until =
    request.holdTo === 'send-time'
      ? nextAllowedAtTimeOfDay(at, zones, hour * 60 + minute, hours)
      : nextAllowedAt(at, zones, hours);
  return notNow(request, hours, 'quiet-hours', until);
};

/** The first moment at or after `request.at` the contact is allowed (itself when allowed now), or null when none is. */
export const nextContactAt = (request: ContactRequest): Date | null => {
  const decision = decideContact(request);
  if (decision.outcome === 'allowed') return request.at;
  return decision.outcome === 'deferred' ? decision.until : null;
};
