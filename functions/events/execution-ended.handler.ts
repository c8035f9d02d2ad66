// EventBridge target of Step Functions' status changes of the delinquency state machine (FAILED, TIMED_OUT, ABORTED):
// marks the open case so the next hourly run restarts it under the next name of its chain.
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context, EventBridgeEvent } from 'aws-lambda';
import { createDocumentClient } from '../../shared/adapters/dynamodb/client';
import { DynamoDelinquencyRepository } from '../../shared/adapters/dynamodb/delinquency-repository.dynamodb';
import { DynamoRestartMarkers } from '../../shared/adapters/dynamodb/restart-markers.dynamodb';
import { DynamoCurrentExecutions } from '../../shared/adapters/dynamodb/current-executions.dynamodb';
import { ExecutionEventsEnvSchema } from '../../shared/env/execution-events.env';
import { readEnv } from '../../shared/env/read-env';
import { logger } from '../../shared/observability/logger';
import { systemClock } from '../../shared/ports/clock.port';
import { EndedExecutionStatusSchema } from '../../shared/schemas/restart-marker.schema';
import { markEndedExecution, type MarkDeps, type MarkOutcome } from '../../shared/use-cases/execution-restarts';
import { ExecutionInputSchema } from '../../statemachines/delinquency/delinquency.schema';
import { ExecutionStatusChangeSchema } from './execution-status.events';

export type ExecutionStatusEvent = EventBridgeEvent<string, unknown>;

export const createHandler = (deps: MarkDeps) =>
  middy<ExecutionStatusEvent, { outcome: MarkOutcome | 'ignored' }>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler(async (event) => {
      const detail = ExecutionStatusChangeSchema.parse(event.detail);
      logger.appendKeys({ executionArn: detail.executionArn });
      const status = EndedExecutionStatusSchema.safeParse(detail.status);
      const input = ExecutionInputSchema.safeParse(detail.input ? JSON.parse(detail.input) : null);
      if (!status.success || !input.success) {
        logger.warn('not an early end of a delinquency execution; ignored', { status: detail.status });
        return { outcome: 'ignored' };
      }
      logger.appendKeys({ tenantId: input.data.tenantId, delinquencyId: input.data.delinquencyId });
      const outcome = await markEndedExecution(deps, {
        ...input.data,
        name: detail.name,
        status: status.data,
        stoppedAt: new Date(detail.stopDate ?? Date.parse(event.time)).toISOString(),
      });
      logger.info('execution ended early', { execution: detail.name, status: status.data, outcome });
      return { outcome };
    });

let built: ReturnType<typeof createHandler> | undefined;
export const handler = (event: ExecutionStatusEvent, context: Context) => {
  if (!built) {
    const env = readEnv(ExecutionEventsEnvSchema);
    const client = createDocumentClient();
    built = createHandler({
      clock: systemClock,
      delinquencies: new DynamoDelinquencyRepository(client, env.TABLE_NAME),
      currentExecutions: new DynamoCurrentExecutions(client, env.TABLE_NAME),
      restartMarkers: new DynamoRestartMarkers(client, env.TABLE_NAME),
    });
  }
  return built(event, context);
};
