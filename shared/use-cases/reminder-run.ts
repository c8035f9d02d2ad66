// The hourly run: sends pre-due reminders, opens a delinquency for each invoice that fell overdue in its customer's zone,
// and starts its execution; it also restarts open cases whose execution ended early (execution-restarts.ts). It reads the
// sharded due-date index page by page, a range of consecutive dates per query (never a scan), and running it twice,
// or again after it stopped halfway, sends and opens nothing twice.
import { randomUUID } from 'node:crypto';
import { addDays, localDate } from '../domain/calendar';
import { stepContactDecision } from '../domain/step-timing';
import { newId, stableId } from '../domain/ids';
import { invoiceBalance, isCollectible } from '../domain/invoice';
import { isPreDue, ladderPosition, scheduleSteps } from '../domain/ladder';
import { runQuietUntil } from '../domain/run-quiet';
import { choiceFacts, chooseStrategy } from '../domain/strategy';
import type { ExecutionStarter } from '../ports/executions.port';
import type { DateRange } from '../ports/invoice-repository.port';
import type { StepClaim } from '../ports/delinquency-repository.port';
import type { RestartMarkers } from '../ports/restart-markers.port';
import type { CurrentExecutions } from '../ports/current-executions.port';
import { metricsOf } from '../ports/metrics.port';
import type { Customer, OptOut } from '../schemas/customer.schema';
import { CLOSED_STATUSES, type Delinquency } from '../schemas/delinquency.schema';
import type { Invoice } from '../schemas/invoice.schema';
import type { Strategy } from '../schemas/strategy.schema';
import type { Tenant } from '../schemas/tenant.schema';
import type { EngineDeps } from './engine-deps';
import { sendReminder, type ClaimStore } from './send-reminder';
import { listStrategies } from './strategies';
import { autoAssign } from './assignment';
import { scoreDelinquency } from './scoring';
import type { ReportStore } from '../ports/report-store.port';
import { logger } from '../observability/logger';
import { snapshotReports } from './reports';
import { publishOrPark } from './publish-or-park';
import type { IntegrationEvent } from '../../events/catalog';
import { startInChain } from './execution-chain';
import { restartEndedExecutions } from './execution-restarts';

/** How many days of missed runs a run catches up on (invoices leave the index once in collection, so this stays cheap). */
export const RUN_LOOKBACK_DAYS = 2;

export interface RunDeps extends EngineDeps {
  executions: ExecutionStarter;
  preDueClaims: (tenantId: string, invoiceId: string) => ClaimStore & { done(): Promise<Set<string>> };
  /** Report counters: the run folds each tenant's closed days into a daily snapshot. */
  reports: ReportStore;
  /** Open cases whose execution failed, timed out or was aborted: the run restarts them. */
  restartMarkers: RestartMarkers;
  /** The execution escalating each case (recorded by the execution itself), which restarts continue after. */
  currentExecutions: CurrentExecutions;
}

export interface RunTotals {
  tenants: number;
  invoicesRead: number;
  remindersSent: number;
  delinquenciesOpened: number;
  executionsStarted: number;
  /** Open cases whose execution had ended early, started again under the next name of their chain. */
  executionsRestarted: number;
  /** Invoices whose handling failed (left in the index for the next run). */
  invoicesFailed: number;
  /** Executions whose start failed past its retries: their invoices wait in the run's index for the next turn. */
  startsDeferred: number;
  /** False when the turn stopped before the end (its time was up): a continuation picks up the rest. */
  complete: boolean;
}

/** Invoices one run handles at once, unless the deployment says otherwise (RUN_CONCURRENCY). */
export const DEFAULT_RUN_CONCURRENCY = 32;

/** The UTC dates whose invoices can need something now: overdue ones of the last days, and those pre-due steps reach. */
export const datesToScan = (now: Date, strategies: readonly Strategy[]): string[] => {
  const today = now.toISOString().slice(0, 10);
  const dates = new Set<string>();
  // An invoice due D is overdue once the local date passes D, and local dates are within a day of UTC's: D <= today.
  // Looking back a few days catches up on runs that were missed.
  for (let day = -1 - RUN_LOOKBACK_DAYS; day <= 0; day += 1) dates.add(addDays(today, day));
  // A pre-due step k days before D fires on the local date D + k, which is UTC's today give or take a day.
  const preDueOffsets = new Set(
    strategies.flatMap((strategy) => strategy.steps.filter(isPreDue).map((step) => step.offsetDays)),
  );
  for (const offset of preDueOffsets) {
    for (let day = -1; day <= 1; day += 1) dates.add(addDays(today, day - offset));
  }
  return [...dates].sort();
};

/** Sorted dates gathered into runs of consecutive days. */
export const consecutiveRanges = (dates: readonly string[]): DateRange[] => {
  const ranges: DateRange[] = [];
  for (const date of dates) {
    const last = ranges.at(-1);
    if (last && addDays(last.to, 1) === date) last.to = date;
    else ranges.push({ from: date, to: date });
  }
  return ranges;
};

/**
 * Days between two ranges that one query reads through rather than querying the ranges apart: the index holds keys,
 * so a few days of them cost less than another query a shard every hour. A pre-due step weeks before the due date
 * keeps its own query, not a month of keys read through.
 */
export const READ_THROUGH_DAYS = 3;

/** Ranges (sorted) gathered into the spans one query a shard reads: ranges at most READ_THROUGH_DAYS apart share one. */
export const querySpans = (ranges: readonly DateRange[]): DateRange[][] => {
  const spans: DateRange[][] = [];
  for (const range of ranges) {
    const span = spans.at(-1);
    if (span && addDays(span.at(-1)!.to, READ_THROUGH_DAYS + 1) >= range.from) span.push(range);
    else spans.push([range]);
  }
  return spans;
};

export const openDelinquency = async (
  deps: EngineDeps,
  tenant: Tenant,
  invoice: Invoice,
  strategies: readonly Strategy[],
  debtor: { customer: Customer; optOuts: OptOut[] },
): Promise<{ delinquency: Delinquency; opened: boolean }> => {
  const now = deps.clock.now();
  const id = stableId('dlq', tenant.id, invoice.id);
  // Scored before the strategy is chosen: a strategy may apply to a score band only.
  const scoring = await scoreDelinquency(deps, {
    tenant,
    ...debtor,
    delinquency: { id, nextActionAt: null, score: null, priority: 0 },
    invoice,
    balance: invoiceBalance(invoice),
  });
  const choice = chooseStrategy(strategies, {
    ...choiceFacts(invoice, debtor.customer.segment),
    scoreBand: scoring.score.band,
  });
  const delinquency: Delinquency = {
    id,
    invoiceId: invoice.id,
    customerId: invoice.customerId,
    currency: invoice.currency,
    status: 'active',
    strategyId: choice.strategy.id,
    stage: null,
    doneSteps: [],
    nextActionAt: now.toISOString(),
    nextStep: null,
    openedAt: now.toISOString(),
    closedAt: null,
    factsVersion: 0,
    reopenCount: 0,
    activePromiseId: null,
    activePlanId: null,
    assigneeId: null,
    score: scoring.score,
    openingInputs: scoring.score.inputs,
    priority: scoring.priority,
    balance: scoring.balance,
    brokenPromises: 0,
    taskToken: null,
    version: 1,
  };
  const outcome = await deps.delinquencies.open(tenant.id, delinquency, {
    id: newId('tl', now),
    at: now.toISOString(),
    kind: 'delinquency.opened',
    actor: 'schedule',
    detail: `invoice ${invoice.id} is overdue (due ${invoice.dueDate}); score ${scoring.score.value} (${scoring.score.band}); strategy ${choice.strategy.id}: ${choice.reason}`,
    rule: 'overdue.local-date',
  });
  if (outcome === 'opened') {
    delinquency.assigneeId = await autoAssign(deps, tenant.id, delinquency);
    // A refused event is parked with the delinquency for the hourly replay: a rerun would not open it again.
    await publishOrPark(deps, tenant.id, delinquency.id, [
      {
        detailType: 'delinquency.opened',
        detail: {
          tenantId: tenant.id,
          delinquencyId: delinquency.id,
          invoiceId: invoice.id,
          customerId: invoice.customerId,
          strategyId: choice.strategy.id,
          balance: invoiceBalance(invoice),
          currency: invoice.currency,
          openedAt: delinquency.openedAt,
        },
      },
    ]);
  }
  return { delinquency, opened: outcome === 'opened' };
};

/**
 * Starts the delinquency's execution, then takes the invoice out of the run's index. A start that still fails after the
 * adapter's retries leaves the invoice in the index: the next turn starts it, and this turn goes on with the others.
 */
const startExecution = async (
  deps: RunDeps,
  tenantId: string,
  invoiceId: string,
  delinquencyId: string,
  totals: RunTotals,
) => {
  try {
    const outcome = await deps.executions.start(delinquencyId, { tenantId, delinquencyId });
    if (outcome === 'started') {
      totals.executionsStarted += 1;
      metricsOf(deps).add('ExecutionsStarted', 1);
    }
    // The first name is taken by an execution that already ended (a start made earlier, whose hand-back to the index
    // was lost): it is not running. If it was still the case's execution when it ended and the case is open, the case
    // continues under the next name ('exists' if a restart started that one already); if a later execution of the
    // chain took over, that one goes on.
    if (outcome === 'refused') {
      const [delinquency, recorded] = await Promise.all([
        deps.delinquencies.get(tenantId, delinquencyId),
        deps.currentExecutions.get(tenantId, delinquencyId),
      ]);
      if (
        delinquency &&
        !CLOSED_STATUSES.includes(delinquency.status) &&
        (recorded === null || recorded.name === delinquencyId)
      ) {
        const next = await startInChain(deps.executions, tenantId, delinquencyId, 2);
        if (next.outcome === 'started') {
          totals.executionsRestarted += 1;
          metricsOf(deps).add('ExecutionsRestarted', 1);
        }
      }
    }
  } catch (error) {
    totals.startsDeferred += 1;
    logger.error('execution not started; the next run starts it', {
      tenantId,
      delinquencyId,
      error: (error as Error).name,
    });
    return;
  }
  await deps.invoices.markStarted(tenantId, invoiceId, delinquencyId);
};

/**
 * A pre-due reminder has no delinquency to park a refused event with: the refusal is counted (the alarmed metric) and
 * logged, and the run goes on, since the reminder itself was sent and claimed.
 */
const preDuePublisher = (deps: RunDeps, tenantId: string, invoiceId: string) => async (events: IntegrationEvent[]) => {
  try {
    await deps.events.publish(events);
  } catch (error) {
    metricsOf(deps).add('EventsUnpublished', events.length);
    logger.error('pre-due reminder event refused by the bus', { tenantId, invoiceId, error: (error as Error).message });
  }
};

/** The reminders the hourly run sends before the due date (a pre-due call or letter is not the run's to make). */
const isPreDueReminder = (step: Strategy['steps'][number]) =>
  isPreDue(step) && (step.channel === 'email' || step.channel === 'sms');

const handleInvoice = async (
  deps: RunDeps,
  tenant: Tenant,
  strategies: readonly Strategy[],
  invoice: Invoice,
  totals: RunTotals,
) => {
  if (!isCollectible(invoice)) return;
  if (invoice.delinquencyId !== null) {
    // Opened by an earlier turn whose start did not happen.
    if (invoice.awaitingStart) await startExecution(deps, tenant.id, invoice.id, invoice.delinquencyId, totals);
    return;
  }
  const now = deps.clock.now();
  // Until a reminder not yet settled can fall due, or the due date can have ended, in any zone, there is nothing to
  // decide: the hours of a pre-due window with nothing new read the invoice's index entry only.
  const reminders = strategies.flatMap((strategy) => strategy.steps.filter(isPreDueReminder));
  if (runQuietUntil(invoice, reminders, tenant.sendTime) > now) return;
  const found = await deps.customers.getWithOptOuts(tenant.id, invoice.customerId);
  if (!found) return;
  const { customer, optOuts } = found;
  const today = localDate(now, customer.timeZone);
  if (today > invoice.dueDate) {
    const { delinquency, opened } = await openDelinquency(deps, tenant, invoice, strategies, { customer, optOuts });
    if (opened) totals.delinquenciesOpened += 1;
    await startExecution(deps, tenant.id, invoice.id, delinquency.id, totals);
    return;
  }
  const { strategy } = chooseStrategy(strategies, choiceFacts(invoice, customer.segment));
  const preDue = strategy.steps.filter(isPreDueReminder);
  if (preDue.length === 0) return;
  const claims = deps.preDueClaims(tenant.id, invoice.id);
  const publishPreDue = preDuePublisher(deps, tenant.id, invoice.id);
  const done = await claims.done();
  const position = ladderPosition(
    scheduleSteps(preDue, invoice.dueDate, customer.timeZone, tenant.sendTime),
    done,
    now,
  );
  for (const skipped of position.skip) {
    await claims.claim({
      kind: 'SEND',
      stepId: skipped.step.id,
      channel: skipped.step.channel,
      status: 'skipped',
      attemptId: randomUUID(),
      at: now.toISOString(),
      detail: 'overtaken by a later reminder',
    } satisfies StepClaim);
  }
  for (const scheduled of position.act) {
    // Outside the contact window the reminder simply waits for a later run inside it.
    const policy = stepContactDecision(tenant, [customer.timeZone], scheduled.step, now);
    if (policy.outcome !== 'allowed') continue;
    const result = await sendReminder(
      deps,
      {
        tenant,
        customer,
        optOuts,
        invoice,
        delinquencyId: null,
        step: scheduled.step,
        balance: invoiceBalance(invoice),
        fee: 0,
      },
      claims,
      async () => {
        const current = await deps.invoices.get(tenant.id, invoice.id);
        return current !== null && isCollectible(current.invoice);
      },
    );
    if (result.outcome === 'sent') {
      totals.remindersSent += 1;
      await publishPreDue([
        {
          detailType: 'reminder.sent',
          detail: {
            tenantId: tenant.id,
            delinquencyId: null,
            invoiceId: invoice.id,
            customerId: customer.id,
            stepId: scheduled.step.id,
            channel: result.channel,
            messageId: result.messageId,
            sentAt: now.toISOString(),
          },
        },
      ]);
    }
    if (result.outcome === 'suppressed') {
      await claims.claim({
        kind: 'SEND',
        stepId: scheduled.step.id,
        channel: scheduled.step.channel,
        status: 'suppressed',
        attemptId: randomUUID(),
        at: now.toISOString(),
        detail: result.detail,
      });
    }
  }
  // What the claims said was settled before this run is noted on the invoice (what this run settled is noted by the
  // next), so the runs until anything else can fall due pass it by. Only a shortcut: a failure costs reads, no reminder.
  if ([...done].some((stepId) => !invoice.preDueDone?.includes(stepId))) {
    await deps.invoices.notePreDueDone(tenant.id, invoice.id, [...done].sort()).catch((error: unknown) =>
      logger.warn('settled pre-due reminders not noted on the invoice', {
        tenantId: tenant.id,
        invoiceId: invoice.id,
        error: (error as Error).message,
      }),
    );
  }
};

export interface RunOptions {
  /** Invoices handled at once (their reads, writes and starts overlap). */
  concurrency?: number;
  /** Asked before each page and each invoice: true when the turn's time is up; the rest waits for the next turn. */
  shouldStop?: () => boolean;
  /** The invocation's own listing of the tenants, shared with the replay of parked events that follows the run. */
  listTenants?: () => Promise<Tenant[]>;
}

/** Runs at most `limit` tasks at once, in the order they asked. */
const limiter = (limit: number) => {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    active += 1;
    try {
      return await task();
    } finally {
      active -= 1;
      waiting.shift()?.();
    }
  };
};

/**
 * One pass over what is due: every tenant, every shard of the due-date index read side by side (nearby ranges of dates
 * in one query), the invoices handled `concurrency` at a time. Stopped early, it reports `complete: false`; running it again picks up the
 * rest (an invoice in collection has left the index, a reminder sent is claimed), so a turn can end anywhere.
 */
export const runReminders = async (deps: RunDeps, options: RunOptions = {}): Promise<RunTotals> => {
  const totals: RunTotals = {
    tenants: 0,
    invoicesRead: 0,
    remindersSent: 0,
    delinquenciesOpened: 0,
    executionsStarted: 0,
    executionsRestarted: 0,
    startsDeferred: 0,
    invoicesFailed: 0,
    complete: true,
  };
  // Once time is up, it stays up: whatever was skipped from then on is the continuation's.
  let stopped = false;
  const shouldStop = () => (stopped ||= options.shouldStop?.() ?? false);
  const handle = limiter(options.concurrency ?? DEFAULT_RUN_CONCURRENCY);
  const tenants = await (options.listTenants ?? (() => deps.tenants.listTenants()))();
  for (const tenant of tenants) {
    if (shouldStop()) break;
    totals.tenants += 1;
    // Cases whose execution ended early go on first: one query per tenant, usually empty. A failure here stops no reminder.
    totals.executionsRestarted += await restartEndedExecutions(deps, tenant.id).catch((error: unknown) => {
      logger.error('ended executions not restarted; the next run tries again', {
        tenantId: tenant.id,
        error: (error as Error).message,
      });
      return 0;
    });
    const strategies = await listStrategies(deps, tenant.id);
    const partitions = querySpans(consecutiveRanges(datesToScan(deps.clock.now(), strategies))).flatMap((dates) =>
      Array.from({ length: deps.invoices.shardCount }, (_, shard) => ({ dates, shard })),
    );
    await Promise.all(
      partitions.map(async ({ dates, shard }) => {
        let cursor: Record<string, unknown> | undefined;
        do {
          if (shouldStop()) return;
          const page = await deps.invoices.listForRun(tenant.id, dates, shard, cursor);
          totals.invoicesRead += page.invoices.length;
          await Promise.all(
            page.invoices.map((invoice) =>
              handle(async () => {
                if (shouldStop()) return;
                // One invoice's failure (a throttle past the SDK's retries) is not the others': it stays in the index
                // for the next run, and this one goes on.
                await handleInvoice(deps, tenant, strategies, invoice, totals).catch((error: unknown) => {
                  totals.invoicesFailed += 1;
                  logger.error('invoice not handled; the next run tries again', {
                    tenantId: tenant.id,
                    invoiceId: invoice.id,
                    error: (error as Error).name,
                  });
                });
              }),
            ),
          );
          cursor = page.cursor;
        } while (cursor);
      }),
    );
  }
  if (stopped) {
    totals.complete = false;
    return totals;
  }
  // Reports: yesterday's snapshot, once per tenant-local day. Only reports wait on it, so a failure stops no reminder.
  for (const tenant of tenants) {
    await snapshotReports(deps, tenant).catch((error: unknown) =>
      logger.error('report snapshot not written', { tenantId: tenant.id, error: (error as Error).message }),
    );
  }
  return totals;
};
