// Stops the end-to-end tests' runtime the way a user does (SIGTERM), then the DynamoDB Local it kept its data in.
import stopDynamoDb from '../integration/global-teardown';
import type { RuntimeProcess } from './runtime-process';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __arrearsRuntime?: RuntimeProcess }).__arrearsRuntime?.stop();
  await stopDynamoDb();
}
