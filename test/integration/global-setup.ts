// Starts the one DynamoDB Local a test run needs (integration, statemachines, chaos and e2e share it); each test file
// makes its own table in it, and each e2e runtime a database of its own.
import { startDynamoDbLocal, type RunningDynamoDb } from '../../local/dynamodb-local';

/** Jest runs every project's global setup and teardown in this one process: the JVM is started once and counted. */
export const sharedDynamoDb = globalThis as {
  __arrearsDynamo?: Promise<RunningDynamoDb>;
  __arrearsDynamoUsers?: number;
};

export default async function globalSetup(): Promise<void> {
  // Without -sharedDb, DynamoDB Local keeps a database per access key: the tests' fixed key sees one (a table per file),
  // each e2e runtime signs with a key of its own and sees only its own.
  sharedDynamoDb.__arrearsDynamo ??= startDynamoDbLocal({ sharedDb: false, lean: false });
  sharedDynamoDb.__arrearsDynamoUsers = (sharedDynamoDb.__arrearsDynamoUsers ?? 0) + 1;
  process.env.ARREARS_TEST_DYNAMODB_ENDPOINT = (await sharedDynamoDb.__arrearsDynamo).endpoint;
}
