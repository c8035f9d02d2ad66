// State machine task "Advance": one wake-up of a delinquency (re-derive, act, say when to wake next).
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context } from 'aws-lambda';
import { engineDependenciesFromEnv } from '../../shared/env/engine-dependencies';
import { logger } from '../../shared/observability/logger';
import { publishMetrics } from '../../shared/middleware/publish-metrics.middleware';
import { metricsOf } from '../../shared/ports/metrics.port';
import { advanceDelinquency, type AdvanceResult } from '../../shared/use-cases/advance-delinquency';
import type { EngineDeps } from '../../shared/use-cases/engine-deps';
import { ExecutionInputSchema } from '../../statemachines/delinquency/delinquency.schema';

export const createHandler = (deps: EngineDeps) =>
  middy<unknown, AdvanceResult>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(publishMetrics(metricsOf(deps)))
    .handler(async (event) => {
      const input = ExecutionInputSchema.parse(event);
      logger.appendKeys({ tenantId: input.tenantId, delinquencyId: input.delinquencyId });
      const result = await advanceDelinquency(deps, input);
      logger.info('advanced', { status: result.status, done: result.done, waitSeconds: result.waitSeconds });
      return result;
    });

let built: ReturnType<typeof createHandler> | undefined;
export const handler = (event: unknown, context: Context) => (built ??= createHandler(engineDependenciesFromEnv()))(event, context);
