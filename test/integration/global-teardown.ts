// Stops the test run's DynamoDB Local once the last project that set it up is done with it.
import { sharedDynamoDb } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  sharedDynamoDb.__arrearsDynamoUsers = (sharedDynamoDb.__arrearsDynamoUsers ?? 1) - 1;
  if (sharedDynamoDb.__arrearsDynamoUsers > 0) return;
  const dynamo = sharedDynamoDb.__arrearsDynamo;
  sharedDynamoDb.__arrearsDynamo = undefined;
  await (await dynamo)?.stop();
}
