// Sends one reminder of a step, exactly once: claim, re-check that it is still owed, render, send, record.
import { randomUUID } from 'node:crypto';
import { daysBetween, localDate } from '../domain/calendar';
import { formatMoney } from '../domain/money';
import { renderEmail, renderSms, templateLocale, type MessageFacts } from '../domain/messages/render';
import type { StepClaim, StepClaimKey } from '../ports/delinquency-repository.port';
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
  extraFacts?: Pick<MessageFacts, 'promisedAmount' | 'promisedDate' | 'caseLines' | 'caseTotal'>;
}

/** Where a claim lives: on the delinquency, or (before any delinquency exists) on the invoice. */
export interface ClaimStore {
  claim(claim: StepClaim): Promise<{ outcome: 'claimed' } | { outcome: 'exists'; claim: StepClaim }>;
  settle(key: StepClaimKey, attemptId: string, update: Partial<StepClaim>): Promise<void>;
  release(key: StepClaimKey, attemptId: string): Promise<void>;
}

export type ReminderOutcome =
  | { outcome: 'sent'; channel: 'email' | 'sms'; to: string; messageId: string }
  | { outcome: 'already'; channel: 'email' | 'sms' }
  | { outcome: 'suppressed'; channel: 'email' | 'sms'; rule: string; detail: string }
  | { outcome: 'settled' };

/**
 * Where a reminder sends the customer to pay: the tenant's own payment page when it has one, else Arrears' pay page
 * behind an unguessable per-invoice token (what is owed, a promise, a dispute, without talking to anyone).
 */
export const payLink = async (deps: EngineDeps, context: Pick<ReminderContext, 'tenant' | 'invoice'>): Promise<string> => {
  if (context.tenant.payUrlTemplate) return context.tenant.payUrlTemplate.replace('{invoiceId}', encodeURIComponent(context.invoice.id));
  const token = await deps.payTokens.tokenFor({ tenantId: context.tenant.id, invoiceId: context.invoice.id, customerId: context.invoice.customerId });
  return `${deps.settings.publicBaseUrl}/v1/pay/${token}`;
};

export const messageFacts = (deps: EngineDeps, context: ReminderContext, unsubscribeUrl: string, payUrl: string): MessageFacts => {
  const locale = context.customer.locale ?? 'en';
  const today = localDate(deps.clock.now(), context.customer.timeZone);
  return {
    tenant: context.tenant.name,
    customer: context.customer.name,
    invoice: context.invoice.id,
    amount: formatMoney(context.balance, context.invoice.currency, locale),
    dueDate: new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${context.invoice.dueDate}T00:00:00Z`)),
    daysOverdue: Math.max(0, daysBetween(context.invoice.dueDate, today)),
    fee: formatMoney(context.fee, context.invoice.currency, locale),
    payUrl,
    unsubscribeUrl,
    ...context.extraFacts,
  };
};

export const isOptedOut = (optOuts: OptOut[], channel: 'email' | 'sms', address: string) =>
  optOuts.some((optOut) => optOut.channel === channel && optOut.address.toLowerCase() === address.toLowerCase());

/**
 * Rule 2: the send is claimed with a conditional write before the provider is called, so retries, duplicate
 * executions and concurrent runs send nothing twice. Rule 3: after the claim, what is owed is read again, and a
 * payment that arrived first stops the send. A provider that refuses releases the claim and the error goes up, so
 * the caller's retry sends it once.
 */
export const sendReminder = async (
  deps: EngineDeps,
  context: ReminderContext,
  claims: ClaimStore,
  stillOwed: () => Promise<boolean>,
): Promise<ReminderOutcome> => {
  const channel = context.step.channel as 'email' | 'sms';
  const address = channel === 'email' ? context.customer.email : context.customer.phone;
  if (!address) {
    return { outcome: 'suppressed', channel, rule: 'no-address', detail: `the customer has no ${channel === 'email' ? 'email address' : 'phone number'}` };
  }
  if (isOptedOut(context.optOuts, channel, address)) {
    return { outcome: 'suppressed', channel, rule: 'opt-out', detail: `the customer opted out of ${channel} to this address` };
  }
  const key: StepClaimKey = { kind: 'SEND', stepId: context.step.id, channel };
  const attemptId = randomUUID();
  const claimed = await claims.claim({ ...key, status: 'claimed', attemptId, at: deps.clock.now().toISOString() });
  if (claimed.outcome === 'exists') return { outcome: 'already', channel };
  if (!(await stillOwed())) {
    await claims.release(key, attemptId);
    return { outcome: 'settled' };
  }
  const locale = templateLocale(context.customer.locale);
  const messageContext = {
    tenantId: context.tenant.id,
    customerId: context.customer.id,
    delinquencyId: context.delinquencyId,
    stepId: context.step.id,
  };
  const templateId = context.step.template ?? (channel === 'email' ? 'overdue' : 'overdue-sms');
  try {
    let messageId: string;
    if (channel === 'email') {
      const token = await deps.unsubscribeTokens.tokenFor({ tenantId: context.tenant.id, customerId: context.customer.id, channel, address });
      const unsubscribeUrl = `${deps.settings.publicBaseUrl}/v1/unsubscribe/${token}`;
      const rendered = renderEmail(templateId, locale, messageFacts(deps, context, unsubscribeUrl, await payLink(deps, context)));
      ({ messageId } = await deps.email.send({
        to: address,
        from: context.tenant.emailFrom ?? deps.settings.defaultEmailFrom,
        ...rendered,
        unsubscribeUrl,
        context: messageContext,
      }));
    } else {
      const body = renderSms(templateId, locale, messageFacts(deps, context, '', await payLink(deps, context)));
      ({ messageId } = await deps.sms.send({ to: address, body, context: messageContext }));
    }
    await claims.settle(key, attemptId, { status: 'sent', providerMessageId: messageId, at: deps.clock.now().toISOString() });
    return { outcome: 'sent', channel, to: address, messageId };
  } catch (error) {
    await claims.release(key, attemptId);
    throw error;
  }
};
