// Closes the browser tests' Chromium, stops their runtime as a user does (SIGTERM), then the run's DynamoDB Local.
import type { BrowserServer } from 'playwright-core';
import stopDynamoDb from '../integration/global-teardown';
import type { RuntimeProcess } from '../e2e/runtime-process';

export default async function globalTeardown(): Promise<void> {
  const state = globalThis as { __arrearsBrowserRuntime?: RuntimeProcess; __arrearsBrowser?: BrowserServer };
  await Promise.all([state.__arrearsBrowser?.close(), state.__arrearsBrowserRuntime?.stop()]);
  await stopDynamoDb();
}
