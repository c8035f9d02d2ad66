// Reconciliation: an execution that failed, timed out or was aborted leaves its open case with nobody escalating it.
// Step Functions' status-change event marks the case; the hourly run restarts marked cases under the next name of the
// chain. Claims make the restarted execution send nothing twice.
import { placeInChain } from '../domain/execution-chain';
import { stableId } from '../domain/ids';
import { logger } from '../observability/logger';
import type { Clock } from '../ports/clock.port';
import type { CurrentExecutions } from '../ports/current-executions.port';
import type { DelinquencyRecords, DelinquencyTimeline } from '../ports/delinquency-repository.port';
import type { ExecutionStarter } from '../ports/executions.port';
import { metricsOf, type BusinessMetrics } from '../ports/metrics.port';
import type { RestartMarkers } from '../ports/restart-markers.port';
import { CLOSED_STATUSES } from '../schemas/delinquency.schema';
import type { EndedExecutionStatus } from '../schemas/restart-marker.schema';
import { startInChain } from './execution-chain';

export interface EndedExecution {
  tenantId: string;
  delinquencyId: string;
  name: string;
  status: EndedExecutionStatus;
  stoppedAt: string;
}

export interface MarkDeps {
  clock: Clock;
  delinquencies: DelinquencyRecords & DelinquencyTimeline;
  currentExecutions: CurrentExecutions;
  restartMarkers: RestartMarkers;
}

export type MarkOutcome = 'marked' | 'closed' | 'superseded' | 'unknown';

/**
 * Marks the case for a restart when the ended execution was the one escalating it (or a newer one that ended before it
 * could record itself). An older execution's end, or a closed case's, changes nothing.
 */
export const markEndedExecution = async (deps: MarkDeps, ended: EndedExecution): Promise<MarkOutcome> => {
  const delinquency = await deps.delinquencies.get(ended.tenantId, ended.delinquencyId);
  if (!delinquency) return 'unknown';
  if (CLOSED_STATUSES.includes(delinquency.status)) return 'closed';
  const recorded = await deps.currentExecutions.get(ended.tenantId, ended.delinquencyId);
  const { generation, superseded } = placeInChain(ended.delinquencyId, ended.name, recorded);
  if (superseded) return 'superseded';
  await deps.restartMarkers.mark(ended.tenantId, {
    delinquencyId: ended.delinquencyId,
    execution: ended.name,
    generation,
    status: ended.status,
    stoppedAt: ended.stoppedAt,
    markedAt: deps.clock.now().toISOString(),
  });
  return 'marked';
};

export interface RestartDeps extends MarkDeps {
  executions: ExecutionStarter;
  metrics?: BusinessMetrics;
}

/** Markers one run reads per tenant; more wait for the next run (restarts are rare, a burst is an incident). */
const RESTARTS_PER_RUN = 200;

/** Restarts a tenant's marked cases; answers how many executions it started. */
export const restartEndedExecutions = async (deps: RestartDeps, tenantId: string): Promise<number> => {
  let restarted = 0;
  for (const marker of await deps.restartMarkers.list(tenantId, RESTARTS_PER_RUN)) {
    const delinquency = await deps.delinquencies.get(tenantId, marker.delinquencyId);
    const recorded = await deps.currentExecutions.get(tenantId, marker.delinquencyId);
    // Closed since, or a newer execution took the case over: nothing to restart.
    const movedOn = recorded !== null && recorded.name !== marker.execution && recorded.generation > marker.generation;
    if (delinquency && !CLOSED_STATUSES.includes(delinquency.status) && !movedOn) {
      // The next name after the ended one: if that execution exists and runs (a hand-over that got it started), the
      // start answers 'exists' and nothing is doubled; if it ended too, the chain moves on to the next free name.
      const from = Math.max(recorded?.generation ?? 0, marker.generation) + 1;
      const started = await startInChain(deps.executions, tenantId, marker.delinquencyId, from);
      if (started.outcome === 'started') {
        restarted += 1;
        metricsOf(deps).add('ExecutionsRestarted', 1);
        const at = deps.clock.now().toISOString();
        await deps.delinquencies.appendTimeline(tenantId, marker.delinquencyId, [
          {
            id: stableId('tl', marker.delinquencyId, 'restart', started.name),
            at,
            kind: 'execution.restarted',
            actor: 'schedule',
            detail: `execution ${marker.execution} ended (${marker.status}) with the case still open: escalation continues in ${started.name} from the facts`,
            rule: 'execution.reconcile',
            data: { ended: marker.execution, status: marker.status, restartedAs: started.name },
          },
        ]);
      }
      logger.info('ended execution restarted', {
        tenantId,
        delinquencyId: marker.delinquencyId,
        ended: marker.execution,
        status: marker.status,
        execution: started.name,
        outcome: started.outcome,
      });
    }
    await deps.restartMarkers.clear(tenantId, marker.delinquencyId, marker.execution);
  }
  return restarted;
};
