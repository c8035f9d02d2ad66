// One write a form makes: its pending state, the API's refusal (kept to show per field), and a reload of the screen
// after a success, so what the screen shows is always the API's answer.
import { useState } from 'preact/hooks';
import { ApiError } from '../../api';

export interface Action<A extends unknown[]> {
  run: (...args: A) => Promise<boolean>;
  pending: boolean;
  error: Error | null;
  /** The API's message for one field of the request, if it refused it. */
  field: (path: string) => string | undefined;
  reset: () => void;
}

export const useAction = <A extends unknown[]>(
  write: (...args: A) => Promise<unknown>,
  after: () => Promise<void> | void,
): Action<A> => {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const run = async (...args: A): Promise<boolean> => {
    setPending(true);
    setError(null);
    try {
      await write(...args);
      await after();
      return true;
    } catch (caught) {
      setError(caught as Error);
      return false;
    } finally {
      setPending(false);
    }
  };
  return {
    run,
    pending,
    error,
    field: (path) => (error instanceof ApiError ? error.fieldMessage(path) : undefined),
    reset: () => setError(null),
  };
};
