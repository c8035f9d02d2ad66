// A delinquency's wake: re-derive the stage from stored facts, act on what is due, save, say when to wake next.
import type { EngineDeps } from '../engine-deps';
import { retryOnConflict } from '../retry-on-conflict';
import { loggableError } from '../../observability/loggable-error';
import { logger } from '../../observability/logger';
import { type AdvanceInput, type AdvanceResult } from './result';
import { loadFacts } from './facts';
import { decide } from './pass';
import { passWait, type Written } from './save-case';

/**
 * One wake-up. Facts decide, timers only wake (rule 1): whatever woke it and however late, the stage is derived from
 * the schedule, what is done, and what is owed. Repeating it changes nothing that was already done.
 */
export const advanceDelinquency = async (deps: EngineDeps, input: AdvanceInput): Promise<AdvanceResult> => {
  try {
    return await advanceOnce(deps, input);
  } catch (error) {
    // The state machine retries and then fails the execution; without this line nobody could tell which debt or why.
    logger.error('advancing the delinquency failed', {
      tenantId: input.tenantId,
      delinquencyId: input.delinquencyId,
      error: loggableError(error),
    });
    throw error;
  }
};

const advanceOnce = (deps: EngineDeps, input: AdvanceInput): Promise<AdvanceResult> =>
  retryOnConflict('the delinquency', async () => {
    const f = await loadFacts(deps, input);
    const wait = passWait(input, f.delinquency);
    const written: Written = { current: f.delinquency, parked: false };
    const decided = await decide(deps, f, wait, written);
    if (!decided) return undefined;
    if (!decided.done && wait && !written.parked) {
      // A pass that saved nothing open (a pause waits, a closed case settles its sends) keeps its token in a write of
      // its own, on the version it read or wrote last: if a fact moved since, the write fails and the pass re-derives.
      const { current } = written;
      const parked = { ...current, taskToken: wait.taskToken, wakes: wait.wakes, version: current.version + 1 };
      if (!(await deps.delinquencies.save(f.tenant.id, parked, current.version, []))) return undefined;
    }
    return {
      done: decided.done,
      status: decided.status,
      wakeAt: decided.done ? null : (decided.wakeAt?.toISOString() ?? null),
      passes: wait?.wakes.passes ?? 0,
    };
  });

export { AdvanceResultSchema, type AdvanceInput, type AdvanceResult } from './result';
