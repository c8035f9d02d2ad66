// Public-link tokens stored both ways (owner -> token, token -> target): links resolve without an API key, and every
// message about the same owner reuses the same token. Used by the unsubscribe and pay links.
import { randomBytes } from 'node:crypto';
import { GetCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { transactionCancellationCodes } from './client';
import { itemMeta, type ItemType, type PrimaryKey } from './keys';

export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

export interface TokenPair {
  owner: PrimaryKey;
  ownerType: ItemType;
  link: (token: string) => PrimaryKey;
  linkType: ItemType;
  /** What the token resolves to, stored on the link item. */
  target: Record<string, string>;
}

export const tokenFor = async (client: DynamoDBDocumentClient, tableName: string, pair: TokenPair): Promise<string> => {
  const existing = await client.send(new GetCommand({ TableName: tableName, Key: pair.owner }));
  if (typeof existing.Item?.token === 'string') return existing.Item.token;
  const token = randomBytes(24).toString('base64url');
  try {
    await client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableName,
              Item: { ...pair.owner, ...itemMeta(pair.ownerType), token },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          { Put: { TableName: tableName, Item: { ...pair.link(token), ...itemMeta(pair.linkType), ...pair.target } } },
        ],
      }),
    );
    return token;
  } catch (error) {
    // A concurrent send created it first: use theirs.
    if (transactionCancellationCodes(error)?.[0] !== 'ConditionalCheckFailed') throw error;
    const winner = await client.send(new GetCommand({ TableName: tableName, Key: pair.owner, ConsistentRead: true }));
    return String(winner.Item?.token);
  }
};

/** The stored target of a token's link partition, or null for a malformed or unknown token. */
export const resolveToken = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  token: string,
  partition: (token: string) => string,
): Promise<Record<string, unknown> | null> => {
  if (!TOKEN_PATTERN.test(token)) return null;
  const page = await client.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': partition(token) },
      Limit: 1,
    }),
  );
  return page.Items?.[0] ?? null;
};
