// Optimistic concurrency: re-read and try again when another writer moved the item first, with jittered backoff.
import { ConflictError } from '../errors/errors';

/**
 * Fifty writers on one item (a burst of webhooks for one invoice) need about fifty rounds before the last one wins, more
 * when a busy machine slows each round; the pauses keep the whole under a Lambda's timeout in the ordinary case, and a
 * caller that does run out answers 409 for its client (or Stripe) to retry later.
 */
export const MAX_OPTIMISTIC_ATTEMPTS = 150;
/** The code of the conflict thrown when the attempts run out: worth retrying later, unlike a refusal. */
export const CONCURRENT_MODIFICATION = 'concurrent-modification';

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` until it returns a value (not `undefined`). `undefined` means "someone else wrote first".
 * Full jitter keeps twenty writers on one invoice from colliding again in lockstep.
 */
export const retryOnConflict = async <T>(what: string, attempt: () => Promise<T | undefined>): Promise<T> => {
  for (let round = 0; round < MAX_OPTIMISTIC_ATTEMPTS; round += 1) {
    const result = await attempt();
    if (result !== undefined) return result;
    await pause(Math.random() * Math.min(250, 4 * 2 ** Math.min(round, 6)));
  }
  throw new ConflictError(`${what} kept changing under concurrent writes; try again`, CONCURRENT_MODIFICATION);
};
