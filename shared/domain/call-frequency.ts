// Regulation F's call rules for one debt (12 CFR 1006.14(b) with the quiet hours of 1006.6(b)(1)(i)): may a collector call now, and if not, when.
import { addDays, localDate, startOfLocalDay } from './calendar';
import { isWithinHours, nextAllowedAt, REGULATION_F_HOURS, type ContactHours } from './contact-window';

export type CallDirection = 'outbound' | 'inbound';
export type CallOutcome = 'conversation' | 'no_answer' | 'voicemail' | 'busy' | 'not_connected';

/** One telephone call about the debt, placed or received. */
export interface CallRecord {
  at: Date;
  direction: CallDirection;
  outcome: CallOutcome;
}

export type CallRule = 'call-frequency-7-in-7' | 'call-after-conversation' | 'quiet-hours';

export interface CallLimits {
  /** Counted attempts allowed per debt in `windowDays` consecutive calendar days (Regulation F: 7). */
  maxAttempts: number;
  windowDays: number;
  /** Days without calls after a conversation, the conversation day being day 1 (Regulation F: 7). */
  conversationWaitDays: number;
  hours: ContactHours;
}

export const REGULATION_F_CALL_LIMITS: CallLimits = {
  maxAttempts: 7,
  windowDays: 7,
  conversationWaitDays: 7,
  hours: REGULATION_F_HOURS,
};

export type CallDecision = { allowed: true } | { allowed: false; rule: CallRule; nextAllowedAt: Date | null };

export interface CallContext {
  /** The debt's calls, in any order; other debts' calls do not belong here (each debt counts separately, 14(b)(4)). */
  history: readonly CallRecord[];
  /** The customer's zones: the first decides calendar days, every one of them bounds the hours (the intersection). */
  zones: readonly string[];
  limits?: CallLimits;
}

/**
 * A call counts towards the 7-in-7 limit when the collector placed it and it connected: an answered call, one that rang
 * out or reached voicemail. A busy signal or a number not in service does not (1006.14(b)(3)(ii), comment
 * 14(b)(3)(ii)-1), and calls the consumer made are not the collector's attempts.
 */
export const isCountedAttempt = (call: Pick<CallRecord, 'direction' | 'outcome'>): boolean =>
  call.direction === 'outbound' && call.outcome !== 'busy' && call.outcome !== 'not_connected';

/** How far back and ahead of an instant calls can matter to a decision about it (windows and waits, plus zone offsets). */
export const relevantSpanDays = (limits: CallLimits = REGULATION_F_CALL_LIMITS) =>
  Math.max(limits.windowDays, limits.conversationWaitDays) + 2;

/** The first rule a counted outbound call at `at` breaks, or null when the frequency rules allow it. */
const frequencyRule = (
  context: CallContext,
  at: Date,
  limits: CallLimits,
): { rule: CallRule; resumeDay: string } | null => {
  const zone = context.zones[0]!;
  const day = localDate(at, zone);
  // A conversation in either direction (comment 14(b)(2)(i)-1.ii: also one the consumer started) opens the wait.
  const waits = context.history
    .filter((call) => call.outcome === 'conversation' && call.at.getTime() <= at.getTime())
    .map((call) => localDate(call.at, zone))
    .filter((conversationDay) => day >= conversationDay && day < addDays(conversationDay, limits.conversationWaitDays));
  if (waits.length > 0) {
    const latest = waits.reduce((a, b) => (a > b ? a : b));
    return { rule: 'call-after-conversation', resumeDay: addDays(latest, limits.conversationWaitDays) };
  }
  // Every run of `windowDays` consecutive days that contains this day must keep room for one more counted call.
  const countedDays = context.history.filter(isCountedAttempt).map((call) => localDate(call.at, zone));
  for (let offset = limits.windowDays - 1; offset >= 0; offset -= 1) {
    const first = addDays(day, -offset);
    const last = addDays(first, limits.windowDays - 1);
    const inWindow = countedDays.filter((countedDay) => countedDay >= first && countedDay <= last).length;
    if (inWindow >= limits.maxAttempts) return { rule: 'call-frequency-7-in-7', resumeDay: addDays(day, 1) };
  }
  return null;
};

/** How many moves the search for the next allowed moment may make before it gives up (each move is at least a day or into the hours). */
const MAX_SEARCH_STEPS = 120;

/**
 * The earliest instant at or after `from` at which a counted outbound call breaks no rule: out of every conversation's
 * wait, with room in every 7-day window, inside the contact hours of every zone. Null when none is found (zones whose
 * hours never overlap).
 */
export const nextCallAllowedAt = (context: CallContext, from: Date): Date | null => {
  const limits = context.limits ?? REGULATION_F_CALL_LIMITS;
  const zone = context.zones[0];
  if (!zone) throw new RangeError('at least one time zone is needed to decide a call');
  let candidate = from;
  for (let step = 0; step < MAX_SEARCH_STEPS; step += 1) {
    const blocked = frequencyRule(context, candidate, limits);
    if (blocked) {
      candidate = startOfLocalDay(blocked.resumeDay, zone);
      continue;
    }
    const inHours = nextAllowedAt(candidate, context.zones, limits.hours);
    if (inHours === null) return null;
    if (inHours.getTime() === candidate.getTime()) return candidate;
    candidate = inHours;
  }
  return null;
};

/**
 * Decides one outbound call at `at`. A call that ends busy or not connected is never refused for frequency, only for
 * the hours; any other is refused when it would be one call too many in 7 days, or falls within 7 days of a
 * conversation. The refusal names the rule the call breaks first and the next moment a counted call would be allowed.
 */
export const decideOutboundCall = (context: CallContext, at: Date, outcome?: CallOutcome): CallDecision => {
  const limits = context.limits ?? REGULATION_F_CALL_LIMITS;
  if (context.zones.length === 0) throw new RangeError('at least one time zone is needed to decide a call');
  const counted = outcome === undefined || isCountedAttempt({ direction: 'outbound', outcome });
  if (counted) {
    const blocked = frequencyRule(context, at, limits);
    if (blocked) return { allowed: false, rule: blocked.rule, nextAllowedAt: nextCallAllowedAt(context, at) };
  }
  if (!context.zones.every((zone) => isWithinHours(at, zone, limits.hours))) {
    return {
      allowed: false,
      rule: 'quiet-hours',
      nextAllowedAt: counted ? nextCallAllowedAt(context, at) : nextAllowedAt(at, context.zones, limits.hours),
    };
  }
  return { allowed: true };
};
