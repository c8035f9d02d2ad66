// Scores a delinquency from the customer's whole history (earlier debts, promises, invoices paid on time, reachable
// channels, tenure) and ranks it for the work queue; called when a debt opens and whenever its execution re-reads facts.
import { daysBetween, localDate } from '../domain/calendar';
import { creditPosition } from '../domain/credit';
import { inBaseCurrency } from '../domain/exchange-rates';
import { invoiceBalance, invoiceStatus, isCollectible } from '../domain/invoice';
import { computeScore, DEFAULT_SCORE_MODEL, workPriority } from '../domain/score';
import type { DelinquencyListings } from '../ports/delinquency-repository.port';
import type { Customer, OptOut } from '../schemas/customer.schema';
import type { Delinquency } from '../schemas/delinquency.schema';
import type { Invoice } from '../schemas/invoice.schema';
import { packInputs, unpackInputs, type Score, type ScoreInputs } from '../schemas/score.schema';
import type { Tenant } from '../schemas/tenant.schema';
import type { EngineDeps } from './engine-deps';
import { isOptedOut } from './send-reminder';

/** An earlier debt paid within this many days of opening counts as a response to the reminders. */
const RESPONDED_WITHIN_DAYS = 14;

export interface ScoringFacts {
  tenant: Tenant;
  customer: Customer;
  optOuts: OptOut[];
  delinquency: Pick<Delinquency, 'id' | 'nextActionAt' | 'score' | 'priority'>;
  invoice: Pick<Invoice, 'id' | 'dueDate' | 'currency'>;
  balance: number;
  /** The case as stored, when the caller read it: the customer's history takes it instead of reading it again. */
  storedCase?: Delinquency;
}

const median = (values: number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

export const scoreInputs = (
  facts: ScoringFacts,
  history: { delinquencies: Delinquency[]; invoices: Invoice[] },
  now: Date,
): ScoreInputs => {
  const today = localDate(now, facts.customer.timeZone);
  const earlier = history.delinquencies.filter((other) => other.id !== facts.delinquency.id);
  const closed = earlier.filter((other) => other.closedAt !== null);
  const settled = history.invoices.filter(
    (invoice) => invoice.id !== facts.invoice.id && invoiceStatus(invoice) === 'paid',
  );
  const usual = median(
    history.invoices.filter((invoice) => invoice.currency === facts.invoice.currency).map((invoice) => invoice.amount),
  );
  const firstIssued = history.invoices.reduce(
    (first, invoice) => (invoice.issuedAt < first ? invoice.issuedAt : first),
    today,
  );
  const { email, phone } = facts.customer;
  const reachableChannels =
    (email && !isOptedOut(facts.optOuts, 'email', email) ? 1 : 0) +
    (phone && !isOptedOut(facts.optOuts, 'sms', phone) ? 1 : 0);
  return {
    daysPastDue: Math.max(0, daysBetween(facts.invoice.dueDate, today)),
    amountRatio: usual ? Math.round((facts.balance / usual) * 100) / 100 : 1,
    priorDelinquencies: earlier.length,
    priorBadEndings: earlier.filter((other) => other.status === 'handed_off' || other.status === 'written_off').length,
    brokenPromises: history.delinquencies.reduce((sum, other) => sum + other.brokenPromises, 0),
    onTimeShare:
      settled.length === 0 ? null : settled.filter((invoice) => invoice.delinquencyId === null).length / settled.length,
    respondedShare:
      closed.length === 0
        ? null
        : closed.filter(
            (other) =>
              other.status === 'resolved' &&
              Date.parse(other.closedAt!) - Date.parse(other.openedAt) <= RESPONDED_WITHIN_DAYS * 86_400_000,
          ).length / closed.length,
    reachableChannels,
    bounced: facts.optOuts.some((optOut) => optOut.reason === 'bounce' || optOut.reason === 'complaint'),
    tenureYears: Math.round((Math.max(0, daysBetween(firstIssued, today)) / 365) * 100) / 100,
  };
};

/**
 * Steps of priority (100 a decade of weighted expected recovery) per stored bucket: a tenth of a decade (about 26 %). The queue's
 * two index keys carry the priority, so a pass that re-scores a case (a day older, a step nearer) rewrites them only
 * when its worth moved to another bucket; cases in one bucket are listed in id order.
 */
export const PRIORITY_BUCKET = 10;

/**
 * The stored priority: the bottom of its bucket. A case already ranked keeps its bucket while its priority stays within
 * half a bucket of it, so one that sits on a boundary (a step coming near and passing, day after day) does not cross it
 * back and forth.
 */
export const bucketPriority = (priority: number, stored: number | null = null): number =>
  stored !== null && priority >= stored - PRIORITY_BUCKET / 2 && priority < stored + PRIORITY_BUCKET * 1.5
    ? stored
    : priority - (priority % PRIORITY_BUCKET);

export interface Scoring {
  score: Score;
  priority: number;
  balance: number;
}

/** The score, priority and balance a delinquency should carry now. */
export const scoreDelinquency = async (
  deps: Pick<EngineDeps, 'invoices' | 'clock'> & { delinquencies: DelinquencyListings },
  facts: ScoringFacts,
): Promise<Scoring> => {
  const now = deps.clock.now();
  const [delinquencies, invoices] = await Promise.all([
    deps.delinquencies.listByCustomer(facts.tenant.id, facts.customer.id, facts.storedCase ? [facts.storedCase] : []),
    deps.invoices.listByCustomer(facts.tenant.id, facts.customer.id),
  ]);
  const inputs = scoreInputs(facts, { delinquencies, invoices }, now);
  const model = facts.tenant.scoreModel ?? DEFAULT_SCORE_MODEL;
  const result = computeScore(inputs, model);
  const nextAt = facts.delinquency.nextActionAt ? Date.parse(facts.delinquency.nextActionAt) : null;
  // Ranked by worth in the tenant's base currency, so a krone and a pound compare; a currency no table quotes ranks
  // by its own minor units.
  const worth = inBaseCurrency(
    facts.tenant,
    facts.balance,
    facts.invoice.currency,
    localDate(now, facts.tenant.timeZone),
  );
  const priority = workPriority({
    balance: worth?.amount ?? facts.balance,
    score: result.value,
    daysPastDue: inputs.daysPastDue,
    daysToNextStep: nextAt === null ? null : Math.max(0, (nextAt - now.getTime()) / 86_400_000),
    limitShareInArrears: creditPosition({
      limit: facts.customer.creditLimit ?? null,
      openInvoices: invoices
        .filter(isCollectible)
        .map((invoice) => ({ balance: invoiceBalance(invoice), currency: invoice.currency, dueDate: invoice.dueDate })),
      unbilled: null,
      today: localDate(now, facts.customer.timeZone),
      holdDaysPastDue: facts.tenant.creditHoldDaysPastDue,
    }).limitShareInArrears,
  });
  return {
    score: {
      value: result.value,
      band: result.band,
      inputs: packInputs(inputs),
      model: model.id,
      computedAt: now.toISOString(),
    },
    priority: bucketPriority(priority, facts.delinquency.score === null ? null : facts.delinquency.priority),
    balance: facts.balance,
  };
};

/** A stored score as people read it: the value and band it was given, and its reasons in words from its inputs. */
export const scoreView = (score: Score | null, tenant: Pick<Tenant, 'scoreModel'> | null) =>
  score
    ? {
        value: score.value,
        band: score.band,
        reasons: computeScore(unpackInputs(score.inputs), tenant?.scoreModel ?? DEFAULT_SCORE_MODEL).reasons,
      }
    : null;
