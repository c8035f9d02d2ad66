// One message for the whole case: when several of a customer's delinquencies have a step on the same day and channel,
// the first to send writes one message that lists the others, and they record themselves as covered by it.
import { randomUUID } from 'node:crypto';
import { localDate } from '../domain/calendar';
import { invoiceBalance } from '../domain/invoice';
import { formatMoney } from '../domain/money';
import { longDate } from '../domain/messages/dates';
import { caseLine, templateLocale } from '../domain/messages/render';
import type { DelinquencyListings, StepClaimKey } from '../ports/delinquency-repository.port';
import type { Customer } from '../schemas/customer.schema';
import { CLOSED_STATUSES, type Delinquency } from '../schemas/delinquency.schema';
import type { EngineDeps } from './engine-deps';
import type { ReminderContext } from './send-reminder';

export type CaseRole =
  | { kind: 'alone' }
  | { kind: 'covered'; by: string; messageId: string | null }
  | {
      kind: 'lead';
      extraFacts: Pick<NonNullable<ReminderContext['extraFacts']>, 'caseLines' | 'caseTotal'>;
      settle(messageId: string): Promise<void>;
      release(): Promise<void>;
    };

/**
 * Decides this delinquency's part in today's message on `channel`: alone (no other open delinquency of the customer in
 * that currency), covered (another one's message today already listed it), or lead (it sends, listing the others).
 */
export const caseRole = async (
  deps: Pick<EngineDeps, 'caseClaims' | 'clock' | 'invoices'> & { delinquencies: DelinquencyListings },
  tenantId: string,
  customer: Customer,
  delinquency: Delinquency,
  ownBalance: number,
  channel: 'email' | 'sms',
): Promise<CaseRole> => {
  // This case itself is held already: only the others are read.
  const mates = (await deps.delinquencies.listByCustomer(tenantId, customer.id, [delinquency])).filter(
    (mate) =>
      mate.id !== delinquency.id &&
      mate.currency === delinquency.currency &&
      !CLOSED_STATUSES.includes(mate.status) &&
      // A debt on hold is not mentioned to the customer until released.
      mate.status !== 'paused',
  );
  const owing = [];
  for (const mate of mates) {
    const found = await deps.invoices.get(tenantId, mate.invoiceId);
    if (found && !found.invoice.voided && invoiceBalance(found.invoice) > 0)
      owing.push({ mate, invoice: found.invoice, balance: invoiceBalance(found.invoice) });
  }
  if (owing.length === 0) return { kind: 'alone' };
  const key: StepClaimKey = { kind: 'SEND', stepId: `case-${localDate(deps.clock.now(), customer.timeZone)}`, channel };
  const attemptId = randomUUID();
  const claims = deps.caseClaims(tenantId, customer.id);
  const claimed = await claims.claim({
    ...key,
    status: 'claimed',
    attemptId,
    at: deps.clock.now().toISOString(),
    covers: [delinquency.id, ...owing.map((item) => item.mate.id)],
  });
  if (claimed.outcome === 'exists') {
    // Another delinquency's message today spoke for this one only if it listed it; otherwise this one sends its own.
    return claimed.claim.covers?.includes(delinquency.id)
      ? { kind: 'covered', by: claimed.claim.covers[0] ?? '', messageId: claimed.claim.providerMessageId ?? null }
      : { kind: 'alone' };
  }
  const locale = customer.locale ?? 'en';
  const total = owing.reduce((sum, item) => sum + item.balance, ownBalance);
  return {
    kind: 'lead',
    extraFacts: {
      caseLines: owing.map((item) =>
        caseLine(templateLocale(locale), {
          invoice: item.invoice.id,
          description: item.invoice.description,
          amount: formatMoney(item.balance, item.invoice.currency, locale),
          dueDate: longDate(item.invoice.dueDate, locale),
        }),
      ),
      caseTotal: formatMoney(total, delinquency.currency, locale),
    },
    settle: (messageId) => claims.settle(key, attemptId, { status: 'sent', providerMessageId: messageId }),
    release: () => claims.release(key, attemptId),
  };
};
