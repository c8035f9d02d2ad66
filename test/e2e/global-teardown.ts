// Stops the end-to-end tests' runtime the way a user does: SIGTERM.
import type { RuntimeProcess } from './runtime-process';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __arrearsRuntime?: RuntimeProcess }).__arrearsRuntime?.stop();
}
