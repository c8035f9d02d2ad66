// The hourly reminder run (EventBridge schedule): pre-due reminders, newly overdue invoices, one execution each.
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context, ScheduledEvent } from 'aws-lambda';
import { engineDependenciesFromEnv } from '../../shared/env/engine-dependencies';
import { logger } from '../../shared/observability/logger';
import { publishMetrics } from '../../shared/middleware/publish-metrics.middleware';
import { metricsOf } from '../../shared/ports/metrics.port';
import { runReminders, type RunDeps, type RunTotals } from '../../shared/use-cases/reminder-run';

export const createHandler = (deps: RunDeps) =>
  middy<ScheduledEvent, RunTotals>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(publishMetrics(metricsOf(deps)))
    .handler(async () => {
      const totals = await runReminders(deps);
      logger.info('reminder run', { ...totals });
      return totals;
    });

let built: ReturnType<typeof createHandler> | undefined;
export const handler = (event: ScheduledEvent, context: Context) => (built ??= createHandler(engineDependenciesFromEnv(true)))(event, context);
