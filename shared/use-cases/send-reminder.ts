// Sends one reminder of a step, exactly once: claim, re-check that it is still owed, render, send, record.
import { sameAddress } from '../domain/erasure';
import type { TimelineRule } from '../domain/timeline-catalog';
import { randomUUID } from 'node:crypto';
import { daysBetween, localDate } from '../domain/calendar';
import { formatMoney } from '../domain/money';
import { creditorOf } from '../domain/creditor';
import { longDate } from '../domain/messages/dates';
import { readerLocale, renderEmail, renderSms, templateLocale, type MessageFacts } from '../domain/messages/render';
import { senderOf } from '../domain/messages/sender';
import { signPortalToken, type PortalTarget } from '../domain/portal-token';
import type { StepClaim, StepClaimKey } from '../ports/delinquency-repository.port';
import { metricsOf } from '../ports/metrics.port';
import type { Customer, OptOut } from '../schemas/customer.schema';
import type { Invoice } from '../schemas/invoice.schema';
import type { Step } from '../schemas/strategy.schema';
import type { Tenant } from '../schemas/tenant.schema';
import type { EngineDeps } from './engine-deps';

export interface ReminderContext {
  tenant: Tenant;
  customer: Customer;
  optOuts: OptOut[];
  invoice: Invoice;
  delinquencyId: string | null;
  step: Step;
  /** What is owed as the message is written, and the fee the step added (0 if none). */
  balance: number;
  fee: number;
  /** Words some templates need beyond the invoice's (a promise reminder's amount and date). */
  extraFacts?: Pick<MessageFacts, 'promisedAmount' | 'promisedDate' | 'caseLines' | 'caseTotal' | 'transferReference'>;
}

/** Where a claim lives: on the delinquency, or (before any delinquency exists) on the invoice. */
export interface ClaimStore {
  claim(claim: StepClaim): Promise<{ outcome: 'claimed' } | { outcome: 'exists'; claim: StepClaim }>;
  settle(key: StepClaimKey, attemptId: string, update: Partial<StepClaim>): Promise<void>;
  release(key: StepClaimKey, attemptId: string): Promise<void>;
}

export type ReminderOutcome =
  /** Sent by this call; `attemptId` owns the claim (to mark it announced once the send is recorded). */
  | { outcome: 'sent'; channel: 'email' | 'sms'; to: string; messageId: string; attemptId: string }
  /** Settled before: `claim` is how (a 'sent' one not yet announced was sent by an attempt that died before recording it). */
  | { outcome: 'already'; channel: 'email' | 'sms'; claim?: StepClaim }
  | { outcome: 'suppressed'; channel: 'email' | 'sms'; rule: TimelineRule; detail: string }
  | { outcome: 'settled' }
  /** Another attempt holds the claim and may be talking to the provider right now: decide again at `until`. */
  | { outcome: 'in_flight'; channel: 'email' | 'sms'; until: Date }
  /** An attempt died holding the claim: the provider may or may not have the message. Never resent (at most once). */
  | { outcome: 'unknown'; channel: 'email' | 'sms'; since: string };

/**
 * How long a claim may stay 'claimed' or 'sending' while its attempt could still be alive: past the Wake function's
 * 2-minute timeout with a wide margin. A stale 'claimed' claim never reached the provider (it is taken over and sent);
 * a stale 'sending' one died while the provider was being called or after it accepted: nobody can tell which.
 */
export const CLAIM_LEASE_MS = 5 * 60 * 1000;

/**
 * A claim someone else holds: settled ('sent', 'skipped', ...) means done; a fresh 'claimed' one is in flight; a
 * stale one is marked 'unknown' (guarded by the dead attempt's id) and counted, so an operator
 * can look at the provider's logs. It is never sent again automatically: a duplicate demand for money is worse than
 * a missing one, and the next step of the ladder follows anyway.
 */
export const heldClaim = async (
  deps: Pick<EngineDeps, 'clock' | 'metrics'>,
  claims: ClaimStore,
  held: StepClaim,
  channel: 'email' | 'sms',
): Promise<ReminderOutcome> => {
  if (held.status === 'unknown') return { outcome: 'unknown', channel, since: held.at };
  if (held.status !== 'claimed' && held.status !== 'sending') return { outcome: 'already', channel, claim: held };
  const staleAt = Date.parse(held.at) + CLAIM_LEASE_MS;
  const now = deps.clock.now();
  if (now.getTime() < staleAt) return { outcome: 'in_flight', channel, until: new Date(staleAt) };
  const key: StepClaimKey = {
    kind: held.kind,
    stepId: held.stepId,
    ...(held.channel ? { channel: held.channel } : {}),
  };
  await claims.settle(key, held.attemptId, { status: 'unknown', detail: `found unsettled at ${now.toISOString()}` });
  metricsOf(deps).add('SendsUnknown', 1, channel);
  return { outcome: 'unknown', channel, since: held.at };
};

/**
 * Where a message sends the customer to pay: the tenant's own payment page when it has one, else the customer's
 * portal for the case (or, before a case opens, for the invoice) behind a signed, expiring token.
 */
export const payLink = async (
  deps: Pick<EngineDeps, 'clock' | 'portalSigningKey' | 'settings'>,
  context: Pick<ReminderContext, 'tenant' | 'invoice'> & { delinquencyId?: string | null },
): Promise<string> => {
  if (context.tenant.payUrlTemplate)
    return context.tenant.payUrlTemplate.replace('{invoiceId}', encodeURIComponent(context.invoice.id));
  const delinquencyId = context.delinquencyId ?? context.invoice.delinquencyId ?? null;
  const target: PortalTarget = delinquencyId
    ? { kind: 'case', tenantId: context.tenant.id, delinquencyId }
    : {
        kind: 'invoice',
        tenantId: context.tenant.id,
        customerId: context.invoice.customerId,
        invoiceId: context.invoice.id,
      };
  const token = signPortalToken(target, await deps.portalSigningKey.key(), deps.clock.now());
  return `${deps.settings.publicBaseUrl}/portal/${token}`;
};

export const messageFacts = (
  deps: Pick<EngineDeps, 'clock'>,
  context: ReminderContext,
  unsubscribeUrl: string,
  payUrl: string,
): MessageFacts => {
  const locale = readerLocale(context.customer, context.tenant);
  const today = localDate(deps.clock.now(), context.customer.timeZone);
  const creditor = creditorOf(context.tenant);
  return {
    tenant: creditor.name,
    creditor,
    customer: context.customer.name,
    invoice: context.invoice.id,
    ...(context.invoice.description ? { description: context.invoice.description } : {}),
    amount: formatMoney(context.balance, context.invoice.currency, locale),
    dueDate: longDate(context.invoice.dueDate, locale),
    daysOverdue: Math.max(0, daysBetween(context.invoice.dueDate, today)),
    fee: formatMoney(context.fee, context.invoice.currency, locale),
    payUrl,
    unsubscribeUrl,
    ...context.extraFacts,
  };
};

/**
 * An erased customer's opt-outs keep only a keyed hash of the address: matched with the tenant's erasure key when the
 * caller has it, else taken as refusing the channel (see sameAddress).
 */
export const isOptedOut = (optOuts: OptOut[], channel: 'email' | 'sms', address: string, erasureKey?: string | null) =>
  optOuts.some((optOut) => optOut.channel === channel && sameAddress(optOut.address, address, erasureKey));

/**
 * Rule 2: the send is claimed with a conditional write before the provider is called, so retries, duplicate
 * executions and concurrent runs send nothing twice. Rule 3: after the claim, what is owed is read again, and a
 * payment that arrived first stops the send. A provider that refuses releases the claim and the error goes up, so
 * the caller's retry sends it once. A claim held by an attempt that died is never resent (see `heldClaim`).
 */
export const sendReminder = async (
  deps: EngineDeps,
  context: ReminderContext,
  claims: ClaimStore,
  stillOwed: () => Promise<boolean>,
  /** Whether a stale, never-sent claim may be taken over (once per call). */
  takeOver = true,
): Promise<ReminderOutcome> => {
  const channel = context.step.channel as 'email' | 'sms';
  const address = channel === 'email' ? context.customer.email : context.customer.phone;
  if (!address) {
    return {
      outcome: 'suppressed',
      channel,
      rule: 'no-address',
      detail: `the customer has no ${channel === 'email' ? 'email address' : 'phone number'}`,
    };
  }
  if (isOptedOut(context.optOuts, channel, address)) {
    return {
      outcome: 'suppressed',
      channel,
      rule: 'opt-out',
      detail: `the customer opted out of ${channel} to this address`,
    };
  }
  const locale = templateLocale(readerLocale(context.customer, context.tenant));
  const messageContext = {
    tenantId: context.tenant.id,
    customerId: context.customer.id,
    delinquencyId: context.delinquencyId,
    stepId: context.step.id,
  };
  const templateId = context.step.template ?? (channel === 'email' ? 'overdue' : 'overdue-sms');
  // Written before the claim, so the claim can be the last write before the provider: one write fewer per send.
  let deliver: () => Promise<{ messageId: string }>;
  if (channel === 'email') {
    const token = await deps.unsubscribeTokens.tokenFor({
      tenantId: context.tenant.id,
      customerId: context.customer.id,
      channel,
      address,
    });
    const unsubscribeUrl = `${deps.settings.publicBaseUrl}/v1/unsubscribe/${token}`;
    const rendered = renderEmail(
      templateId,
      locale,
      messageFacts(deps, context, unsubscribeUrl, await payLink(deps, context)),
    );
    deliver = () =>
      deps.email.send({
        to: address,
        ...senderOf(context.tenant, deps.settings.defaultEmailFrom),
        ...rendered,
        unsubscribeUrl,
        context: messageContext,
      });
  } else {
    const body = renderSms(templateId, locale, messageFacts(deps, context, '', await payLink(deps, context)));
    deliver = () => deps.sms.send({ to: address, body, context: messageContext });
  }
  const key: StepClaimKey = { kind: 'SEND', stepId: context.step.id, channel };
  const attemptId = randomUUID();
  // Claimed as 'sending': between this write and the provider there is only the read of what is owed, so a claim found
  // stale may have been sent and is never sent again. (A stale 'claimed' one, written before this order, is taken over.)
  const claimed = await claims.claim({ ...key, status: 'sending', attemptId, at: deps.clock.now().toISOString() });
  if (claimed.outcome === 'exists') {
    const held = claimed.claim;
    if (held.status === 'claimed' && deps.clock.now().getTime() >= Date.parse(held.at) + CLAIM_LEASE_MS && takeOver) {
      // Its attempt died before 'sending': the provider never saw it. Freed (guarded by that attempt's id) and sent.
      await claims.release(key, held.attemptId);
      return sendReminder(deps, context, claims, stillOwed, false);
    }
    return heldClaim(deps, claims, held, channel);
  }
  let messageId: string;
  try {
    if (!(await stillOwed())) {
      await claims.release(key, attemptId);
      return { outcome: 'settled' };
    }
    ({ messageId } = await deliver());
  } catch (error) {
    // Nothing reached the provider (it refused, or the read failed): the claim is freed so the retry sends once.
    await claims.release(key, attemptId);
    throw error;
  }
  // The provider accepted: from here the claim is never released. If settling fails, the claim stays 'sending' and a
  // later pass marks it 'unknown' instead of sending again.
  metricsOf(deps).add('MessagesSent', 1, channel);
  await claims.settle(key, attemptId, {
    status: 'sent',
    providerMessageId: messageId,
    at: deps.clock.now().toISOString(),
  });
  return { outcome: 'sent', channel, to: address, messageId, attemptId };
};
