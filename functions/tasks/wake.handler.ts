// State machine task "Wake" (.waitForTaskToken): one wake of a delinquency. It makes sure its execution is the one
// escalating the case, acts on what is due (the pass saves the case with this wait's token, so an event can wake it),
// then schedules the next wake, or ends the wait with a named error the state machine catches (Done, HandOver).
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context } from 'aws-lambda';
import { handOverDue } from '../../shared/domain/execution-chain';
import { engineDependenciesFromEnv } from '../../shared/env/engine-dependencies';
import { logger } from '../../shared/observability/logger';
import { publishMetrics } from '../../shared/middleware/publish-metrics.middleware';
import type { WaitEnder } from '../../shared/ports/executions.port';
import { metricsOf } from '../../shared/ports/metrics.port';
import type { WakeSchedules } from '../../shared/ports/wake-schedules.port';
import { advanceDelinquency } from '../../shared/use-cases/advance-delinquency';
import type { EngineDeps } from '../../shared/use-cases/engine-deps';
import { claimExecution, successorName, type ChainDeps } from '../../shared/use-cases/execution-chain';
import { WakePayloadSchema } from '../../statemachines/delinquency/delinquency.schema';
import { WakeEnds } from '../../statemachines/delinquency/state-names';

export interface WakeDeps {
  waits: WaitEnder;
  wakeSchedules: WakeSchedules;
}

/** What the invocation did (its return value is not the state's output: the token's answer is). */
export type WakeOutcome =
  { outcome: 'waiting'; wakeAt: string } | { outcome: 'ended'; error: string; cause: string; answered: boolean };

export const createHandler = (deps: EngineDeps & ChainDeps & WakeDeps) =>
  middy<unknown, WakeOutcome>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(publishMetrics(metricsOf(deps)))
    .handler(async (event) => {
      const { tenantId, delinquencyId, execution, taskToken } = WakePayloadSchema.parse(event);
      logger.appendKeys({ tenantId, delinquencyId, execution: execution.name });
      // False when the token was answered first (an event woke the wait meanwhile): the next wake decides again.
      const end = async (error: string, cause: string): Promise<WakeOutcome> => ({
        outcome: 'ended',
        error,
        cause,
        answered: await deps.waits.end(taskToken, error, cause),
      });
      const claim = await claimExecution(deps, tenantId, delinquencyId, execution);
      if (claim.kind === 'superseded') {
        // A newer execution escalates the case: this one ends without acting (it would only repeat what that one does).
        logger.warn('superseded by a newer execution: ending', { by: claim.by.name });
        return end(WakeEnds.Superseded, `superseded by ${claim.by.name}`);
      }
      const result = await advanceDelinquency(deps, {
        tenantId,
        delinquencyId,
        wait: { taskToken, execution: execution.name },
      });
      if (result.done) {
        logger.info('nothing left to do: ending', { status: result.status, passes: result.passes });
        return end(WakeEnds.CaseClosed, `the case is ${result.status}`);
      }
      const successor = successorName(delinquencyId, claim.execution, result.passes, deps.clock.now());
      if (successor) {
        logger.info('handing over', { status: result.status, passes: result.passes, successor });
        return end(WakeEnds.HandOver, successor);
      }
      // The next action time, or the age at which this execution must hand over if nothing is due before it.
      const deadline = handOverDue(claim.execution.startedAt);
      const wakeAt =
        result.wakeAt && Date.parse(result.wakeAt) < deadline.getTime() ? new Date(result.wakeAt) : deadline;
      await deps.wakeSchedules.wakeAt(taskToken, wakeAt);
      logger.info('advanced', { status: result.status, passes: result.passes, wakeAt: wakeAt.toISOString() });
      return { outcome: 'waiting', wakeAt: wakeAt.toISOString() };
    });

let built: ReturnType<typeof createHandler> | undefined;
export const handler = (event: unknown, context: Context) =>
  (built ??= createHandler(engineDependenciesFromEnv()))(event, context);
