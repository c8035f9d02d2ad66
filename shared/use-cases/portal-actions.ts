// What the customer posts from the portal: a card payment, a promise, a plan, a dispute, a stopped channel. Each goes
// through the same use case a collector's request does (so the engine follows as it always does), records the
// customer as the actor, and answers 303 back to the case; a refusal answers the case page in the page's language.
import { addDays } from '../domain/calendar';
import { newId } from '../domain/ids';
import { formatMoney, minorUnitDigits } from '../domain/money';
import { longDate, money, portalHref } from '../domain/portal/layout';
import { DISPUTE_CATEGORIES, DISPUTE_TEXT_MAX, type DisputeCategory } from '../domain/portal/pages';
import { say, type PortalWordKey } from '../domain/portal/words';
import { previewPlan } from '../domain/self-service-plan';
import { ArrearsError, ConflictError } from '../errors/errors';
import { CalendarDateSchema } from '../schemas/common.schema';
import type { TimelineEntry } from '../schemas/delinquency.schema';
import { addOptOut } from './customers';
import { openDispute } from './disputes';
import { makePlan } from './plans';
import { makePromise, MAX_PROMISE_DAYS } from './promises';
import { afterForm, caseInvoice, caseStatusOf, casePage, planRefusal } from './portal';
import {
  openPortal,
  PORTAL_ACTOR,
  portalSettings,
  type PortalAnswer,
  type PortalContext,
  type PortalDeps,
} from './portal-context';

export type PortalAction = 'pay' | 'promise' | 'plan' | 'dispute' | 'preferences';

/** A refusal the portal words itself: the key of its text, the values it names, and the HTTP status it answers. */
class PortalRefusal extends Error {
  constructor(
    readonly text: string,
    readonly status: 400 | 409 = 400,
    /** The checkout has no card payment for this tenant: the page answered offers none. */
    readonly noCard = false,
  ) {
    super(text);
  }
}

const refuse = (
  context: PortalContext,
  key: PortalWordKey,
  values: Record<string, string> = {},
  status: 400 | 409 = 400,
) => new PortalRefusal(say(context.frame.locale, key, { name: context.tenant.name, ...values }), status);

/** The deeper use cases' refusals, by code, in the customer's words (their English never reaches the page). */
const KNOWN_CONFLICTS: Record<string, PortalWordKey> = {
  'promise-open': 'refuse.promise-open',
  'plan-active': 'refuse.plan-active',
  'dispute-open': 'refuse.dispute-open',
  'delinquency-not-active': 'refuse.not-active',
  'delinquency-closed': 'refuse.not-active',
};

const asRefusal = (context: PortalContext, error: unknown): PortalRefusal => {
  if (error instanceof PortalRefusal) return error;
  if (!(error instanceof ArrearsError) || error.kind === 'domain' || error.kind === 'integration') throw error;
  if (error instanceof ConflictError) {
    const key = KNOWN_CONFLICTS[error.code];
    return refuse(context, key ?? 'refuse.busy', {}, 409);
  }
  return refuse(context, 'refuse.not-active');
};

/** "125.50", "125,50" or "1 250" as typed, in minor units of the currency; null when it is not an amount. */
export const parseTypedAmount = (typed: string, currency: string): number | null => {
  const digits = minorUnitDigits(currency);
  const clean = typed.trim().replace(/[\s\u00a0\u202f']/g, '');
  const match = /^(\d{1,15})(?:[.,](\d+))?$/.exec(clean);
  if (!match) return null;
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return null;
  return Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
};

const timeline = async (
  deps: PortalDeps,
  context: PortalContext,
  entry: Omit<TimelineEntry, 'id' | 'at' | 'actor'>,
) => {
  if (!context.delinquency) return;
  const now = deps.clock.now();
  await deps.delinquencies.appendTimeline(context.tenant.id, context.delinquency.id, [
    { id: newId('tl', now), at: now.toISOString(), actor: PORTAL_ACTOR, ...entry },
  ]);
};

const activeCase = (context: PortalContext): string => {
  if (!context.delinquency) throw refuse(context, 'refuse.no-case');
  return context.delinquency.id;
};

const pay = async (deps: PortalDeps, context: PortalContext, form: URLSearchParams, origin: string) => {
  const delinquencyId = activeCase(context);
  const owed = context.open.reduce((sum, invoice) => sum + invoice.balance, 0);
  const bounds = { min: money(context.frame, 1, context.currency), max: money(context.frame, owed, context.currency) };
  if (owed <= 0 || caseStatusOf(context) === 'closed') throw refuse(context, 'refuse.not-active');
  const amount = parseTypedAmount(form.get('amount') ?? '', context.currency);
  if (amount === null || amount < 1 || amount > owed) throw refuse(context, 'refuse.amount', bounds);
  const receipt = portalHref(context.frame, '/receipt');
  const session = await deps.cardCheckout.createSession({
    tenantId: context.tenant.id,
    delinquencyId,
    customerId: context.customer.id,
    amount,
    currency: context.currency,
    description: `${context.frame.creditor?.name ?? context.tenant.name}: ${context.open.map((invoice) => invoice.id).join(', ')}`,
    locale: context.frame.locale,
    // Stripe fills in {CHECKOUT_SESSION_ID}; its braces must reach it unescaped.
    successUrl: `${origin}${receipt}${receipt.includes('?') ? '&' : '?'}session={CHECKOUT_SESSION_ID}`,
    cancelUrl: `${origin}${portalHref(context.frame, '', { done: 'cancelled' })}`,
    ...(context.customer.email ? { customerEmail: context.customer.email } : {}),
  });
  if (!session) throw new PortalRefusal(say(context.frame.locale, 'refuse.no-card'), 400, true);
  await timeline(deps, context, {
    kind: 'payment.checkout_started',
    detail: `the customer started a card payment of ${formatMoney(amount, context.currency)} from the portal; it counts once the provider reports it paid`,
    data: { sessionId: session.id, amount },
  });
  return { status: 303 as const, location: session.url };
};

const promise = async (deps: PortalDeps, context: PortalContext, form: URLSearchParams) => {
  const delinquencyId = activeCase(context);
  const latest = addDays(context.today, MAX_PROMISE_DAYS);
  const date = CalendarDateSchema.safeParse(form.get('date'));
  if (!date.success || date.data < context.today || date.data > latest)
    throw refuse(context, 'refuse.date', {
      earliest: longDate(context.frame, context.today),
      latest: longDate(context.frame, latest),
    });
  const own = caseInvoice(context);
  await makePromise(
    deps,
    context.tenant.id,
    delinquencyId,
    { amount: own?.balance ?? 0, date: date.data },
    PORTAL_ACTOR,
  );
  return afterForm(context.frame, 'promise');
};

const plan = async (deps: PortalDeps, context: PortalContext, form: URLSearchParams) => {
  const delinquencyId = activeCase(context);
  const own = caseInvoice(context);
  const balance = own && own.status === 'open' ? own.balance : 0;
  const rules = caseStatusOf(context) === 'active' ? portalSettings(context.tenant).selfServicePlans : undefined;
  const preview = previewPlan(balance, Number(form.get('installments') ?? ''), context.today, rules);
  if (preview.outcome !== 'ok') {
    // A case that is already promised or in a plan says so, rather than "no plan here".
    const busy = context.delinquency?.status;
    if (busy === 'promised' || busy === 'in_plan' || busy === 'disputed')
      throw refuse(
        context,
        busy === 'promised' ? 'refuse.promise-open' : busy === 'in_plan' ? 'refuse.plan-active' : 'refuse.dispute-open',
        {},
        409,
      );
    throw new PortalRefusal(planRefusal(context, preview.reason, preview.most));
  }
  await makePlan(deps, context.tenant.id, delinquencyId, { installments: preview.installments }, PORTAL_ACTOR);
  return afterForm(context.frame, 'plan');
};

const dispute = async (deps: PortalDeps, context: PortalContext, form: URLSearchParams) => {
  const invoice = context.open.find((candidate) => candidate.id === form.get('invoiceId'));
  if (!invoice?.delinquencyId) throw refuse(context, 'refuse.invoice');
  const category = form.get('category') ?? '';
  if (!(DISPUTE_CATEGORIES as readonly string[]).includes(category)) throw refuse(context, 'refuse.category');
  const text = (form.get('text') ?? '').trim();
  if (text.length === 0 || text.length > DISPUTE_TEXT_MAX)
    throw refuse(context, 'refuse.text', { max: String(DISPUTE_TEXT_MAX) });
  await openDispute(deps, context.tenant.id, invoice.delinquencyId, {
    reason: text,
    category: category as DisputeCategory,
    source: 'api',
    providerDisputeId: null,
    amount: null,
    actor: PORTAL_ACTOR,
    refuseWhileOpen: true,
  });
  return afterForm(context.frame, 'dispute');
};

const preferences = async (deps: PortalDeps, context: PortalContext, form: URLSearchParams) => {
  const channels = (['email', 'sms'] as const).filter((channel) => form.get(channel) !== null);
  const reachable = channels.filter((channel) =>
    channel === 'email' ? context.customer.email : context.customer.phone,
  );
  if (reachable.length === 0) throw refuse(context, 'refuse.prefs');
  for (const channel of reachable) {
    const { created } = await addOptOut(deps, context.tenant.id, context.customer.id, { channel });
    if (created)
      await timeline(deps, context, {
        kind: 'customer.opted_out',
        channel,
        detail: `the customer stopped ${channel === 'email' ? 'email' : 'text messages'} from the portal; no more reminders go there`,
        rule: 'opt-out',
      });
  }
  return afterForm(context.frame, 'preferences');
};

/** The fields a refusal gives back to the form, so the customer need not type them again. */
const TYPED_FIELDS = ['amount', 'date', 'installments', 'invoiceId', 'category', 'text'];

export const portalAction = async (
  deps: PortalDeps,
  token: string,
  action: PortalAction,
  form: URLSearchParams,
  query: { lang?: string | undefined },
  /** Scheme and host the customer reached us on: where Checkout sends them back to. */
  origin: string,
): Promise<PortalAnswer> => {
  const opened = await openPortal(deps, token, query.lang);
  if ('answer' in opened) return opened.answer;
  const { context } = opened;
  try {
    if (action === 'pay') return await pay(deps, context, form, origin);
    if (action === 'promise') return await promise(deps, context, form);
    if (action === 'plan') return await plan(deps, context, form);
    if (action === 'dispute') return await dispute(deps, context, form);
    return await preferences(deps, context, form);
  } catch (error) {
    const refusal = asRefusal(context, error);
    const typed = Object.fromEntries(
      TYPED_FIELDS.flatMap((field) => {
        const value = form.get(field);
        return value === null ? [] : [[field, value.slice(0, DISPUTE_TEXT_MAX)]];
      }),
    );
    // The page is read again: a refusal after a partial change (none today) would still show the truth.
    const reopened = await openPortal(deps, token, query.lang);
    if ('answer' in reopened) return reopened.answer;
    return casePage(
      deps,
      reopened.context,
      { kind: 'refused', text: refusal.text },
      typed,
      refusal.status,
      refusal.noCard,
    );
  }
};
