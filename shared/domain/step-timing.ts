// When each step of a ladder reaches the customer: its nominal moment, moved by the contact policy exactly as the engine
// moves it. The engine's pass asks `stepContactDecision` before acting; the strategy preview asks it for every step.
import { decideContact, isContactChannel, type ContactDecision, type ContactRule } from './contact-policy';
import { isPreDue, scheduleSteps } from './ladder';
import type { Step } from '../schemas/strategy.schema';
import type { Tenant } from '../schemas/tenant.schema';

/** What the timing of a step needs of the tenant: when steps fire and its narrower contact hours, if any. */
export type StepTimingSettings = Pick<Tenant, 'sendTime' | 'quietHours'>;

/**
 * The contact policy's answer for one step at a moment. A delinquency's step held back goes to the tenant's send time
 * on the day the window opens again (§4); a pre-due reminder waits for the hourly run's first moment inside the window.
 * Steps that reach nobody (agency, write-off) are never held.
 */
export const stepContactDecision = (
  tenant: StepTimingSettings,
  zones: readonly string[],
  step: Step,
  at: Date,
): ContactDecision =>
  isContactChannel(step.channel)
    ? decideContact({ tenant, zones, channel: step.channel, at, holdTo: isPreDue(step) ? 'opening' : 'send-time' })
    : { outcome: 'allowed' };

/** Channels a pre-due reminder may use: the hourly run sends nothing else before the due date. */
const PRE_DUE_CHANNELS: ReadonlySet<string> = new Set(['email', 'sms']);

export interface StepTiming {
  step: Step;
  /** The nominal moment: the customer's local date dueDate + offsetDays at the tenant's send time. */
  scheduledAt: Date;
  /** When it goes: the nominal moment, or the one the contact rules moved it to; null when it never goes. */
  at: Date | null;
  /** The contact rule that moved (or refused) it. */
  movedBy?: ContactRule;
  /** Why it never goes, in words. */
  notSent?: string;
}

/** Every step of a ladder for one invoice: when the engine would act on it, from the same schedule and policy. */
export const timeSteps = (
  steps: readonly Step[],
  dueDate: string,
  zone: string,
  tenant: StepTimingSettings,
): StepTiming[] =>
  scheduleSteps(steps, dueDate, zone, tenant.sendTime).map(({ step, fireAt }) => {
    if (isPreDue(step) && !PRE_DUE_CHANNELS.has(step.channel))
      return {
        step,
        scheduledAt: fireAt,
        at: null,
        notSent: 'before the due date only email and SMS reminders are sent',
      };
    const decision = stepContactDecision(tenant, [zone], step, fireAt);
    if (decision.outcome === 'allowed') return { step, scheduledAt: fireAt, at: fireAt };
    if (decision.outcome === 'deferred')
      return { step, scheduledAt: fireAt, at: decision.until, movedBy: decision.rule };
    return { step, scheduledAt: fireAt, at: null, movedBy: decision.rule, notSent: decision.why };
  });
