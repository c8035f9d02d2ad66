// Partner use cases on invoices: create or replace, read with balance and charges, record a payment made elsewhere.
import { allocatePayment } from '../domain/money';
import { invoiceBalance, invoiceStatus } from '../domain/invoice';
import { newId, stableId } from '../domain/ids';
import { ConflictError, NotFoundError, ValidationError } from '../errors/errors';
import type { InvoiceWithPayments } from '../ports/invoice-repository.port';
import type { CreditRepository } from '../ports/credit-repository.port';
import type { PaymentReceipt } from '../ports/webhook-events.port';
import type { Invoice, InvoiceResponse, Payment, PostPaymentBody, PutInvoiceBody } from '../schemas/invoice.schema';
import { addDays, localDate } from '../domain/calendar';
import { chargesInterest, invoiceInterest, principalMovements } from '../domain/invoice-interest';
import { choiceFacts, chooseStrategy } from '../domain/strategy';
import type { Strategy } from '../schemas/strategy.schema';
import type { Customer } from '../schemas/customer.schema';
import type { CoreDeps } from './ports';
import { listStrategies } from './strategies';
import { retryOnConflict } from './retry-on-conflict';
import { moneyMoved, type KnownPayer, type MoneyMovedDeps, type MoneyMovement } from './money-moved';

const maxDate = (a: string, b: string) => (a > b ? a : b);

/** The invoice as a partner reads it: facts plus what they add up to today (`interest` as of the customer's today). */
export const invoiceView = (
  { invoice, payments, refunds }: InvoiceWithPayments,
  { interest, asOf }: InterestToday,
): InvoiceResponse => ({
  id: invoice.id,
  customerId: invoice.customerId,
  amount: invoice.amount,
  currency: invoice.currency,
  issuedAt: invoice.issuedAt,
  dueDate: invoice.dueDate,
  ...(invoice.description === undefined ? {} : { description: invoice.description }),
  ...(invoice.strategyId === undefined ? {} : { strategyId: invoice.strategyId }),
  status: invoiceStatus(invoice, interest),
  paid: invoice.paidTotal,
  charges: { fees: invoice.feesTotal, interest },
  balance: invoiceBalance(invoice, interest),
  asOf,
  delinquencyId: invoice.delinquencyId,
  payments: [...payments].sort((a, b) => a.recordedAt.localeCompare(b.recordedAt) || a.id.localeCompare(b.id)),
  refunds: [...refunds].sort((a, b) => a.recordedAt.localeCompare(b.recordedAt) || a.id.localeCompare(b.id)),
  createdAt: invoice.createdAt,
  updatedAt: invoice.updatedAt,
  ...(invoice.updatedBy === undefined ? {} : { updatedBy: invoice.updatedBy }),
});

export interface InterestToday {
  interest: number;
  /** The customer's local date it is computed for. */
  asOf: string;
}

/** The interest rule of the strategy that applies to an invoice (read once per request). */
const interestRuleFor = async (
  deps: Pick<CoreDeps, 'clock' | 'strategies'>,
  tenantId: string,
  invoice: Invoice,
  customer: Customer,
): Promise<Strategy['interest']> => interestRuleAmong(await listStrategies(deps, tenantId), invoice, customer);

/** The interest rule of the strategy that applies to an invoice, among strategies already read. */
const interestRuleAmong = (
  strategies: readonly Strategy[],
  invoice: Invoice,
  customer: Pick<Customer, 'segment'>,
): Strategy['interest'] => chooseStrategy(strategies, choiceFacts(invoice, customer.segment)).strategy.interest;

/** Interest accrued on an invoice up to the customer's local today. */
const interestToday = (
  clock: CoreDeps['clock'],
  found: Pick<InvoiceWithPayments, 'invoice' | 'payments' | 'refunds'>,
  customer: Customer,
  rule: Strategy['interest'],
): InterestToday => {
  const asOf = localDate(clock.now(), customer.timeZone);
  const result = invoiceInterest({
    invoice: found.invoice,
    payments: principalMovements(found.payments, found.refunds),
    customer,
    interest: rule,
    asOf,
  });
  return { interest: result?.amount ?? 0, asOf };
};

const customerOf = async (
  deps: Pick<CoreDeps, 'customers'>,
  tenantId: string,
  customerId: string,
): Promise<Customer> => {
  const customer = await deps.customers.get(tenantId, customerId);
  if (!customer) throw new NotFoundError(`the invoice's customer ${customerId} no longer exists`);
  return customer;
};

export const putInvoice = async (
  deps: CoreDeps,
  tenantId: string,
  invoiceId: string,
  body: PutInvoiceBody,
  /** Who writes it ("api:<keyId>"), kept on the invoice for the audit trail. */
  actor?: string,
): Promise<{ invoice: InvoiceResponse; created: boolean }> => {
  const customer = await deps.customers.get(tenantId, body.customerId);
  if (!customer) {
    throw new ValidationError('the invoice names an unknown customer', [
      {
        path: 'customerId',
        message: `no customer ${body.customerId}: create it with PUT /v1/customers/{customerId} first`,
      },
    ]);
  }
  return retryOnConflict('the invoice', async () => {
    const existing = await deps.invoices.get(tenantId, invoiceId);
    const previous = existing?.invoice;
    if (previous && previous.currency !== body.currency && previous.paidTotal + previous.feesTotal > 0) {
      throw new ConflictError(
        `invoice ${invoiceId} already has payments or charges in ${previous.currency}; its currency cannot change`,
        'currency-locked',
      );
    }
    if (previous && previous.customerId !== body.customerId && previous.delinquencyId !== null) {
      throw new ConflictError(
        `invoice ${invoiceId} is in collection for customer ${previous.customerId}; it cannot move to another customer`,
        'customer-locked',
      );
    }
    const now = deps.clock.now().toISOString();
    const invoice: Invoice = {
      id: invoiceId,
      customerId: body.customerId,
      amount: body.amount,
      currency: body.currency,
      issuedAt: body.issuedAt,
      dueDate: body.dueDate,
      ...(body.description === undefined ? {} : { description: body.description }),
      ...(body.strategyId === undefined ? {} : { strategyId: body.strategyId }),
      voided: body.status === 'void',
      writtenOff: previous?.writtenOff ?? false,
      paidTotal: previous?.paidTotal ?? 0,
      feesTotal: previous?.feesTotal ?? 0,
      delinquencyId: previous?.delinquencyId ?? null,
      scanDate: maxDate(body.dueDate, addDays(localDate(deps.clock.now(), customer.timeZone), -1)),
      createdAt: previous?.createdAt ?? now,
      updatedAt: now,
      ...(actor ? { updatedBy: actor } : {}),
      version: (previous?.version ?? 0) + 1,
    };
    const saved = await deps.invoices.save(tenantId, invoice, previous?.version ?? null);
    if (!saved) return undefined;
    const stored = {
      invoice,
      payments: existing?.payments ?? [],
      charges: existing?.charges ?? [],
      refunds: existing?.refunds ?? [],
    };
    const interest = interestToday(
      deps.clock,
      stored,
      customer,
      await interestRuleFor(deps, tenantId, invoice, customer),
    );
    return { invoice: invoiceView(stored, interest), created: !previous };
  });
};

export const getInvoice = async (deps: CoreDeps, tenantId: string, invoiceId: string): Promise<InvoiceResponse> => {
  const found = await deps.invoices.get(tenantId, invoiceId);
  if (!found) throw new NotFoundError(`no invoice ${invoiceId}`);
  const customer = await customerOf(deps, tenantId, found.invoice.customerId);
  return invoiceView(
    found,
    interestToday(deps.clock, found, customer, await interestRuleFor(deps, tenantId, found.invoice, customer)),
  );
};

/** Several invoices of one customer as getInvoice answers them, reading the customer's strategies once, not per invoice. */
export const getCustomerInvoices = async (
  deps: CoreDeps,
  tenantId: string,
  customer: Customer,
  invoiceIds: readonly string[],
): Promise<InvoiceResponse[]> => {
  const strategies = await listStrategies(deps, tenantId);
  const views: InvoiceResponse[] = [];
  for (const invoiceId of invoiceIds) {
    const found = await deps.invoices.get(tenantId, invoiceId);
    if (!found) continue;
    const rule = interestRuleAmong(strategies, found.invoice, customer);
    views.push(invoiceView(found, interestToday(deps.clock, found, customer, rule)));
  }
  return views;
};

/**
 * What each of a customer's invoices owes today, from the invoices as listed: only one whose strategy charges interest is
 * read again with its payments, which the interest needs.
 */
export const balancesToday = async (
  deps: CoreDeps,
  tenantId: string,
  customer: Customer,
  invoices: readonly Invoice[],
): Promise<Pick<InvoiceResponse, 'balance' | 'currency' | 'dueDate'>[]> => {
  const strategies = await listStrategies(deps, tenantId);
  const balances: Pick<InvoiceResponse, 'balance' | 'currency' | 'dueDate'>[] = [];
  for (const listed of invoices) {
    const rule = interestRuleAmong(strategies, listed, customer);
    if (!chargesInterest(rule)) {
      balances.push({ balance: invoiceBalance(listed), currency: listed.currency, dueDate: listed.dueDate });
      continue;
    }
    const found = await deps.invoices.get(tenantId, listed.id);
    if (!found) continue;
    const { interest } = interestToday(deps.clock, found, customer, rule);
    balances.push({
      balance: invoiceBalance(found.invoice, interest),
      currency: found.invoice.currency,
      dueDate: found.invoice.dueDate,
    });
  }
  return balances;
};

/** Clock skew allowed between a partner's server and Arrears when a payment is dated "now". */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

export interface RecordedPayment {
  payment: Payment;
  /** Where the invoice stands after it. */
  invoice: Pick<InvoiceResponse, 'status' | 'balance'>;
  /** False when this exact payment (same idempotency key) had already been recorded. */
  created: boolean;
  /** What moved, for the follow-ups every path hands to moneyMoved. */
  movement: MoneyMovement;
  /** The customer (and its credit state) as read for this payment. */
  payer: KnownPayer;
  /** True when refunds were waiting on the provider payment's link: the caller applies them now. */
  refundsWaiting: boolean;
}

/** The payment id a payment recorded under an idempotency key gets: the same for every retry of it. */
export const stablePaymentId = (tenantId: string, invoiceId: string, idempotencyKey: string) =>
  stableId('pay', tenantId, invoiceId, idempotencyKey);

export interface RecordPaymentOptions {
  idempotencyKey?: string;
  source?: Payment['source'];
  actor?: string;
  /** A provider's payment: its link, with its event's record, is written in the payment's own transaction. */
  receipt?: Omit<PaymentReceipt, 'waitingKnown'>;
}

/**
 * Records a payment and does what money moving owes (the case woken, the credit hold reviewed, the money counted):
 * the use case of a single payment. Paths that move money in several steps apply them and call moneyMoved once.
 */
export const recordPayment = async (
  deps: MoneyMovedDeps,
  tenantId: string,
  invoiceId: string,
  body: PostPaymentBody,
  options: RecordPaymentOptions = {},
): Promise<RecordedPayment> => {
  const recorded = await applyInvoicePayment(deps, tenantId, invoiceId, body, options);
  await moneyMoved(deps, tenantId, [recorded.movement], recorded.payer);
  return recorded;
};

/**
 * Applies a payment under optimistic concurrency: the payment item and the invoice's new totals are written in one
 * transaction that fails if anyone else changed the invoice in between, so no concurrent payment is ever lost. The
 * follow-ups (wake, credit review, metrics) are the caller's, through moneyMoved.
 */
export const applyInvoicePayment = async (
  deps: CoreDeps & { credit?: Pick<CreditRepository, 'getWithCustomer'> },
  tenantId: string,
  invoiceId: string,
  body: PostPaymentBody,
  options: RecordPaymentOptions = {},
): Promise<RecordedPayment> => {
  const firstNow = deps.clock.now();
  // With an idempotency key the payment id is derived from it, so even a retry after a crash lands on the same item.
  const paymentId = options.idempotencyKey
    ? stablePaymentId(tenantId, invoiceId, options.idempotencyKey)
    : newId('pay', firstNow);
  let waitingKnown = false;
  let payer: KnownPayer | undefined;
  return retryOnConflict('the invoice balance', async () => {
    const strategies = await listStrategies(deps, tenantId);
    // Without an interest rule nothing needs the invoice's history: the invoice and this payment (if stored) suffice.
    const found = !strategies.some((strategy) => chargesInterest(strategy.interest))
      ? await deps.invoices
          .getForPayment(tenantId, invoiceId, paymentId)
          .then((lean) => lean && { invoice: lean.invoice, payments: lean.payment ? [lean.payment] : [], refunds: [] })
      : await deps.invoices.get(tenantId, invoiceId);
    if (!found) throw new NotFoundError(`no invoice ${invoiceId}`);
    const { invoice } = found;
    // The customer and its credit state in one read: interest needs the one, the credit review the other.
    if (payer?.customer?.id !== invoice.customerId) {
      payer = deps.credit
        ? await deps.credit.getWithCustomer(tenantId, invoice.customerId)
        : { customer: await deps.customers.get(tenantId, invoice.customerId) };
    }
    const customer = payer.customer;
    if (!customer) throw new NotFoundError(`the invoice's customer ${invoice.customerId} no longer exists`);
    const rule = interestRuleAmong(strategies, invoice, customer);
    const standing = (after: Invoice, payments: Payment[]) => {
      const { interest } = interestToday(
        deps.clock,
        { invoice: after, payments, refunds: found.refunds },
        customer,
        rule,
      );
      return { status: invoiceStatus(after, interest), balance: invoiceBalance(after, interest) };
    };
    const movement = (payment: Payment, fresh: boolean): MoneyMovement => ({
      invoiceId,
      customerId: invoice.customerId,
      dueDate: invoice.dueDate,
      direction: 'in',
      // A credit is not money in; a repeat counts nothing.
      recovered:
        fresh && payment.source !== 'adjustment' ? { amount: payment.appliedAmount, currency: payment.currency } : null,
      wake: fresh ? invoice.delinquencyId : null,
    });
    const repeat = (payment: Payment, standingNow: RecordedPayment['invoice']): RecordedPayment => ({
      payment,
      invoice: standingNow,
      created: false,
      movement: movement(payment, false),
      payer: payer!,
      refundsWaiting: false,
    });
    const already = found.payments.find((payment) => payment.id === paymentId);
    if (already) return repeat(already, standing(invoice, found.payments));
    const interest = interestToday(deps.clock, found, customer, rule);
    if (body.currency !== invoice.currency) {
      throw new ValidationError('the payment is in another currency than the invoice', [
        { path: 'currency', message: `must be the invoice's currency, ${invoice.currency}` },
      ]);
    }
    if (invoice.voided) throw new ConflictError(`invoice ${invoiceId} is void; it takes no payments`, 'invoice-void');
    const nowDate = deps.clock.now();
    if (body.paidAt !== undefined && Date.parse(body.paidAt) > nowDate.getTime() + FUTURE_TOLERANCE_MS) {
      throw new ValidationError('the payment is dated in the future', [
        { path: 'paidAt', message: 'must not be in the future: record a payment once the money has arrived' },
      ]);
    }
    const now = nowDate.toISOString();
    const { applied, unapplied } = allocatePayment(invoiceBalance(invoice, interest.interest), body.amount);
    const payment: Payment = {
      id: paymentId,
      invoiceId,
      customerId: invoice.customerId,
      amount: body.amount,
      currency: body.currency,
      paidAt: body.paidAt ?? now,
      recordedAt: now,
      reference: body.reference,
      source: options.source ?? 'api',
      recordedBy: options.actor ?? 'unknown',
      appliedAmount: applied,
      unappliedAmount: unapplied,
    };
    const updated: Invoice = {
      ...invoice,
      paidTotal: invoice.paidTotal + applied,
      updatedAt: now,
      version: invoice.version + 1,
    };
    const outcome = await deps.invoices.applyPayment(
      tenantId,
      updated,
      invoice.version,
      payment,
      options.receipt ? { ...options.receipt, waitingKnown } : undefined,
    );
    if (outcome === 'applied') {
      return {
        payment,
        invoice: standing(updated, [...found.payments, payment]),
        created: true,
        movement: movement(payment, true),
        payer,
        refundsWaiting: waitingKnown,
      };
    }
    if (outcome === 'refunds_waiting') {
      // The rare case: refunds arrived before this payment. Written again with them known; the caller applies them.
      waitingKnown = true;
      return undefined;
    }
    if (outcome === 'duplicate') {
      const existing = await deps.invoices.get(tenantId, invoiceId);
      const stored = existing?.payments.find((candidate) => candidate.id === paymentId);
      if (existing && stored) return repeat(stored, standing(existing.invoice, existing.payments));
    }
    return undefined;
  });
};
