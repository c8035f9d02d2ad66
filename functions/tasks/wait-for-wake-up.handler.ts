// State machine task "WaitForWakeUp" (.waitForTaskToken): parks the token on the delinquency so an event can wake it;
// if a fact changed since Advance read them, it wakes the execution at once instead, so no event is ever missed.
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context } from 'aws-lambda';
import { engineDependenciesFromEnv } from '../../shared/env/engine-dependencies';
import { logger } from '../../shared/observability/logger';
import type { DelinquencyRepository } from '../../shared/ports/delinquency-repository.port';
import type { ExecutionWaker } from '../../shared/ports/executions.port';
import { WaitInputSchema } from '../../statemachines/delinquency/delinquency.schema';

export interface WaitDeps {
  delinquencies: DelinquencyRepository;
  waker: ExecutionWaker;
}

export const createHandler = (deps: WaitDeps) =>
  middy<unknown, { parked: boolean }>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler(async (event) => {
      const input = WaitInputSchema.parse(event);
      logger.appendKeys({ tenantId: input.tenantId, delinquencyId: input.delinquencyId });
      const parked = await deps.delinquencies.parkTaskToken(
        input.tenantId,
        input.delinquencyId,
        input.taskToken,
        input.factsVersion,
      );
      if (!parked) {
        logger.info('facts changed while advancing: waking at once');
        await deps.waker.wake(input.taskToken);
      }
      return { parked };
    });

let built: ReturnType<typeof createHandler> | undefined;
export const handler = (event: unknown, context: Context) =>
  (built ??= createHandler(engineDependenciesFromEnv()))(event, context);
