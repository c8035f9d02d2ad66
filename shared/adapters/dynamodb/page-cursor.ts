// Opaque page cursors for list APIs: DynamoDB's LastEvaluatedKey as base64url, checked to belong to the caller's list.
import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ValidationError } from '../../errors/errors';
import { readIndexed } from './indexed-items';

/** The refusal of a cursor this list did not give out (400, naming query.cursor). */
export const refuse = () =>
  new ValidationError(
    'the cursor is not one this list gave out',
    [{ path: 'query.cursor', message: 'unknown or foreign cursor' }],
    { code: 'invalid-cursor' },
  );

export const encodeCursor = (lastKey: Record<string, unknown> | undefined): string | null =>
  lastKey ? Buffer.from(JSON.stringify(lastKey), 'utf8').toString('base64url') : null;

/** DynamoDB refuses a key attribute that is empty, a partition key over 2048 bytes and a sort key over 1024. */
const KEY_BYTES = { partition: 2048, sort: 1024 } as const;

/**
 * The exact attributes of a LastEvaluatedKey: the table's keys, and for an index query also that index's keys. A
 * cursor with any other attribute, one missing, or a value DynamoDB would refuse is forged: it must not reach a query.
 */
const cursorShape = (partitionAttribute: string): Record<string, number> => {
  const index = /^(gsi\d+)pk$/.exec(partitionAttribute)?.[1];
  const table = { pk: KEY_BYTES.partition, sk: KEY_BYTES.sort };
  return index ? { ...table, [`${index}pk`]: KEY_BYTES.partition, [`${index}sk`]: KEY_BYTES.sort } : table;
};

/**
 * Decodes a cursor for a query on `partitionAttribute` = `partition` (`pk` for the table, `gsiNpk` for an index). It
 * must hold exactly that query's key attributes, each a non-empty string DynamoDB accepts, and name the caller's own
 * partition: a cursor from another tenant or another list, or one made by hand, is refused, never followed.
 */
export const decodeCursor = (
  cursor: string | undefined,
  partitionAttribute: string,
  partition: string,
): Record<string, string> | undefined => {
  if (cursor === undefined) return undefined;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refuse();
  }
  if (typeof decoded !== 'object' || decoded === null || Array.isArray(decoded)) throw refuse();
  const shape = cursorShape(partitionAttribute);
  const entries = Object.entries(decoded);
  if (entries.length !== Object.keys(shape).length) throw refuse();
  for (const [name, value] of entries) {
    const limit = Object.hasOwn(shape, name) ? shape[name]! : 0;
    if (typeof value !== 'string' || value === '' || Buffer.byteLength(value, 'utf8') > limit) throw refuse();
  }
  const key = Object.fromEntries(entries) as Record<string, string>;
  if (key[partitionAttribute] !== partition) throw refuse();
  return key;
};

/**
 * One page of an index partition, the caller's cursor checked to be this partition's, each item parsed by `parse`:
 * the shape every plain list API (tasks, disputes, closed delinquencies) shares.
 */
export const indexPage = async <T>(
  client: DynamoDBDocumentClient,
  request: {
    tableName: string;
    index: 'gsi1' | 'gsi2' | 'gsi3' | 'gsi4';
    partition: string;
    limit: number;
    cursor: string | undefined;
    newestFirst?: boolean;
  },
  parse: (item: Record<string, unknown>) => T,
): Promise<{ items: T[]; nextCursor: string | null }> => {
  const page = await client.send(
    new QueryCommand({
      TableName: request.tableName,
      IndexName: request.index,
      KeyConditionExpression: `${request.index}pk = :pk`,
      ExpressionAttributeValues: { ':pk': request.partition },
      ...(request.newestFirst ? { ScanIndexForward: false } : {}),
      Limit: request.limit,
      ExclusiveStartKey: decodeCursor(request.cursor, `${request.index}pk`, request.partition),
    }),
  );
  const items = await readIndexed(client, request.tableName, page.Items ?? [], request.index);
  return { items: items.map(parse), nextCursor: encodeCursor(page.LastEvaluatedKey) };
};

/** A page of one table partition, newest first (sort keys that start with the time): the histories people read. */
export const newestFirstPage = async <T>(
  client: DynamoDBDocumentClient,
  request: { tableName: string; partition: string; limit: number; cursor: string | undefined },
  parse: (item: Record<string, unknown>) => T,
): Promise<{ items: T[]; nextCursor: string | null }> => {
  const page = await client.send(
    new QueryCommand({
      TableName: request.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': request.partition },
      ScanIndexForward: false,
      Limit: request.limit,
      ExclusiveStartKey: decodeCursor(request.cursor, 'pk', request.partition),
    }),
  );
  return { items: (page.Items ?? []).map(parse), nextCursor: encodeCursor(page.LastEvaluatedKey) };
};
