// EventBridge Scheduler, locally: each one-time wake schedule is a timer on the runtime's queue that hands its task
// token back (as the schedule's role would call SendTaskSuccess) and is gone once it has run (ActionAfterCompletion DELETE).
import { wakeScheduleName } from '../shared/domain/wake-schedule';
import type { WakeSchedules } from '../shared/ports/wake-schedules.port';
import type { TimerQueue } from './timers';

export class LocalScheduler implements WakeSchedules {
  private readonly names = new Set<string>();
  /** Schedules created, and schedules that ran (each run one Scheduler invocation when deployed). */
  created = 0;
  invocations = 0;

  constructor(
    private readonly timers: TimerQueue,
    /** Hands the token back as the schedule's target would: SendTaskSuccess under the scheduler's role. */
    private readonly deliver: (taskToken: string) => Promise<void>,
  ) {}

  async wakeAt(taskToken: string, at: Date): Promise<void> {
    const name = wakeScheduleName(taskToken);
    // As CreateSchedule's ConflictException, which the adapter takes for done: a name exists once until it has run.
    if (this.names.has(name)) return;
    this.names.add(name);
    this.created += 1;
    this.timers.schedule(at, `schedule ${name}`, async () => {
      this.names.delete(name);
      this.invocations += 1;
      await this.deliver(taskToken);
    });
  }
}
