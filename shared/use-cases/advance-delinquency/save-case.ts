// Saving the case in a pass: what its actions did recorded first, the case re-scored, and the wait's token in the same
// write, conditioned on the version the pass read (a fact that moved since fails it, and the pass derives again).
import type { IntegrationEvent } from '../../../events/catalog';
import { CLOSED_STATUSES, type Delinquency, type TimelineEntry } from '../../schemas/delinquency.schema';
import type { PaymentPlan } from '../../schemas/plan.schema';
import type { PaymentPromise } from '../../schemas/promise.schema';
import type {
  DelinquencyListings,
  DelinquencyPlans,
  DelinquencyPromises,
  DelinquencyRecords,
  DelinquencyTimeline,
} from '../../ports/delinquency-repository.port';
import type { EngineDeps } from '../engine-deps';
import { releaseAssignment } from '../assignment';
import { publishOrPark, type PublishDeps } from '../publish-or-park';
import { scoreDelinquency } from '../scoring';
import type { AdvanceInput } from './result';
import type { Facts } from './facts';

/** The wait a pass saves with the case: its task token, and its execution's passes counted with this one. */
export interface PassWait {
  taskToken: string;
  wakes: { execution: string; passes: number };
}

export const passWait = (input: AdvanceInput, read: Delinquency): PassWait | null => {
  if (!input.wait) return null;
  const { taskToken, execution } = input.wait;
  const passes = read.wakes?.execution === execution ? read.wakes.passes + 1 : 1;
  return { taskToken, wakes: { execution, passes } };
};

/** What an attempt's saves wrote last, and whether its token went with it. */
export interface Written {
  current: Delinquency;
  parked: boolean;
}

/** A save writes the case with its pause and timeline, scores it, publishes, and frees the collector when it closes. */
export type SaveDeps = PublishDeps &
  Pick<EngineDeps, 'collectors' | 'invoices'> & {
    delinquencies: DelinquencyRecords &
      DelinquencyTimeline &
      DelinquencyPromises &
      DelinquencyPlans &
      DelinquencyListings;
  };

/** An attempt's saver: the entries and events its actions add, and the writes that record them and save the case. */
export const caseSaver = (deps: SaveDeps, f: Facts, wait: PassWait | null, written: Written, now: Date) => {
  const delinquency = f.delinquency;
  /** What actions did: recorded before the state is saved, so a retry after a lost race forgets none of it. */
  const entries: TimelineEntry[] = [];
  const events: IntegrationEvent[] = [];
  const flush = async () => {
    if (entries.length > 0) await deps.delinquencies.appendTimeline(f.tenant.id, delinquency.id, entries.splice(0));
    if (events.length > 0) await publishOrPark(deps, f.tenant.id, delinquency.id, events.splice(0));
  };
  const save = async (
    changes: Partial<Delinquency>,
    stateEntries: TimelineEntry[] = [],
    attached: { promise?: PaymentPromise; plan?: PaymentPlan } = {},
    /** False when the execution ends after this save: no wait is left for an event to wake. */
    waits = true,
  ) => {
    await flush();
    const draft: Delinquency = { ...delinquency, ...changes };
    const closing = CLOSED_STATUSES.includes(draft.status);
    // The wait's token goes with the case in this same write, unless the case closes (its last passes follow first).
    // Every pass that saves re-scores from the facts it read, so the queue ranks by today's balance and history.
    // The queue's balance, which this pass's own charges moved already (in their transactions): it must not go back.
    const balance = f.balance + f.charged;
    const scoring = closing
      ? { balance }
      : await scoreDelinquency(deps, {
          ...f,
          delinquency: draft,
          invoice: f.found.invoice,
          balance,
          storedCase: delinquency,
        });
    // The wait's token goes with the case in this same write, unless the case closes (its last passes follow first).
    const taskToken = wait && waits && !closing ? wait.taskToken : null;
    const updated: Delinquency = {
      ...draft,
      ...scoring,
      taskToken,
      ...(wait ? { wakes: wait.wakes } : {}),
      version: delinquency.version + 1,
    };
    const saved = attached.promise
      ? await deps.delinquencies.saveWithPromise(
          f.tenant.id,
          updated,
          delinquency.version,
          stateEntries,
          attached.promise,
          false,
        )
      : attached.plan
        ? await deps.delinquencies.saveWithPlan(
            f.tenant.id,
            updated,
            delinquency.version,
            stateEntries,
            attached.plan,
            false,
          )
        : await deps.delinquencies.save(f.tenant.id, updated, delinquency.version, stateEntries);
    if (saved) Object.assign(written, { current: updated, parked: taskToken !== null });
    if (saved && closing) await releaseAssignment(deps, f.tenant.id, updated, now);
    return saved;
  };
  return { entries, events, flush, save };
};
