// Who works a debt: new delinquencies go to the active collector with room and the best recent results; a manager may
// move one to anyone (or to no one) by API. The load counts move with the assignment, in the same transaction.
import { newId } from '../domain/ids';
import { NotFoundError, ValidationError } from '../errors/errors';
import type { Clock } from '../ports/clock.port';
import type { CollectorRepository } from '../ports/collector-repository.port';
import type { DelinquencyAssignment, DelinquencyRecords } from '../ports/delinquency-repository.port';
import type { Collector } from '../schemas/collector.schema';
import { CLOSED_STATUSES, type Delinquency, type TimelineEntry } from '../schemas/delinquency.schema';
import { retryOnConflict } from './retry-on-conflict';

export interface AssignmentDeps {
  clock: Clock;
  delinquencies: DelinquencyRecords & DelinquencyAssignment;
  collectors: CollectorRepository;
}

const monthOf = (at: Date) => at.toISOString().slice(0, 7);
const previousMonth = (month: string) => {
  const [year, value] = month.split('-').map(Number) as [number, number];
  return value === 1 ? `${year - 1}-12` : `${year}-${String(value - 1).padStart(2, '0')}`;
};

/** Share of recently assigned debts that ended paid (this month and the last), smoothed towards one half. */
export const recentSuccess = (collector: Collector, now: Date): number => {
  const months = [monthOf(now), previousMonth(monthOf(now))];
  const sum = (kind: string) =>
    months.reduce((total, month) => total + (collector.results[`${month}#${kind}`] ?? 0), 0);
  return (sum('resolved') + 1) / (sum('assigned') + 2);
};

/** Active collectors with room, best first: recent success weighted by the share of capacity still free. */
export const rankCollectors = (collectors: readonly Collector[], now: Date): Collector[] =>
  collectors
    .filter((collector) => collector.active && collector.openCount < collector.capacity)
    .map((collector) => ({
      collector,
      merit: recentSuccess(collector, now) * (1 - collector.openCount / collector.capacity),
    }))
    .sort(
      (a, b) =>
        b.merit - a.merit ||
        a.collector.openCount - b.collector.openCount ||
        a.collector.id.localeCompare(b.collector.id),
    )
    .map((ranked) => ranked.collector);

/**
 * Gives a newly opened delinquency to the best-ranked collector; with no collectors, or all full, it stays unassigned
 * (the queue's unassigned view shows it). Returns the collector's id, or null. `opened` is the delinquency as just
 * stored, which saves reading it back; a retry reads it again.
 */
export const autoAssign = async (
  deps: AssignmentDeps,
  tenantId: string,
  opened: Delinquency,
): Promise<string | null> => {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const [delinquency, collectors] = await Promise.all([
      attempt === 0 ? opened : deps.delinquencies.get(tenantId, opened.id),
      deps.collectors.list(tenantId),
    ]);
    if (!delinquency || delinquency.assigneeId !== null || CLOSED_STATUSES.includes(delinquency.status))
      return delinquency?.assigneeId ?? null;
    const now = deps.clock.now();
    const best = rankCollectors(collectors, now)[0];
    if (!best) return null;
    const entry: TimelineEntry = {
      id: newId('tl', now),
      at: now.toISOString(),
      kind: 'delinquency.assigned',
      actor: 'schedule',
      detail: `assigned to collector ${best.id} automatically (${best.openCount} of ${best.capacity} open, the best recent results with room)`,
      rule: 'assignment.capacity',
      data: { collectorId: best.id },
    };
    const updated = { ...delinquency, assigneeId: best.id, version: delinquency.version + 1 };
    if (
      await deps.delinquencies.assign(tenantId, updated, delinquency.version, [entry], {
        from: null,
        to: best.id,
        month: monthOf(now),
        withinCapacity: true,
      })
    )
      return best.id;
    // The delinquency moved or the collector filled up meanwhile: read both again and choose again.
  }
  return null;
};

/** A manager's (re)assignment. Unknown collectors are refused; capacity is theirs to overrule. */
export const reassign = async (
  deps: AssignmentDeps,
  tenantId: string,
  delinquencyId: string,
  collectorId: string | null,
  actor: string,
): Promise<Delinquency> => {
  if (collectorId !== null && !(await deps.collectors.get(tenantId, collectorId))) {
    throw new ValidationError('no such collector', [
      {
        path: 'collectorId',
        message: `no collector ${collectorId}: register it with PUT /v1/collectors/${collectorId}`,
      },
    ]);
  }
  return retryOnConflict('the delinquency', async () => {
    const delinquency = await deps.delinquencies.get(tenantId, delinquencyId);
    if (!delinquency) throw new NotFoundError(`no delinquency ${delinquencyId}`);
    if (delinquency.assigneeId === collectorId) return delinquency;
    const closed = CLOSED_STATUSES.includes(delinquency.status);
    const now = deps.clock.now();
    const entry: TimelineEntry = {
      id: newId('tl', now),
      at: now.toISOString(),
      kind: 'delinquency.assigned',
      actor,
      detail:
        collectorId === null
          ? `unassigned from collector ${delinquency.assigneeId}`
          : `assigned to collector ${collectorId}${delinquency.assigneeId ? ` (was ${delinquency.assigneeId})` : ''}`,
      rule: 'assignment.manual',
      data: { collectorId, previous: delinquency.assigneeId },
    };
    const updated = { ...delinquency, assigneeId: collectorId, version: delinquency.version + 1 };
    // A closed debt counts in nobody's load: only the name on it changes.
    const change = closed ? { from: null, to: null } : { from: delinquency.assigneeId, to: collectorId };
    return (await deps.delinquencies.assign(tenantId, updated, delinquency.version, [entry], {
      ...change,
      month: monthOf(now),
      withinCapacity: false,
    }))
      ? updated
      : undefined;
  });
};

/** A debt ended: its collector's load drops, and a paid one counts to their results. */
export const releaseAssignment = async (
  deps: Pick<AssignmentDeps, 'collectors'>,
  tenantId: string,
  delinquency: Delinquency,
  at: Date,
): Promise<void> => {
  if (delinquency.assigneeId === null) return;
  await deps.collectors.release(tenantId, delinquency.assigneeId, monthOf(at), delinquency.status === 'resolved');
};
