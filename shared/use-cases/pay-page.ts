// The pay page behind every reminder's link: what is owed, and the customer's own promise or dispute, no login needed
// (the link's token is the key). Promises and disputes made here are recorded as made by the customer.
import { renderNothingToPay, renderPayPage, type PayPageFacts } from '../domain/messages/pay-page';
import { templateLocale } from '../domain/messages/render';
import { ArrearsError, NotFoundError, ValidationError } from '../errors/errors';
import type {
  DelinquencyDisputes,
  DelinquencyPromises,
  DelinquencyRecords,
} from '../ports/delinquency-repository.port';
import type { PayTokens, PayTarget } from '../ports/pay-tokens.port';
import { CLOSED_STATUSES } from '../schemas/delinquency.schema';
import { CalendarDateSchema, TextSchema } from '../schemas/common.schema';
import { openDispute } from './disputes';
import { getInvoice } from './invoices';
import { makePromise, type PromiseDeps } from './promises';

export interface PayPageDeps extends Omit<PromiseDeps, 'delinquencies'> {
  delinquencies: DelinquencyRecords & DelinquencyPromises & DelinquencyDisputes;
  payTokens: PayTokens;
}

const ACTOR = 'customer:pay-page';

/** A page for the customer's browser, with the status it is answered with. */
export interface PageAnswer {
  status: number;
  html: string;
}

/** 410: the link was real but no longer leads anywhere: its invoice is closed, or its customer was erased. */
const GONE = 410;

/** The link's target, or the page of a link that stopped working (in the customer's language, which erasure keeps). */
const liveTarget = async (deps: PayPageDeps, token: string) => {
  const target: PayTarget | null = await deps.payTokens.resolve(token);
  if (!target) throw new NotFoundError('this pay link is not known');
  const [invoice, customer] = await Promise.all([
    getInvoice(deps, target.tenantId, target.invoiceId),
    deps.customers.get(target.tenantId, target.customerId),
  ]);
  const closed = invoice.status !== 'open' || !customer || customer.erasedAt !== undefined;
  const gone: PageAnswer | null = closed
    ? { status: GONE, html: renderNothingToPay(templateLocale(customer?.locale)) }
    : null;
  return { target, invoice, customer, gone };
};

export const payPage = async (deps: PayPageDeps, token: string, notice: string | null = null): Promise<PageAnswer> => {
  const { target, invoice, customer, gone } = await liveTarget(deps, token);
  if (gone) return gone;
  const tenant = await deps.tenants.getTenant(target.tenantId);
  const delinquency = invoice.delinquencyId
    ? await deps.delinquencies.get(target.tenantId, invoice.delinquencyId)
    : null;
  const promise = delinquency?.activePromiseId
    ? (await deps.delinquencies.promises(target.tenantId, delinquency.id)).find(
        (candidate) => candidate.id === delinquency.activePromiseId,
      )
    : undefined;
  const caseStatus: PayPageFacts['caseStatus'] = !delinquency
    ? 'none'
    : CLOSED_STATUSES.includes(delinquency.status)
      ? 'closed'
      : (delinquency.status as PayPageFacts['caseStatus']);
  const facts: PayPageFacts = {
    token,
    tenant: tenant?.name ?? target.tenantId,
    invoiceId: invoice.id,
    dueDate: invoice.dueDate,
    currency: invoice.currency,
    amount: invoice.amount,
    paid: invoice.paid,
    fees: invoice.charges.fees,
    interest: invoice.charges.interest,
    balance: invoice.balance,
    checkoutUrl: tenant?.payUrlTemplate
      ? tenant.payUrlTemplate.replace('{invoiceId}', encodeURIComponent(invoice.id))
      : null,
    caseStatus,
    promise: promise ? { amount: promise.amount, date: promise.date } : null,
    notice,
  };
  return { status: 200, html: renderPayPage(facts, templateLocale(customer?.locale), customer?.locale ?? 'en') };
};

/** What the customer posted from the page, as a form; a refusal comes back as the page with the reason on it. */
export const payPageAction = async (
  deps: PayPageDeps,
  token: string,
  action: 'promise' | 'dispute',
  form: URLSearchParams,
): Promise<PageAnswer> => {
  const { target, invoice, gone } = await liveTarget(deps, token);
  if (gone) return gone;
  try {
    if (!invoice.delinquencyId) throw new ValidationError('there is nothing to arrange for this invoice yet', []);
    if (action === 'promise') {
      const date = CalendarDateSchema.safeParse(form.get('date'));
      if (!date.success)
        throw new ValidationError('please choose a date', [{ path: 'date', message: 'a date is required' }]);
      await makePromise(
        deps,
        target.tenantId,
        invoice.delinquencyId,
        { amount: invoice.balance, date: date.data },
        ACTOR,
      );
    } else {
      const reason = TextSchema(500).safeParse(form.get('reason'));
      if (!reason.success)
        throw new ValidationError('please tell us what is wrong', [
          { path: 'reason', message: 'a reason is required' },
        ]);
      await openDispute(deps, target.tenantId, invoice.delinquencyId, {
        reason: reason.data,
        source: 'api',
        providerDisputeId: null,
        amount: null,
        actor: ACTOR,
        refuseWhileOpen: true,
      });
    }
    return await payPage(deps, token);
  } catch (error) {
    if (!(error instanceof ArrearsError) || error.kind === 'domain' || error.kind === 'integration') throw error;
    const detail = error instanceof ValidationError && error.issues[0] ? error.issues[0].message : error.message;
    return { status: error.kind === 'conflict' ? 409 : 400, html: (await payPage(deps, token, detail)).html };
  }
};
