// One turn of the hourly run inside a function's time limit: take the run's lease, work until the time is nearly up,
// then hand the rest to a continuation; a scheduled firing that finds another run still at work stands aside.
import { logger } from '../observability/logger';
import type { RunContinuation, RunTurnRef } from '../ports/run-continuation.port';
import type { RunLease } from '../ports/run-lease.port';
import type { Tenant } from '../schemas/tenant.schema';
import { runReminders, type RunDeps, type RunTotals } from './reminder-run';

export interface RunTurnDeps extends RunDeps {
  runLease: RunLease;
  continuation: RunContinuation;
  /** Invoices handled at once (RUN_CONCURRENCY). */
  runConcurrency?: number;
}

export interface RunTurnRequest extends RunTurnRef {
  /** Milliseconds this turn may work before it stops taking new invoices. */
  workMs: number;
  /** Milliseconds the lease lasts: longer than a turn, so the continuation finds it still ours. */
  leaseMs: number;
  /** Wall-clock milliseconds (the turn's budget is real time even when the engine's clock is virtual). */
  wallClock?: () => number;
  /** The invocation's listing of the tenants (see RunOptions). */
  listTenants?: () => Promise<Tenant[]>;
}

export type RunTurnResult = RunTotals & RunTurnRef & { skipped?: string; continued: boolean };

export const runReminderTurn = async (deps: RunTurnDeps, request: RunTurnRequest): Promise<RunTurnResult> => {
  const wallClock = request.wallClock ?? Date.now;
  const stopAt = wallClock() + request.workMs;
  const ref = { runId: request.runId, turn: request.turn };
  const now = deps.clock.now();
  if (!(await deps.runLease.acquire(request.runId, now, new Date(now.getTime() + request.leaseMs)))) {
    return {
      ...ref,
      tenants: 0,
      invoicesRead: 0,
      remindersSent: 0,
      delinquenciesOpened: 0,
      executionsStarted: 0,
      executionsRestarted: 0,
      startsDeferred: 0,
      invoicesFailed: 0,
      complete: true,
      continued: false,
      skipped: 'another run holds the lease',
    };
  }
  const totals = await runReminders(deps, {
    concurrency: deps.runConcurrency,
    shouldStop: () => wallClock() >= stopAt,
    ...(request.listTenants ? { listTenants: request.listTenants } : {}),
  });
  if (totals.complete) {
    await deps.runLease.release(request.runId);
    return { ...ref, ...totals, continued: false };
  }
  // If the hand-over fails, the lease expires and the next hourly firing picks up the rest: late, never lost.
  const continued = await deps.continuation
    .continueRun({ runId: request.runId, turn: request.turn + 1 })
    .then(() => true)
    .catch((error: unknown) => {
      logger.error('reminder run continuation not handed over; the next hourly run picks up the rest', {
        error: (error as Error).message,
      });
      return false;
    });
  return { ...ref, ...totals, continued };
};
