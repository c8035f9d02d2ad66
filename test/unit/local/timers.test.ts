// The virtual clock fires timers in time order, each at its own time, and never runs backwards; the wall-clock queue
// holds a timer longer than setTimeout can wait until its own time.
import { VirtualClock } from '../../../local/clock';
import { RealTimerQueue, VirtualTimerQueue } from '../../../local/timers';

describe('VirtualTimerQueue', () => {
  it('fires due timers in order at their own instants, then stops at the target', async () => {
    const clock = new VirtualClock(new Date('2026-12-01T00:00:00Z'));
    const queue = new VirtualTimerQueue(clock, () => undefined);
    const fired: string[] = [];
    queue.schedule(
      new Date('2026-12-01T03:00:00Z'),
      'b',
      async () => void fired.push(`b@${clock.now().toISOString()}`),
    );
    queue.schedule(new Date('2026-12-01T01:00:00Z'), 'a', async () => {
      fired.push(`a@${clock.now().toISOString()}`);
      // A timer may schedule another that also falls inside the same advance.
      queue.schedule(
        new Date('2026-12-01T02:00:00Z'),
        'a2',
        async () => void fired.push(`a2@${clock.now().toISOString()}`),
      );
    });
    queue.schedule(new Date('2026-12-01T09:00:00Z'), 'later', async () => void fired.push('later'));

    const now = await queue.advanceTo(new Date('2026-12-01T06:00:00Z'));

    expect(fired).toEqual(['a@2026-12-01T01:00:00.000Z', 'a2@2026-12-01T02:00:00.000Z', 'b@2026-12-01T03:00:00.000Z']);
    expect(now.toISOString()).toBe('2026-12-01T06:00:00.000Z');
    expect(queue.pending()).toEqual([{ at: '2026-12-01T09:00:00.000Z', label: 'later' }]);
  });

  it('reports a failing timer and goes on with the rest', async () => {
    const clock = new VirtualClock(new Date('2026-12-01T00:00:00Z'));
    const failures: string[] = [];
    const queue = new VirtualTimerQueue(clock, (label) => failures.push(label));
    let ranAfter = false;
    queue.schedule(new Date('2026-12-01T01:00:00Z'), 'boom', async () => {
      throw new Error('boom');
    });
    queue.schedule(new Date('2026-12-01T02:00:00Z'), 'ok', async () => {
      ranAfter = true;
    });
    await queue.advanceTo(new Date('2026-12-01T03:00:00Z'));
    expect(failures).toEqual(['boom']);
    expect(ranAfter).toBe(true);
  });

  it('never moves the clock backwards', () => {
    const clock = new VirtualClock(new Date('2026-12-01T00:00:00Z'));
    clock.set(new Date('2026-11-01T00:00:00Z'));
    expect(clock.now().toISOString()).toBe('2026-12-01T00:00:00.000Z');
  });
});

describe('RealTimerQueue', () => {
  afterEach(() => jest.useRealTimers());

  it('holds a timer longer than setTimeout can wait (a wake schedule months away) until its own time', async () => {
    jest.useFakeTimers({ now: new Date('2027-01-01T00:00:00Z') });
    const fired: string[] = [];
    const queue = new RealTimerQueue({ now: () => new Date() }, () => undefined);
    queue.schedule(new Date('2027-03-01T00:00:00Z'), 'in two months', async () => {
      fired.push(new Date().toISOString());
    });
    // setTimeout's longest delay (about 24.8 days) passes twice: the timer is re-armed, not fired early.
    await jest.advanceTimersByTimeAsync(2 * 2_147_483_647);
    expect(fired).toEqual([]);
    expect(queue.pending()).toEqual([{ at: '2027-03-01T00:00:00.000Z', label: 'in two months' }]);
    await jest.advanceTimersByTimeAsync(Date.parse('2027-03-01T00:00:00Z') - Date.now());
    expect(fired).toEqual(['2027-03-01T00:00:00.000Z']);
    queue.stop();
  });
});
