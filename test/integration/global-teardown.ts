// Stops the integration tests' DynamoDB Local.
import type { RunningDynamoDb } from '../../local/dynamodb-local';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __arrearsDynamo?: RunningDynamoDb }).__arrearsDynamo?.stop();
}
