// Which deployed function the code running now stands for: the local runtime runs every function in one process, so
// each invocation is scoped, and every AWS call made inside it is checked against that function's own role.
import { AsyncLocalStorage } from 'node:async_hooks';

const scope = new AsyncLocalStorage<string>();

/** Runs `work` as the function `functionId` (a route's id, `AdvanceTask`, ...): its AWS calls use that function's role. */
export const runAsFunction = <T>(functionId: string, work: () => T): T => scope.run(functionId, work);

/** The function whose invocation is running now; undefined outside any (an operator's setup, a test's arrangement). */
export const currentFunction = (): string | undefined => scope.getStore();

/** A handler that always runs as `functionId`, as Lambda would run it under that function's role. */
export const asFunction =
  <A extends unknown[], R>(functionId: string, handler: (...args: A) => R) =>
  (...args: A): R =>
    runAsFunction(functionId, () => handler(...args));
