// The hourly reminder run (EventBridge schedule): pre-due reminders, newly overdue invoices, one execution each. A run
// too big for one invocation continues in further turns (an engine event the bus sends back here).
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context, EventBridgeEvent } from 'aws-lambda';
import { engineDependenciesFromEnv } from '../../shared/env/engine-dependencies';
import { logger } from '../../shared/observability/logger';
import { publishMetrics } from '../../shared/middleware/publish-metrics.middleware';
import { replayParkedEvents } from '../../shared/use-cases/replay-parked-events';
import { metricsOf } from '../../shared/ports/metrics.port';
import type { RunTurnRef } from '../../shared/ports/run-continuation.port';
import type { Tenant } from '../../shared/schemas/tenant.schema';
import { runReminderTurn, type RunTurnDeps, type RunTurnResult } from '../../shared/use-cases/reminder-run-turn';
import { RUN_CONTINUES_EVENT } from '../../shared/adapters/aws/eventbridge-run-continuation';
import { REMINDER_RUN_STOP_MARGIN_MS } from './schedules';

export type ReminderRunEvent = EventBridgeEvent<string, unknown>;

/** A continuation names its run and turn; a scheduled firing starts a run named after its event (a retry is the same run). */
const turnOf = (event: ReminderRunEvent): RunTurnRef => {
  if (event['detail-type'] === RUN_CONTINUES_EVENT.detailType) {
    const detail = event.detail as Partial<RunTurnRef>;
    if (typeof detail.runId === 'string' && Number.isInteger(detail.turn))
      return { runId: detail.runId, turn: detail.turn! };
  }
  return { runId: event.id, turn: 0 };
};

export const createHandler = (deps: RunTurnDeps) =>
  middy<ReminderRunEvent, RunTurnResult>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(publishMetrics(metricsOf(deps)))
    .handler(async (event, context) => {
      const remaining = context.getRemainingTimeInMillis();
      // One listing of the tenants serves the run and the replay after it (read when first needed).
      let tenants: Promise<Tenant[]> | undefined;
      const listTenants = () => (tenants ??= deps.tenants.listTenants());
      const result = await runReminderTurn(deps, {
        ...turnOf(event),
        workMs: Math.max(remaining - REMINDER_RUN_STOP_MARGIN_MS, remaining / 2),
        leaseMs: remaining + REMINDER_RUN_STOP_MARGIN_MS * 2,
        listTenants,
      });
      // Events the bus refused earlier go out again, once per run: in its last turn.
      if (!result.continued && !result.skipped)
        logger.info('parked events replayed', { ...(await replayParkedEvents(deps, listTenants)) });
      logger.info('reminder run', { ...result });
      return result;
    });

let built: ReturnType<typeof createHandler> | undefined;
export const handler = (event: ReminderRunEvent, context: Context) =>
  (built ??= createHandler(engineDependenciesFromEnv(true)))(event, context);
