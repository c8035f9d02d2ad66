// Opaque page cursors for list APIs: DynamoDB's LastEvaluatedKey as base64url, checked to belong to the caller's list.
import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ValidationError } from '../../errors/errors';

/** The refusal of a cursor this list did not give out (400, naming query.cursor). */
export const refuse = () => new ValidationError('the cursor is not one this list gave out', [{ path: 'query.cursor', message: 'unknown or foreign cursor' }], { code: 'invalid-cursor' });

export const encodeCursor = (lastKey: Record<string, unknown> | undefined): string | null =>
  lastKey ? Buffer.from(JSON.stringify(lastKey), 'utf8').toString('base64url') : null;

/**
 * Decodes a cursor for a query on `partitionAttribute` = `partition`. Every key attribute must be a string, and the
 * partition must be the caller's own: a cursor from another tenant or another list is refused, never followed.
 */
export const decodeCursor = (cursor: string | undefined, partitionAttribute: string, partition: string): Record<string, string> | undefined => {
  if (cursor === undefined) return undefined;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refuse();
  }
  if (typeof decoded !== 'object' || decoded === null || Array.isArray(decoded)) throw refuse();
  const entries = Object.entries(decoded);
  if (entries.length > 6 || !entries.every(([, value]) => typeof value === 'string')) throw refuse();
  const key = Object.fromEntries(entries) as Record<string, string>;
  if (key[partitionAttribute] !== partition || typeof key.pk !== 'string' || typeof key.sk !== 'string') throw refuse();
  return key;
};

/**
 * One page of an index partition, the caller's cursor checked to be this partition's, each item parsed by `parse`:
 * the shape every plain list API (tasks, disputes, closed delinquencies) shares.
 */
export const indexPage = async <T>(
  client: DynamoDBDocumentClient,
  request: { tableName: string; index: 'gsi1' | 'gsi2' | 'gsi3' | 'gsi4'; partition: string; limit: number; cursor: string | undefined; newestFirst?: boolean },
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
  return { items: (page.Items ?? []).map(parse), nextCursor: encodeCursor(page.LastEvaluatedKey) };
};
