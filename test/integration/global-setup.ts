// Starts one DynamoDB Local for the integration tests; each test file makes its own table in it.
import { startDynamoDbLocal, type RunningDynamoDb } from '../../local/dynamodb-local';

export default async function globalSetup(): Promise<void> {
  const dynamo = await startDynamoDbLocal();
  (globalThis as { __arrearsDynamo?: RunningDynamoDb }).__arrearsDynamo = dynamo;
  process.env.ARREARS_TEST_DYNAMODB_ENDPOINT = dynamo.endpoint;
}
