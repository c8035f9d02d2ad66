// Pay-link tokens: a random token per invoice, stored both ways so links resolve and every reminder reuses the same link.
import { randomBytes } from 'node:crypto';
import { GetCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { PayTarget, PayTokens } from '../../ports/pay-tokens.port';
import { transactionCancellationCodes } from './client';
import { itemMeta, keys } from './keys';

export class DynamoPayTokens implements PayTokens {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async tokenFor(target: PayTarget): Promise<string> {
    const key = keys.invoicePayToken(target.tenantId, target.invoiceId);
    const existing = await this.client.send(new GetCommand({ TableName: this.tableName, Key: key }));
    if (typeof existing.Item?.token === 'string') return existing.Item.token;
    const token = randomBytes(24).toString('base64url');
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: this.tableName, Item: { ...key, ...itemMeta('InvoicePayToken'), token }, ConditionExpression: 'attribute_not_exists(pk)' } },
            { Put: { TableName: this.tableName, Item: { ...keys.payToken(token, target.tenantId), ...itemMeta('PayToken'), ...target } } },
          ],
        }),
      );
      return token;
    } catch (error) {
      // A concurrent send created it first: use theirs.
      if (transactionCancellationCodes(error)?.[0] !== 'ConditionalCheckFailed') throw error;
      const winner = await this.client.send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }));
      return String(winner.Item?.token);
    }
  }

  async resolve(token: string): Promise<PayTarget | null> {
    if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) return null;
    const page = await this.client.send(
      new QueryCommand({ TableName: this.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.payTokenPartition(token) }, Limit: 1 }),
    );
    const item = page.Items?.[0];
    return item ? { tenantId: String(item.tenantId), invoiceId: String(item.invoiceId), customerId: String(item.customerId) } : null;
  }
}
