// The indexes hold keys (and a filter attribute or two), not items: what an index query found is read from the table here.
import {
  BatchGetCommand,
  GetCommand,
  type DynamoDBDocumentClient,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { queryAll } from './client';
import type { IndexName } from './table-design';

/** Reads in flight at once for one page: a queue page of 100 reads in a few round trips without a burst of 100. */
const CONCURRENT_READS = 16;

/**
 * The table's items behind index entries, in the index's order. An item deleted since, or one that left the queried
 * partition since, is dropped, as the index itself would have dropped it a moment later. Eventually consistent reads,
 * like the index query they follow. `attributes` narrows each read (the index's partition key is always read).
 */
export const readIndexed = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  entries: readonly Record<string, unknown>[],
  index: IndexName,
  attributes?: readonly string[],
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
        new GetCommand({ TableName: tableName, Key: { pk: entry.pk, sk: entry.sk }, ...projection }),
      );
      found[at] = result.Item;
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENT_READS, entries.length) }, worker));
  return found.filter(
    (item, at): item is Record<string, unknown> => item !== undefined && item[member] === entries[at]![member],
  );
};

/** BatchGetItem's own limit of keys per request. */
const KEYS_PER_BATCH = 100;
/** Keys DynamoDB left unprocessed are asked for again this many times, with a growing pause. */
const BATCH_RETRIES = 5;

/**
 * Like readIndexed, in BatchGetItem requests of up to 100 keys (side by side) instead of one GetItem per entry: a page
 * of 25 is one round trip. For callers granted BatchGetItem; the answer keeps the index's order.
 */
export const batchReadIndexed = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  entries: readonly Record<string, unknown>[],
  index: IndexName,
): Promise<Record<string, unknown>[]> => {
  const member = `${index}pk`;
  const unique = [...new Map(entries.map((entry) => [`${entry.pk}\u0000${entry.sk}`, entry])).values()];
  const batches: Record<string, unknown>[][] = [];
  for (let at = 0; at < unique.length; at += KEYS_PER_BATCH)
    batches.push(unique.slice(at, at + KEYS_PER_BATCH).map((entry) => ({ pk: entry.pk, sk: entry.sk })));
  const found = new Map<string, Record<string, unknown>>();
  await Promise.all(
    batches.map(async (batch) => {
      let pending = batch;
      for (let attempt = 0; pending.length > 0 && attempt <= BATCH_RETRIES; attempt += 1) {
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** attempt));
        const result = await client.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending } } }));
        for (const item of result.Responses?.[tableName] ?? []) found.set(`${item.pk}\u0000${item.sk}`, item);
        pending = (result.UnprocessedKeys?.[tableName]?.Keys as Record<string, unknown>[] | undefined) ?? [];
      }
      if (pending.length > 0)
        throw new Error(`DynamoDB left ${pending.length} keys unread after ${BATCH_RETRIES} retries`);
    }),
  );
  return entries
    .map((entry) => found.get(`${entry.pk}\u0000${entry.sk}`))
    .filter((item, at): item is Record<string, unknown> => item !== undefined && item[member] === entries[at]![member]);
};

/** Every entry of an index query (all pages), read from the table. */
export const queryIndexed = async (
  client: DynamoDBDocumentClient,
  input: QueryCommandInput & { TableName: string; IndexName: IndexName },
  attributes?: readonly string[],
): Promise<Record<string, unknown>[]> =>
  readIndexed(client, input.TableName, await queryAll(client, input), input.IndexName, attributes);
