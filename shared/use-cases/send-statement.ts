// A `statement` step: emails the customer's statement, once. In the tenant's `customer` mode one statement covers all
// open invoices and goes out once a day however many delinquencies reach the step; in `invoice` mode it shows this one.
import { randomUUID } from 'node:crypto';
import { localDate } from '../domain/calendar';
import type { TimelineRule } from '../domain/timeline-catalog';
import { creditorOf } from '../domain/creditor';
import { readerLocale, templateLocale } from '../domain/messages/render';
import { senderOf } from '../domain/messages/sender';
import { renderStatementHtml, renderStatementText } from '../domain/messages/statement-html';
import { metricsOf } from '../ports/metrics.port';
import type { Customer, OptOut } from '../schemas/customer.schema';
import type { Delinquency } from '../schemas/delinquency.schema';
import type { Step } from '../schemas/strategy.schema';
import type { Tenant } from '../schemas/tenant.schema';
import type { EngineDeps } from './engine-deps';
import { isOptedOut, type ClaimStore } from './send-reminder';
import { customerStatement } from './statements';

export type StatementOutcome =
  | { outcome: 'sent'; messageId: string }
  | { outcome: 'covered'; by: string }
  | { outcome: 'suppressed'; rule: TimelineRule; detail: string }
  | { outcome: 'already' };

export const sendStatement = async (
  deps: EngineDeps,
  context: { tenant: Tenant; customer: Customer; optOuts: OptOut[]; delinquency: Delinquency; step: Step },
  claims: ClaimStore,
): Promise<StatementOutcome> => {
  const { tenant, customer, delinquency, step } = context;
  const address = customer.email;
  if (!address)
    return { outcome: 'suppressed', rule: 'no-address', detail: 'the customer has no email address for the statement' };
  if (isOptedOut(context.optOuts, 'email', address)) {
    return { outcome: 'suppressed', rule: 'opt-out', detail: 'the customer opted out of email to this address' };
  }
  const now = deps.clock.now();
  const caseKey = { kind: 'SEND' as const, stepId: `statement-${localDate(now, customer.timeZone)}`, channel: 'email' };
  const caseAttempt = randomUUID();
  const perCustomer = tenant.statementMode === 'customer';
  if (perCustomer) {
    const claimed = await deps.caseClaims(tenant.id, customer.id).claim({
      ...caseKey,
      status: 'claimed',
      attemptId: caseAttempt,
      at: now.toISOString(),
      covers: [delinquency.id],
    });
    if (claimed.outcome === 'exists' && claimed.claim.covers?.[0] !== delinquency.id)
      return { outcome: 'covered', by: claimed.claim.covers?.[0] ?? '' };
  }
  const key = { kind: 'SEND' as const, stepId: step.id, channel: 'email' };
  const attemptId = randomUUID();
  const own = await claims.claim({ ...key, status: 'claimed', attemptId, at: now.toISOString() });
  if (own.outcome === 'exists') return { outcome: 'already' };
  try {
    const statement = await customerStatement(
      { ...deps, factsChanged: { notify: async () => undefined } },
      tenant.id,
      customer.id,
    );
    if (!perCustomer) {
      for (const block of Object.values(statement.currencies)) {
        block.items = block.items.filter((item) => item.invoiceId === delinquency.invoiceId);
        block.payments = block.payments.filter((payment) => payment.invoiceId === delinquency.invoiceId);
        block.totalDue = Math.max(0, block.items.reduce((sum, item) => sum + item.balance, 0) - block.credit);
      }
    }
    const intlLocale = readerLocale(customer, tenant);
    const creditor = creditorOf(tenant);
    const html = renderStatementHtml(statement, creditor, templateLocale(intlLocale), intlLocale);
    const { subject, text } = renderStatementText(statement, creditor, templateLocale(intlLocale), intlLocale);
    const token = await deps.unsubscribeTokens.tokenFor({
      tenantId: tenant.id,
      customerId: customer.id,
      channel: 'email',
      address,
    });
    const { messageId } = await deps.email.send({
      to: address,
      ...senderOf(tenant, deps.settings.defaultEmailFrom),
      subject,
      text,
      html,
      unsubscribeUrl: `${deps.settings.publicBaseUrl}/v1/unsubscribe/${token}`,
      context: { tenantId: tenant.id, customerId: customer.id, delinquencyId: delinquency.id, stepId: step.id },
    });
    await claims.settle(key, attemptId, {
      status: 'sent',
      providerMessageId: messageId,
      at: deps.clock.now().toISOString(),
    });
    metricsOf(deps).add('MessagesSent', 1, 'email');
    return { outcome: 'sent', messageId };
  } catch (error) {
    await claims.release(key, attemptId);
    if (perCustomer) await deps.caseClaims(tenant.id, customer.id).release(caseKey, caseAttempt);
    throw error;
  }
};
