// One queue for every timer of the local runtime (schedules, waits, deadlines), fired in time order by the clock that owns it.
import type { Clock } from '../shared/ports/clock.port';
import type { VirtualClock } from './clock';

interface Timer {
  at: number;
  seq: number;
  label: string;
  fire: () => Promise<void>;
}

export interface TimerQueue {
  /** Runs `fire` once the clock reaches `at` (at once if it already has). */
  schedule(at: Date, label: string, fire: () => Promise<void>): void;
  /** Everything still waiting, soonest first (for the /local/timers view). */
  pending(): { at: string; label: string }[];
  stop(): void;
}

const byTime = (a: Timer, b: Timer) => a.at - b.at || a.seq - b.seq;

/** Timers on a virtual clock: nothing fires until `advanceTo` walks time forward through them in order. */
export class VirtualTimerQueue implements TimerQueue {
  private timers: Timer[] = [];
  private seq = 0;
  private advancing: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly clock: VirtualClock,
    private readonly onError: (label: string, error: unknown) => void,
  ) {}

  schedule(at: Date, label: string, fire: () => Promise<void>): void {
    this.timers.push({ at: at.getTime(), seq: (this.seq += 1), label, fire });
    this.timers.sort(byTime);
  }

  pending() {
    return this.timers.map((timer) => ({ at: new Date(timer.at).toISOString(), label: timer.label }));
  }

  /** Moves the clock to `target`, firing each due timer at its own time; resolves once nothing due is left. */
  advanceTo(target: Date): Promise<Date> {
    // Advances are serialised: a second request waits for the first, then continues from where it left time.
    const run = this.advancing.then(async () => {
      for (;;) {
        const next = this.timers[0];
        if (!next || next.at > target.getTime()) break;
        this.timers.shift();
        this.clock.set(new Date(next.at));
        try {
          await next.fire();
        } catch (error) {
          this.onError(next.label, error);
        }
      }
      this.clock.set(target);
      return this.clock.now();
    });
    this.advancing = run.catch(() => undefined);
    return run;
  }

  stop(): void {
    this.timers = [];
  }
}

/** The longest delay setTimeout takes (2^31 - 1 ms, about 24.8 days). */
const MAX_TIMEOUT_MS = 2_147_483_647;

/** Timers on the wall clock: each fires by a real timeout. */
export class RealTimerQueue implements TimerQueue {
  private readonly handles = new Map<NodeJS.Timeout, { at: number; label: string }>();

  constructor(
    private readonly clock: Clock,
    private readonly onError: (label: string, error: unknown) => void,
  ) {}

  schedule(at: Date, label: string, fire: () => Promise<void>): void {
    const delay = Math.max(0, at.getTime() - this.clock.now().getTime());
    const handle = setTimeout(
      () => {
        this.handles.delete(handle);
        // setTimeout caps a delay at about 24.8 days: a longer timer is re-armed in chunks until its time comes.
        if (this.clock.now().getTime() < at.getTime()) {
          this.schedule(at, label, fire);
          return;
        }
        fire().catch((error: unknown) => this.onError(label, error));
      },
      Math.min(delay, MAX_TIMEOUT_MS),
    );
    this.handles.set(handle, { at: at.getTime(), label });
  }

  pending() {
    return [...this.handles.values()]
      .sort((a, b) => a.at - b.at)
      .map((timer) => ({ at: new Date(timer.at).toISOString(), label: timer.label }));
  }

  stop(): void {
    for (const handle of this.handles.keys()) clearTimeout(handle);
    this.handles.clear();
  }
}
