// State machine task "Advance": one wake-up of a delinquency (re-derive, act, say when to wake next). It first makes
// sure its execution is the one escalating the case, and asks for a hand-over when the execution nears its limits.
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context } from 'aws-lambda';
import { engineDependenciesFromEnv } from '../../shared/env/engine-dependencies';
import { logger } from '../../shared/observability/logger';
import { publishMetrics } from '../../shared/middleware/publish-metrics.middleware';
import { metricsOf } from '../../shared/ports/metrics.port';
import { advanceDelinquency, type AdvanceResult } from '../../shared/use-cases/advance-delinquency';
import type { EngineDeps } from '../../shared/use-cases/engine-deps';
import { claimExecution, successorName, type ChainDeps } from '../../shared/use-cases/execution-chain';
import { AdvancePayloadSchema } from '../../statemachines/delinquency/delinquency.schema';

export const createHandler = (deps: EngineDeps & ChainDeps) =>
  middy<unknown, AdvanceResult>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(publishMetrics(metricsOf(deps)))
    .handler(async (event) => {
      const payload = AdvancePayloadSchema.parse(event);
      const input = { tenantId: payload.tenantId, delinquencyId: payload.delinquencyId };
      logger.appendKeys({ ...input, ...(payload.execution ? { execution: payload.execution.name } : {}) });
      const passes = (payload.state?.advance?.passes ?? 0) + 1;
      const claim = payload.execution
        ? await claimExecution(deps, input.tenantId, input.delinquencyId, payload.execution)
        : null;
      if (claim?.kind === 'superseded') {
        // A newer execution escalates the case: this one ends without acting (it would only repeat what that one does).
        logger.warn('superseded by a newer execution: ending', { by: claim.by.name });
        const delinquency = await deps.delinquencies.get(input.tenantId, input.delinquencyId);
        return {
          done: true,
          status: delinquency?.status ?? 'active',
          waitSeconds: 1,
          factsVersion: delinquency?.factsVersion ?? 0,
          passes,
        };
      }
      const result = await advanceDelinquency(deps, input);
      const handOverTo =
        claim && !result.done ? successorName(input.delinquencyId, claim.execution, passes, deps.clock.now()) : null;
      logger.info('advanced', {
        status: result.status,
        done: result.done,
        waitSeconds: result.waitSeconds,
        passes,
        ...(handOverTo ? { handOverTo } : {}),
      });
      return { ...result, passes, ...(handOverTo ? { handOverTo } : {}) };
    });

let built: ReturnType<typeof createHandler> | undefined;
export const handler = (event: unknown, context: Context) =>
  (built ??= createHandler(engineDependenciesFromEnv()))(event, context);
