// The customer's portal behind every message's link: the case's open invoices, and what the customer can do alone
// (pay by card or transfer, promise, plan, dispute, stop a channel), each recorded as the customer's own act on the
// case's timeline. Every answer, refusal included, is a page in the page's language.
import { addDays } from '../domain/calendar';
import { stableId } from '../domain/ids';
import { minorUnitDigits } from '../domain/money';
import type { PortalFrame } from '../domain/portal/layout';
import { portalHref } from '../domain/portal/layout';
import {
  renderCasePage,
  renderPlanPage,
  renderReceiptPage,
  renderStatementPage,
  type CasePageFacts,
  type PortalInvoiceLine,
  type PortalNotice,
  type ReceiptState,
} from '../domain/portal/pages';
import { say, type PortalWordKey } from '../domain/portal/words';
import { mostInstallments, previewPlan } from '../domain/self-service-plan';
import { transferReference } from '../domain/transfer-reference';
import { CLOSED_STATUSES } from '../schemas/delinquency.schema';
import type { InvoiceResponse } from '../schemas/invoice.schema';
import { isOptedOut } from './send-reminder';
import { MAX_PROMISE_DAYS } from './promises';
import { openPortal, portalSettings, type PortalAnswer, type PortalContext, type PortalDeps } from './portal-context';

export { PORTAL_ACTOR, type PortalAnswer, type PortalDeps } from './portal-context';

const DONE_NOTICES: Record<string, PortalWordKey> = {
  promise: 'done.promise',
  plan: 'done.plan',
  dispute: 'done.dispute',
  preferences: 'done.preferences',
  cancelled: 'done.cancelled',
};

export const lineOf = (invoice: InvoiceResponse): PortalInvoiceLine => ({
  id: invoice.id,
  description: invoice.description ?? null,
  dueDate: invoice.dueDate,
  amount: invoice.amount,
  fees: invoice.charges.fees,
  interest: invoice.charges.interest,
  paid: invoice.paid,
  balance: invoice.balance,
});

/** The case's own invoice as it stands today (it may be paid and so missing from the open ones). */
export const caseInvoice = (context: PortalContext): InvoiceResponse | undefined =>
  context.all.find((invoice) => invoice.id === context.invoiceId);

export const caseStatusOf = (context: PortalContext): CasePageFacts['caseStatus'] => {
  const status = context.delinquency?.status;
  if (!status) return 'none';
  if (status === 'paused') return 'active';
  return status === 'resolved' ||
    status === 'handed_off' ||
    status === 'written_off' ||
    CLOSED_STATUSES.includes(status)
    ? 'closed'
    : status;
};

const total = (context: PortalContext) => context.open.reduce((sum, invoice) => sum + invoice.balance, 0);

/**
 * The reference a transfer quotes: the case's. Before the case opens it is already known, since a case's id is derived
 * from its tenant and invoice (as the reminder run opens it), so a transfer made early still matches the case.
 */
export const referenceOf = (context: PortalContext) =>
  transferReference(context.delinquency?.id ?? stableId('dlq', context.tenant.id, context.invoiceId));

const channelState = (context: PortalContext, channel: 'email' | 'sms') => {
  const address = channel === 'email' ? context.customer.email : context.customer.phone;
  if (!address) return 'none' as const;
  return isOptedOut(context.optOuts, channel, address) ? ('stopped' as const) : ('on' as const);
};

export const casePage = async (
  deps: PortalDeps,
  context: PortalContext,
  notice: PortalNotice,
  typed: Record<string, string> = {},
  status = 200,
  /** The checkout answered that this tenant takes no cards: the page offers none. */
  noCard = false,
): Promise<PortalAnswer> => {
  const { delinquency } = context;
  const caseStatus = caseStatusOf(context);
  const own = caseInvoice(context);
  const ownBalance = own && own.status === 'open' ? Math.max(0, own.balance) : 0;
  const promise =
    delinquency?.activePromiseId && caseStatus === 'promised'
      ? (await deps.delinquencies.promises(context.tenant.id, delinquency.id)).find(
          (candidate) => candidate.id === delinquency.activePromiseId,
        )
      : undefined;
  const rules = portalSettings(context.tenant).selfServicePlans;
  const most = rules ? mostInstallments(ownBalance, rules) : 0;
  const facts: CasePageFacts = {
    currency: context.currency,
    lines: context.open.map(lineOf),
    total: total(context),
    caseStatus,
    promise: promise ? { amount: promise.amount, date: promise.date } : null,
    card: !noCard && delinquency !== null && caseStatus !== 'closed',
    ownPayUrl: context.tenant.payUrlTemplate
      ? context.tenant.payUrlTemplate.replace('{invoiceId}', encodeURIComponent(context.invoiceId))
      : null,
    reference: referenceOf(context),
    promiseOffer:
      caseStatus === 'active' && ownBalance > 0
        ? { amount: ownBalance, earliest: context.today, latest: addDays(context.today, MAX_PROMISE_DAYS) }
        : null,
    planOffer: caseStatus === 'active' && most >= 2 ? { amount: ownBalance, most } : null,
    disputable: context.open
      .filter((invoice) => invoice.delinquencyId !== null)
      .map((invoice) => ({ id: invoice.id, description: invoice.description ?? null })),
    channels: { email: channelState(context, 'email'), sms: channelState(context, 'sms') },
    notice,
    typed,
  };
  return {
    status,
    html: renderCasePage(context.frame, facts, minorUnitDigits(context.currency)),
    logoUrl: context.frame.creditor?.brand.logoUrl,
  };
};

/** GET /portal/{token}: the case, with the thank-you of the form just posted (`done`). */
export const portalPage = async (
  deps: PortalDeps,
  token: string,
  query: { lang?: string | undefined; done?: string | undefined },
): Promise<PortalAnswer> => {
  const opened = await openPortal(deps, token, query.lang);
  if ('answer' in opened) return opened.answer;
  const done = query.done ? DONE_NOTICES[query.done] : undefined;
  return casePage(deps, opened.context, done ? { kind: 'done', text: say(opened.context.frame.locale, done) } : null);
};

/** GET /portal/{token}/plan?installments=N: the instalments, before the customer agrees to them. */
export const planPage = async (
  deps: PortalDeps,
  token: string,
  query: { lang?: string | undefined; installments?: string | undefined },
): Promise<PortalAnswer> => {
  const opened = await openPortal(deps, token, query.lang);
  if ('answer' in opened) return opened.answer;
  const { context } = opened;
  const own = caseInvoice(context);
  const balance = own && own.status === 'open' ? own.balance : 0;
  const count = Number(query.installments ?? '');
  const rules = caseStatusOf(context) === 'active' ? portalSettings(context.tenant).selfServicePlans : undefined;
  const preview = previewPlan(balance, count, context.today, rules);
  const refusal: PortalNotice =
    preview.outcome === 'ok' ? null : { kind: 'refused', text: planRefusal(context, preview.reason, preview.most) };
  return {
    status: preview.outcome === 'ok' ? 200 : 400,
    html: renderPlanPage(context.frame, {
      currency: context.currency,
      amount: balance,
      count: Number.isInteger(count) ? count : 0,
      installments: preview.outcome === 'ok' ? preview.installments : null,
      notice: refusal,
    }),
    logoUrl: context.frame.creditor?.brand.logoUrl,
  };
};

export const planRefusal = (context: PortalContext, reason: string, most: number): string =>
  reason === 'plan-not-offered'
    ? say(context.frame.locale, 'refuse.plan-not-offered', { name: context.tenant.name })
    : say(context.frame.locale, 'refuse.plan-count', { most: String(most) });

/** GET /portal/{token}/receipt?session=: back from Checkout, what the provider says of the payment. */
export const receiptPage = async (
  deps: PortalDeps,
  token: string,
  query: { lang?: string | undefined; session?: string | undefined },
): Promise<PortalAnswer> => {
  const opened = await openPortal(deps, token, query.lang);
  if ('answer' in opened) return opened.answer;
  const { context } = opened;
  const sessionId = query.session ?? '';
  const session = sessionId ? await deps.cardCheckout.getSession(context.tenant.id, sessionId) : null;
  const state: ReceiptState =
    session?.status === 'complete' && session.paymentStatus === 'paid'
      ? 'received'
      : session && session.status !== 'expired'
        ? 'processing'
        : 'unknown';
  return {
    status: 200,
    html: renderReceiptPage(context.frame, {
      state,
      amount: session?.amount ?? null,
      currency: session?.currency ?? null,
      sessionId,
    }),
    logoUrl: context.frame.creditor?.brand.logoUrl,
  };
};

/** GET /portal/{token}/statement: open invoices and every payment in the case's currency, printable. */
export const statementPage = async (
  deps: PortalDeps,
  token: string,
  query: { lang?: string | undefined },
): Promise<PortalAnswer> => {
  const opened = await openPortal(deps, token, query.lang);
  if ('answer' in opened) return opened.answer;
  const { context } = opened;
  const payments = context.all
    .flatMap((invoice) =>
      invoice.payments.map((payment) => ({ date: payment.paidAt, invoiceId: invoice.id, amount: payment.amount })),
    )
    .sort((a, b) => a.date.localeCompare(b.date));
  return {
    status: 200,
    html: renderStatementPage(context.frame, {
      asOf: context.today,
      currency: context.currency,
      lines: context.open.map(lineOf),
      total: total(context),
      payments,
      reference: referenceOf(context),
    }),
    logoUrl: context.frame.creditor?.brand.logoUrl,
  };
};

/** Where a form sends the browser once it is done: the case, with the thank-you for what was done. */
export const afterForm = (frame: PortalFrame, done: string): PortalAnswer => ({
  status: 303,
  location: portalHref(frame, '', { done }),
});
