// The indexes hold keys (and a filter attribute or two), not items: what an index query found is read from the table here.
import { GetCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { queryAll } from './client';
import type { IndexName } from './table-design';

/** Reads in flight at once for one page: a queue page of 100 reads in a few round trips without a burst of 100. */
const CONCURRENT_READS = 16;

/**
 * The table's items behind index entries, in the index's order. An item deleted since, or one that left the queried
 * partition since, is dropped, as the index itself would have dropped it a moment later. Eventually consistent reads,
 * like the index query they follow, unless `consistent` asks for the items as the last write left them (the index still
 * lags). `attributes` narrows each read (the index's partition key is always read).
 */
export const readIndexed = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  entries: readonly Record<string, unknown>[],
  index: IndexName,
  { attributes, consistent = false }: { attributes?: readonly string[]; consistent?: boolean } = {},
): Promise<Record<string, unknown>[]> => {
  const member = `${index}pk`;
  const names = attributes ? [...new Set([...attributes, member])] : [];
  const projection = attributes
    ? {
        ProjectionExpression: names.map((_, i) => `#a${i}`).join(', '),
        ExpressionAttributeNames: Object.fromEntries(names.map((name, i) => [`#a${i}`, name])),
      }
    : {};
  const found: (Record<string, unknown> | undefined)[] = new Array(entries.length);
  let next = 0;
  const worker = async () => {
    while (next < entries.length) {
      const at = next++;
      const entry = entries[at]!;
      const result = await client.send(
        new GetCommand({
          TableName: tableName,
          Key: { pk: entry.pk, sk: entry.sk },
          ...projection,
          ...(consistent ? { ConsistentRead: true } : {}),
        }),
      );
      found[at] = result.Item;
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENT_READS, entries.length) }, worker));
  return found.filter(
    (item, at): item is Record<string, unknown> => item !== undefined && item[member] === entries[at]![member],
  );
};

/** Every entry of an index query (all pages), read from the table. */
export const queryIndexed = async (
  client: DynamoDBDocumentClient,
  input: QueryCommandInput & { TableName: string; IndexName: IndexName },
  options: { attributes?: readonly string[]; consistent?: boolean } = {},
): Promise<Record<string, unknown>[]> =>
  readIndexed(client, input.TableName, await queryAll(client, input), input.IndexName, options);
