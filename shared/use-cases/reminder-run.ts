// The hourly run: sends pre-due reminders, opens a delinquency for each invoice that fell overdue in its customer's zone,
// and starts its execution. It reads the sharded due-date index page by page (never a scan), and running it twice,
// or again after it stopped halfway, sends and opens nothing twice.
import { randomUUID } from 'node:crypto';
import { addDays, localDate } from '../domain/calendar';
import { isWithinHours } from '../domain/contact-window';
import { newId, stableId } from '../domain/ids';
import { invoiceBalance, isCollectible } from '../domain/invoice';
import { isPreDue, ladderPosition, scheduleSteps } from '../domain/ladder';
import { choiceFacts, chooseStrategy } from '../domain/strategy';
import type { ExecutionStarter } from '../ports/executions.port';
import type { StepClaim } from '../ports/delinquency-repository.port';
import { metricsOf } from '../ports/metrics.port';
import type { Customer, OptOut } from '../schemas/customer.schema';
import type { Delinquency } from '../schemas/delinquency.schema';
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

/** How many days of missed runs a run catches up on (invoices leave the index once in collection, so this stays cheap). */
export const RUN_LOOKBACK_DAYS = 2;

export interface RunDeps extends EngineDeps {
  executions: ExecutionStarter;
  preDueClaims: (tenantId: string, invoiceId: string) => ClaimStore & { done(): Promise<Set<string>> };
  /** Report counters: the run folds each tenant's closed days into a daily snapshot. */
  reports: ReportStore;
}

export interface RunTotals {
  tenants: number;
  invoicesRead: number;
  remindersSent: number;
  delinquenciesOpened: number;
  executionsStarted: number;
}

/** The UTC dates whose invoices can need something now: overdue ones of the last days, and those pre-due steps reach. */
export const datesToScan = (now: Date, strategies: readonly Strategy[]): string[] => {
  const today = now.toISOString().slice(0, 10);
  const dates = new Set<string>();
  // An invoice due D is overdue once the local date passes D, and local dates are within a day of UTC's: D <= today.
  // Looking back a few days catches up on runs that were missed.
  for (let day = -1 - RUN_LOOKBACK_DAYS; day <= 0; day += 1) dates.add(addDays(today, day));
  // A pre-due step k days before D fires on the local date D + k, which is UTC's today give or take a day.
  const preDueOffsets = new Set(strategies.flatMap((strategy) => strategy.steps.filter(isPreDue).map((step) => step.offsetDays)));
  for (const offset of preDueOffsets) {
    for (let day = -1; day <= 1; day += 1) dates.add(addDays(today, day - offset));
  }
  return [...dates].sort();
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
  const scoring = await scoreDelinquency(deps, { tenant, ...debtor, delinquency: { id, nextActionAt: null }, invoice, balance: invoiceBalance(invoice) });
  const choice = chooseStrategy(strategies, { ...choiceFacts(invoice, debtor.customer.segment), scoreBand: scoring.score.band });
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
    delinquency.assigneeId = await autoAssign(deps, tenant.id, delinquency.id);
    await deps.events.publish([
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

const handleInvoice = async (deps: RunDeps, tenant: Tenant, strategies: readonly Strategy[], invoice: Invoice, totals: RunTotals) => {
  if (!isCollectible(invoice) || invoice.delinquencyId !== null) return;
  const found = await deps.customers.getWithOptOuts(tenant.id, invoice.customerId);
  if (!found) return;
  const { customer, optOuts } = found;
  const now = deps.clock.now();
  const today = localDate(now, customer.timeZone);
  if (today > invoice.dueDate) {
    const { delinquency, opened } = await openDelinquency(deps, tenant, invoice, strategies, { customer, optOuts });
    if (opened) totals.delinquenciesOpened += 1;
    if ((await deps.executions.start(delinquency.id, { tenantId: tenant.id, delinquencyId: delinquency.id })) === 'started') {
      totals.executionsStarted += 1;
      metricsOf(deps).add('ExecutionsStarted', 1);
    }
    return;
  }
  const { strategy } = chooseStrategy(strategies, choiceFacts(invoice, customer.segment));
  const preDue = strategy.steps.filter((step) => isPreDue(step) && (step.channel === 'email' || step.channel === 'sms'));
  if (preDue.length === 0) return;
  const claims = deps.preDueClaims(tenant.id, invoice.id);
  const position = ladderPosition(scheduleSteps(preDue, invoice.dueDate, customer.timeZone, tenant.sendTime), await claims.done(), now);
  for (const skipped of position.skip) {
    await claims.claim({ kind: 'SEND', stepId: skipped.step.id, channel: skipped.step.channel, status: 'skipped', attemptId: randomUUID(), at: now.toISOString(), detail: 'overtaken by a later reminder' } satisfies StepClaim);
  }
  // Outside the contact window the reminder simply waits for a later run inside it.
  if (position.act.length === 0 || !isWithinHours(now, customer.timeZone)) return;
  for (const scheduled of position.act) {
    const result = await sendReminder(
      deps,
      { tenant, customer, optOuts, invoice, delinquencyId: null, step: scheduled.step, balance: invoiceBalance(invoice), fee: 0 },
      claims,
      async () => {
        const current = await deps.invoices.get(tenant.id, invoice.id);
        return current !== null && isCollectible(current.invoice);
      },
    );
    if (result.outcome === 'sent') {
      totals.remindersSent += 1;
      await deps.events.publish([
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
      await claims.claim({ kind: 'SEND', stepId: scheduled.step.id, channel: scheduled.step.channel, status: 'suppressed', attemptId: randomUUID(), at: now.toISOString(), detail: result.detail });
    }
  }
};

export const runReminders = async (deps: RunDeps): Promise<RunTotals> => {
  const totals: RunTotals = { tenants: 0, invoicesRead: 0, remindersSent: 0, delinquenciesOpened: 0, executionsStarted: 0 };
  const tenants = await deps.tenants.listTenants();
  for (const tenant of tenants) {
    totals.tenants += 1;
    const strategies = await listStrategies(deps, tenant.id);
    // Every (date, shard) partition is read side by side; each is paged through in order.
    const partitions = datesToScan(deps.clock.now(), strategies).flatMap((date) =>
      Array.from({ length: deps.invoices.shardCount }, (_, shard) => ({ date, shard })),
    );
    await Promise.all(
      partitions.map(async ({ date, shard }) => {
        let cursor: Record<string, unknown> | undefined;
        do {
          const page = await deps.invoices.listForRun(tenant.id, date, shard, cursor);
          totals.invoicesRead += page.invoices.length;
          for (const invoice of page.invoices) await handleInvoice(deps, tenant, strategies, invoice, totals);
          cursor = page.cursor;
        } while (cursor);
      }),
    );
  }
  // Reports: yesterday's snapshot, once per tenant-local day. Only reports wait on it, so a failure stops no reminder.
  for (const tenant of tenants) {
    await snapshotReports(deps, tenant).catch((error: unknown) => logger.error('report snapshot not written', { tenantId: tenant.id, error: (error as Error).message }));
  }
  return totals;
};
