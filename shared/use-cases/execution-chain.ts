// Which execution escalates a delinquency: each execution records itself on the case at its first pass, an older one
// that finds a newer one recorded steps aside, and a long-lived one names its successor (see domain/execution-chain.ts).
import { executionName, mustHandOver, placeInChain } from '../domain/execution-chain';
import type { CurrentExecutions } from '../ports/current-executions.port';
import type { ExecutionStarter, StartOutcome } from '../ports/executions.port';
import type { ExecutionRef } from '../schemas/execution-ref.schema';
import { retryOnConflict } from './retry-on-conflict';

export interface ChainDeps {
  currentExecutions: CurrentExecutions;
}

export type Claim = { kind: 'current'; execution: ExecutionRef } | { kind: 'superseded'; by: ExecutionRef };

/**
 * Makes `execution` the delinquency's recorded execution unless a newer one of its chain is recorded already. A name
 * outside the chain's pattern (a reopened case's "<id>-r1") comes after whatever is recorded: it is started only once
 * the recorded one has finished.
 */
export const claimExecution = async (
  deps: ChainDeps,
  tenantId: string,
  delinquencyId: string,
  execution: { name: string; startedAt: string },
): Promise<Claim> =>
  retryOnConflict("the delinquency's execution", async () => {
    const recorded = await deps.currentExecutions.get(tenantId, delinquencyId);
    if (recorded?.name === execution.name) return { kind: 'current', execution: recorded };
    const { generation, superseded } = placeInChain(delinquencyId, execution.name, recorded);
    if (recorded && superseded) return { kind: 'superseded', by: recorded };
    const mine: ExecutionRef = { name: execution.name, generation, startedAt: execution.startedAt };
    return (await deps.currentExecutions.claim(tenantId, delinquencyId, mine, recorded?.name ?? null))
      ? { kind: 'current', execution: mine }
      : undefined;
  });

/** The successor's name when this execution must hand over now, else null. */
export const successorName = (
  delinquencyId: string,
  execution: ExecutionRef,
  passes: number,
  now: Date,
): string | null =>
  mustHandOver({ startedAt: execution.startedAt, passes }, now)
    ? executionName(delinquencyId, execution.generation + 1)
    : null;

/** Tries at most this many names past a taken one (each taken name is an execution that already ended). */
const MAX_NAMES_TRIED = 5;

/**
 * Starts the chain's execution of generation `from`, or of the first later generation whose name is not taken by an
 * execution that ended. Answers the name and what the start came to ('exists': that one runs already).
 */
export const startInChain = async (
  executions: ExecutionStarter,
  tenantId: string,
  delinquencyId: string,
  from: number,
): Promise<{ name: string; outcome: Exclude<StartOutcome, 'refused'> }> => {
  for (let generation = from; generation < from + MAX_NAMES_TRIED; generation += 1) {
    const name = executionName(delinquencyId, generation);
    const outcome = await executions.start(name, { tenantId, delinquencyId });
    if (outcome !== 'refused') return { name, outcome };
  }
  throw new Error(
    `executions ${executionName(delinquencyId, from)} to generation ${from + MAX_NAMES_TRIED - 1} have all ended; not starting another`,
  );
};
