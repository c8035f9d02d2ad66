// Starts, once per run, `npm start`'s program on a virtual clock with its default demo tenant, and one headless Debian
// Chromium that every browser test file connects to (a browser start costs more than a test).
import { chromium, type BrowserServer } from 'playwright-core';
import startDynamoDb from '../integration/global-setup';
import { ensureConsoleBuilt } from '../../local/console-assets';
import { startRuntimeProcess, type RuntimeProcess } from '../e2e/runtime-process';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';

export const BROWSER_CLOCK_START = '2026-12-01T08:00:00Z';

export default async function globalSetup(): Promise<void> {
  await startDynamoDb();
  // Built once here, so the runtimes the files start (several at a time) find it built and never build it together.
  ensureConsoleBuilt();
  const [runtime, browser] = await Promise.all([
    startRuntimeProcess({ ARREARS_CLOCK: 'virtual', ARREARS_CLOCK_START: BROWSER_CLOCK_START }),
    chromium.launchServer({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS }),
  ]);
  const state = globalThis as { __arrearsBrowserRuntime?: RuntimeProcess; __arrearsBrowser?: BrowserServer };
  state.__arrearsBrowserRuntime = runtime;
  state.__arrearsBrowser = browser;
  process.env.ARREARS_BROWSER_RUNTIME_URL = runtime.url;
  process.env.ARREARS_BROWSER_WS = browser.wsEndpoint();
}
