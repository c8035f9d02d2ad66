// The hourly reminder run (EventBridge schedule). This release walks the tenants and records the run; the escalation
// ladder that acts on due and overdue invoices plugs in here.
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context, ScheduledEvent } from 'aws-lambda';
import { createDocumentClient } from '../../shared/adapters/dynamodb/client';
import { DynamoTenantDirectory } from '../../shared/adapters/dynamodb/tenant-directory.dynamodb';
import { readEnv } from '../../shared/env/read-env';
import { ScheduleEnvSchema } from '../../shared/env/schedule.env';
import { logger } from '../../shared/observability/logger';
import { systemClock, type Clock } from '../../shared/ports/clock.port';
import type { TenantDirectory } from '../../shared/ports/tenant-directory.port';

export interface ReminderRunDeps {
  clock: Clock;
  tenants: TenantDirectory;
}

export interface ReminderRunResult {
  runAt: string;
  tenants: number;
}

export const createHandler = (deps: ReminderRunDeps) =>
  middy<ScheduledEvent, ReminderRunResult>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler(async () => {
      const runAt = deps.clock.now().toISOString();
      const tenants = await deps.tenants.listTenants();
      logger.info('reminder run', { runAt, tenants: tenants.length });
      return { runAt, tenants: tenants.length };
    });

let built: ReturnType<typeof createHandler> | undefined;

export const handler = (event: ScheduledEvent, context: Context) => {
  if (!built) {
    const env = readEnv(ScheduleEnvSchema);
    built = createHandler({ clock: systemClock, tenants: new DynamoTenantDirectory(createDocumentClient(), env.TABLE_NAME) });
  }
  return built(event, context);
};
