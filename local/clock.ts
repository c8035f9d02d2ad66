// The local runtime's time: the wall clock, or a virtual clock that stands still until POST /local/clock/advance moves it.
import type { Clock } from '../shared/ports/clock.port';

export class VirtualClock implements Clock {
  constructor(private current: Date) {}

  now(): Date {
    return new Date(this.current.getTime());
  }

  /** Moves time forward; time never runs backwards. */
  set(to: Date): void {
    if (to.getTime() > this.current.getTime()) this.current = new Date(to.getTime());
  }
}
