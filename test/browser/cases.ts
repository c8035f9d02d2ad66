// A debt as a browser test meets it: a customer and an invoice put through the demo tenant's partner API, due today on
// the virtual clock, then the clock moved until the overdue e-mail is in the outbox; and the partner's view of the case.
import { advanceUntil, partner, runtimeUrl, type OutboxMessage } from './harness';

export interface CaseCustomer {
  name: string;
  email: string;
  phone?: string;
  locale?: string;
  timeZone?: string;
  /** Chooses the tenant's strategy for this segment, where it has one. */
  segment?: string;
}

export interface OpenedCase {
  customerId: string;
  invoiceId: string;
  delinquencyId: string;
  /** The overdue e-mail, whose link every scenario starts from. */
  email: OutboxMessage;
}

export const clockNow = async (): Promise<string> =>
  ((await (await fetch(`${runtimeUrl()}/local/clock`)).json()) as { now: string }).now;

export const openCase = async (
  customerId: string,
  customer: CaseCustomer,
  invoice: { amount: number; currency: string; description?: string },
): Promise<OpenedCase> => {
  const invoiceId = `INV-${customerId}`;
  await partner.call('PUT', `/v1/customers/${customerId}`, {
    kind: 'consumer',
    timeZone: 'Europe/London',
    ...customer,
  });
  const today = (await clockNow()).slice(0, 10);
  const put = await partner.call('PUT', `/v1/invoices/${invoiceId}`, {
    customerId,
    issuedAt: '2026-11-01',
    dueDate: today,
    ...invoice,
  });
  if (put?.id !== invoiceId) throw new Error(`the invoice was refused: ${JSON.stringify(put)}`);
  const email = await advanceUntil((messages) =>
    messages.find(
      (message) => message.customerId === customerId && message.channel === 'email' && message.step === 'overdue',
    ),
  );
  const { delinquencyId } = await partner.call('GET', `/v1/invoices/${invoiceId}`);
  return { customerId, invoiceId, delinquencyId, email };
};

export interface CaseView {
  id: string;
  status: string;
  balance: number;
  currency: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  promises: any[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  plans: any[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  disputes: any[];
  timeline: { kind: string; actor: string; detail: string; at: string }[];
}

/** GET /v1/delinquencies/{id}: what a collector sees of the case, its timeline included. */
export const caseView = (delinquencyId: string): Promise<CaseView> =>
  partner.call('GET', `/v1/delinquencies/${delinquencyId}`);

/** The case's executions as the local Step Functions keeps them (named after the delinquency). */
export const executionsOf = async (delinquencyId: string): Promise<{ name: string; status: string }[]> =>
  (
    (await (await fetch(`${runtimeUrl()}/local/executions`)).json()) as {
      executions: { name: string; status: string }[];
    }
  ).executions.filter((execution) => execution.name.startsWith(delinquencyId));
