// Unsubscribe tokens: a random token per customer address, stored both ways so links resolve and tokens are reused.
import { randomBytes } from 'node:crypto';
import { GetCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { UnsubscribeTarget, UnsubscribeTokens } from '../../ports/unsubscribe-tokens.port';
import { transactionCancellationCodes } from './client';
import { itemMeta, keys } from './keys';

export class DynamoUnsubscribeTokens implements UnsubscribeTokens {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async tokenFor(target: UnsubscribeTarget): Promise<string> {
    const key = keys.customerToken(target.tenantId, target.customerId, target.channel, target.address);
    const existing = await this.client.send(new GetCommand({ TableName: this.tableName, Key: key }));
    if (typeof existing.Item?.token === 'string') return existing.Item.token;
    const token = randomBytes(24).toString('base64url');
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: this.tableName, Item: { ...key, ...itemMeta('CustomerToken'), token }, ConditionExpression: 'attribute_not_exists(pk)' } },
            { Put: { TableName: this.tableName, Item: { ...keys.unsubscribeToken(token, target.tenantId), ...itemMeta('UnsubscribeToken'), ...target } } },
          ],
        }),
      );
      return token;
    } catch (error) {
      // Another send created it first: use theirs.
      if (transactionCancellationCodes(error)?.[0] !== 'ConditionalCheckFailed') throw error;
      const winner = await this.client.send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }));
      return String(winner.Item?.token);
    }
  }

  async resolve(token: string): Promise<UnsubscribeTarget | null> {
    if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) return null;
    const page = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.unsubscribePartition(token) },
        Limit: 1,
      }),
    );
    const item = page.Items?.[0];
    if (!item) return null;
    return { tenantId: String(item.tenantId), customerId: String(item.customerId), channel: item.channel as UnsubscribeTarget['channel'], address: String(item.address) };
  }
}
