// Starts `npm start`'s program with a virtual clock and two tenants; the tests talk to it over HTTP only. Its data lives
// in the run's shared DynamoDB Local (see ../integration/global-setup.ts), as that of every e2e runtime does.
import startDynamoDb from '../integration/global-setup';
import { ensureConsoleBuilt } from '../../local/console-assets';
import { startRuntimeProcess, type RuntimeProcess } from './runtime-process';

export const E2E_TENANTS = 'acme:acme-key-00000001:whsec_acme,globex:globex-key-00000001:whsec_globex';

export default async function globalSetup(): Promise<void> {
  await startDynamoDb();
  // Built once here, so the runtimes the files start (several at a time) find it built and never build it together.
  ensureConsoleBuilt();
  const runtime = await startRuntimeProcess({
    ARREARS_CLOCK: 'virtual',
    ARREARS_CLOCK_START: '2026-12-01T08:00:00Z',
    ARREARS_LOCAL_TENANTS: E2E_TENANTS,
  });
  (globalThis as { __arrearsRuntime?: RuntimeProcess }).__arrearsRuntime = runtime;
  process.env.ARREARS_E2E_URL = runtime.url;
}
