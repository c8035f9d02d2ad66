// Seeds a benchmark's table fast: BatchWriteItem in 25s from several writers, re-sending what DynamoDB left unprocessed.
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export const batchWrite = async (
  client: DynamoDBDocumentClient,
  table: string,
  items: Record<string, unknown>[],
  writers = 8,
): Promise<void> => {
  let next = 0;
  const writer = async () => {
    while (next < items.length) {
      let requests = items.slice(next, next + 25).map((Item) => ({ PutRequest: { Item } }));
      next += 25;
      while (requests.length > 0) {
        const result = await client.send(new BatchWriteCommand({ RequestItems: { [table]: requests } }));
        requests = (result.UnprocessedItems?.[table] ?? []) as typeof requests;
      }
    }
  };
  await Promise.all(Array.from({ length: writers }, writer));
};
