// Paces StartExecution calls under the account's quota (a token bucket: a burst at once, then a steady refill), so a
// run that starts many executions spends its time starting them instead of being throttled and backing off.

/** Time as the pacer sees it: the real clock when deployed, a virtual one in benchmarks and tests. */
export interface PacerTime {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realPacerTime: PacerTime = {
  now: () => Date.now(),
  sleep: (ms) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
};

export class StartPacer {
  private tokens: number;
  private updatedAt: number;

  constructor(
    readonly ratePerSecond: number,
    readonly burst: number,
    private readonly time: PacerTime = realPacerTime,
    /**
     * Starts allowed at once when the pacer is made. None by default: a fresh process (a run's next turn, a cold start)
     * cannot know what the quota's bucket holds, and a second or so of the burst is all that is given up.
     */
    initialTokens = 0,
  ) {
    if (!(ratePerSecond > 0) || !(burst >= 1))
      throw new Error('a start pacer needs a positive rate and a burst of at least 1');
    this.tokens = Math.min(burst, initialTokens);
    this.updatedAt = time.now();
  }

  /**
   * Waits for this caller's turn. Turns are handed out in call order: the burst at once, then one every 1/rate
   * seconds. A negative balance is the queue of callers already promised a later turn.
   */
  async take(): Promise<void> {
    const now = this.time.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.updatedAt) * this.ratePerSecond) / 1000);
    this.updatedAt = now;
    this.tokens -= 1;
    if (this.tokens < 0) await this.time.sleep((-this.tokens * 1000) / this.ratePerSecond);
  }

  /** The service throttled anyway (someone else shares the quota): start again from an empty bucket. */
  drain(): void {
    this.tokens = Math.min(this.tokens, 0);
  }
}
