// Credit control: a customer's limit, exposure and hold. Reviewed whenever what it depends on changes (an invoice, a
// payment, the limit, the partner's unbilled report, a debt passing the tenant's days-past-due threshold); a change of
// hold is published as an integration event the partner's ERP uses to stop or resume new orders.
import { daysBetween, localDate } from '../domain/calendar';
import { creditPosition, type CreditPosition } from '../domain/credit';
import { isCollectible } from '../domain/invoice';
import { NotFoundError } from '../errors/errors';
import type { CreditRepository } from '../ports/credit-repository.port';
import type { EventPublisher } from '../ports/event-publisher.port';
import type { TenantDirectory } from '../ports/tenant-directory.port';
import type { CreditState, CreditView, PutUnbilledBody } from '../schemas/credit.schema';
import type { Customer } from '../schemas/customer.schema';
import { defaultTenantSettings } from '../schemas/tenant.schema';
import { balancesToday } from './invoices';
import type { CoreDeps } from './ports';
import { retryOnConflict } from './retry-on-conflict';

export interface CreditDeps extends CoreDeps {
  credit: CreditRepository;
  events: EventPublisher;
  tenants: TenantDirectory;
}

const emptyState = (customerId: string): CreditState => ({
  customerId,
  unbilled: null,
  onHold: false,
  reasons: [],
  since: null,
  version: 0,
});

const holdThreshold = async (deps: CreditDeps, tenantId: string) =>
  (await deps.tenants.getTenant(tenantId))?.creditHoldDaysPastDue ?? defaultTenantSettings.creditHoldDaysPastDue;

const positionOf = async (
  deps: CreditDeps,
  tenantId: string,
  customer: Customer,
  state: CreditState,
  holdDaysPastDue: number,
): Promise<CreditPosition> => {
  // Read as the last write left them: a review follows the payment or invoice that called for it.
  const invoices = await deps.invoices.listByCustomer(tenantId, customer.id, { consistent: true });
  return creditPosition({
    limit: customer.creditLimit ?? null,
    openInvoices: await balancesToday(deps, tenantId, customer, invoices.filter(isCollectible)),
    unbilled: state.unbilled,
    today: localDate(deps.clock.now(), customer.timeZone),
    holdDaysPastDue,
  });
};

const view = (customerId: string, position: CreditPosition, state: CreditState): CreditView => ({
  customerId,
  currency: position.currency,
  limit: position.limit,
  openBalance: position.openBalance,
  unbilled: position.unbilled,
  exposure: position.exposure,
  available: position.available,
  pastDueBalance: position.pastDueBalance,
  maxDaysPastDue: position.maxDaysPastDue,
  hold: { onHold: state.onHold, reasons: state.reasons, since: state.since },
});

const customerOrThrow = async (deps: CreditDeps, tenantId: string, customerId: string) => {
  const customer = await deps.customers.get(tenantId, customerId);
  if (!customer) throw new NotFoundError(`no customer ${customerId}`);
  return customer;
};

/**
 * Re-decides the hold from the facts and stores it; publishes customer.credit_hold or customer.credit_released when
 * the hold starts or ends. Skipped cheaply for customers credit control does not concern (no limit, not on hold, and
 * nothing past the threshold by the caller's reckoning). A caller that has the tenant passes its threshold.
 */
export const reviewCredit = async (
  deps: CreditDeps,
  tenantId: string,
  customer: Customer,
  { daysPastDueHint = 0, holdDaysPastDue }: { daysPastDueHint?: number; holdDaysPastDue?: number } = {},
): Promise<CreditView | null> => {
  const threshold = holdDaysPastDue ?? (await holdThreshold(deps, tenantId));
  return retryOnConflict('the credit state', async () => {
    const stored = await deps.credit.get(tenantId, customer.id);
    const state = stored ?? emptyState(customer.id);
    if (!customer.creditLimit && !state.onHold && daysPastDueHint < threshold) return null;
    const position = await positionOf(deps, tenantId, customer, state, threshold);
    const onHold = position.reasons.length > 0;
    const unchanged = onHold === state.onHold && position.reasons.join() === state.reasons.join();
    if (unchanged) return view(customer.id, position, state);
    const now = deps.clock.now().toISOString();
    const next: CreditState = {
      ...state,
      onHold,
      reasons: position.reasons,
      since: onHold === state.onHold ? state.since : now,
      version: state.version + 1,
    };
    // Published before the new state is stored: if the bus refuses, nothing is stored and the caller's retry decides
    // and publishes again; if the store then loses a race, the retry may announce it twice (events are at least once).
    if (onHold !== state.onHold) {
      const detail = {
        tenantId,
        customerId: customer.id,
        reasons: position.reasons,
        currency: position.currency,
        limit: position.limit,
        exposure: position.exposure,
        maxDaysPastDue: position.maxDaysPastDue,
        at: now,
      };
      await deps.events.publish([
        onHold ? { detailType: 'customer.credit_hold', detail } : { detailType: 'customer.credit_released', detail },
      ]);
    }
    if (!(await deps.credit.save(tenantId, next, stored ? stored.version : null))) return undefined;
    return view(customer.id, position, next);
  });
};

/** Reviews the customer of an invoice or payment; `dueDate` tells whether that invoice alone may pass the threshold. */
export const reviewCreditOf = async (
  deps: CreditDeps,
  tenantId: string,
  customerId: string,
  dueDate: string | null,
): Promise<void> => {
  const customer = await deps.customers.get(tenantId, customerId);
  if (!customer) return;
  const hint = dueDate === null ? 0 : daysBetween(dueDate, localDate(deps.clock.now(), customer.timeZone));
  await reviewCredit(deps, tenantId, customer, { daysPastDueHint: hint });
};

/** GET /v1/customers/{id}/credit: the position now, and the hold as last decided. */
export const getCredit = async (deps: CreditDeps, tenantId: string, customerId: string): Promise<CreditView> => {
  const customer = await customerOrThrow(deps, tenantId, customerId);
  const state = (await deps.credit.get(tenantId, customerId)) ?? emptyState(customerId);
  return view(
    customerId,
    await positionOf(deps, tenantId, customer, state, await holdThreshold(deps, tenantId)),
    state,
  );
};

/** The partner reports what it has delivered or booked but not invoiced yet; the hold is reviewed at once. */
export const putUnbilled = async (
  deps: CreditDeps,
  tenantId: string,
  customerId: string,
  body: PutUnbilledBody,
): Promise<CreditView> => {
  const customer = await customerOrThrow(deps, tenantId, customerId);
  await retryOnConflict('the credit state', async () => {
    const stored = await deps.credit.get(tenantId, customerId);
    const state = stored ?? emptyState(customerId);
    const next = {
      ...state,
      unbilled: { ...body, reportedAt: deps.clock.now().toISOString() },
      version: state.version + 1,
    };
    return (await deps.credit.save(tenantId, next, stored ? stored.version : null)) ? true : undefined;
  });
  await reviewCredit(deps, tenantId, customer);
  return getCredit(deps, tenantId, customerId);
};
