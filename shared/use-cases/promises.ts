// Promises to pay: made through the API, they pause the ladder until their date plus the tenant's grace days; a
// reminder goes out the day before; payments decide whether each was kept, partly kept or broken.
import { addDays, localDate } from '../domain/calendar';
import { newId } from '../domain/ids';
import { ConflictError, NotFoundError, ValidationError } from '../errors/errors';
import type { DelinquencyPromises, DelinquencyRecords } from '../ports/delinquency-repository.port';
import type { TenantDirectory } from '../ports/tenant-directory.port';
import type { TimelineEntry } from '../schemas/delinquency.schema';
import type { PaymentPromise, PostPromiseBody } from '../schemas/promise.schema';
import { getInvoice } from './invoices';
import type { CoreDeps } from './ports';
import { retryOnConflict } from './retry-on-conflict';

/** How far ahead a promise may reach: further out is a payment plan, not a promise. */
export const MAX_PROMISE_DAYS = 60;

export interface PromiseDeps extends CoreDeps {
  delinquencies: DelinquencyRecords & DelinquencyPromises;
  tenants: TenantDirectory;
}

export const makePromise = async (
  deps: PromiseDeps,
  tenantId: string,
  delinquencyId: string,
  body: PostPromiseBody,
  actor: string,
): Promise<PaymentPromise> => {
  const promise = await retryOnConflict('the delinquency', async () => {
    const delinquency = await deps.delinquencies.get(tenantId, delinquencyId);
    if (!delinquency) throw new NotFoundError(`no delinquency ${delinquencyId}`);
    if (delinquency.status === 'promised') {
      throw new ConflictError(
        'a promise is already open on this delinquency; it is decided by its date',
        'promise-open',
        { promiseId: delinquency.activePromiseId },
      );
    }
    if (delinquency.status !== 'active') {
      throw new ConflictError(
        `the delinquency is ${delinquency.status}; only an active one takes a promise`,
        'delinquency-not-active',
        { delinquencyStatus: delinquency.status },
      );
    }
    const [invoice, customer, tenant] = await Promise.all([
      getInvoice(deps, tenantId, delinquency.invoiceId),
      deps.customers.get(tenantId, delinquency.customerId),
      deps.tenants.getTenant(tenantId),
    ]);
    const today = localDate(deps.clock.now(), customer?.timeZone ?? 'UTC');
    const issues = [];
    if (body.amount > invoice.balance)
      issues.push({ path: 'amount', message: `must not exceed the balance, ${invoice.balance}` });
    if (body.date < today)
      issues.push({ path: 'date', message: `must not be before today (${today} for the customer)` });
    if (body.date > addDays(today, MAX_PROMISE_DAYS))
      issues.push({
        path: 'date',
        message: `must be within ${MAX_PROMISE_DAYS} days; agree a payment plan for longer`,
      });
    if (issues.length > 0) throw new ValidationError('the promise cannot be taken as given', issues);
    const now = deps.clock.now().toISOString();
    const made: PaymentPromise = {
      id: newId('prm', deps.clock.now()),
      delinquencyId,
      invoiceId: delinquency.invoiceId,
      customerId: delinquency.customerId,
      amount: body.amount,
      currency: invoice.currency,
      date: body.date,
      holdsUntil: addDays(body.date, tenant?.promiseGraceDays ?? 0),
      status: 'open',
      paidBefore: invoice.paid,
      paidTowards: null,
      createdAt: now,
      createdBy: actor,
      decidedAt: null,
    };
    const entry: TimelineEntry = {
      id: newId('tl', deps.clock.now()),
      at: now,
      kind: 'promise.made',
      actor,
      detail: `promised ${body.amount} ${invoice.currency} by ${body.date}: reminders pause until ${made.holdsUntil}`,
      rule: 'promise.pause',
      data: { promiseId: made.id, amount: body.amount, date: body.date },
    };
    const updated = {
      ...delinquency,
      status: 'promised' as const,
      activePromiseId: made.id,
      version: delinquency.version + 1,
    };
    return (await deps.delinquencies.saveWithPromise(tenantId, updated, delinquency.version, [entry], made, true))
      ? made
      : undefined;
  });
  // The execution waiting for the next step wakes and re-plans around the promise.
  await deps.factsChanged.notify(tenantId, delinquencyId);
  return promise;
};

export type PromiseDecision = Pick<PaymentPromise, 'paidTowards'> & {
  status: Exclude<PaymentPromise['status'], 'open'>;
};

/** Kept once the promised amount is in (even early); otherwise decided after its last day: partly kept or broken. */
export const decidePromise = (promise: PaymentPromise, paidTotal: number, today: string): PromiseDecision | null => {
  const paidTowards = Math.max(0, paidTotal - promise.paidBefore);
  if (paidTowards >= promise.amount) return { status: 'kept', paidTowards };
  if (today <= promise.holdsUntil) return null;
  return { status: paidTowards > 0 ? 'partially_kept' : 'broken', paidTowards };
};
