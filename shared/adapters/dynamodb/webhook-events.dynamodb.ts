// Webhook bookkeeping in the single table: event records (kept 90 days by TTL), provider payment links, waiting refunds.
import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type {
  ProviderPaymentLink,
  WaitingReversal,
  WebhookEventRecord,
  WebhookEventStore,
  WebhookOutcome,
} from '../../ports/webhook-events.port';
import { conditionFailureItem, isConditionFailure, queryAll } from './client';
import { itemMeta, keys, stripStorage } from './keys';

/** Providers retry for about three days; the record outlives that by a wide margin, for audits. */
const EVENT_RETENTION_SECONDS = 90 * 24 * 3600;

export class DynamoWebhookEventStore implements WebhookEventStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async begin(
    tenantId: string,
    record: WebhookEventRecord,
  ): Promise<{ fresh: true } | { fresh: false; record: WebhookEventRecord }> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...keys.webhookEvent(tenantId, record.provider, record.eventId),
            ...itemMeta('WebhookEvent'),
            ...record,
            expiresAt: Math.floor(Date.parse(record.receivedAt) / 1000) + EVENT_RETENTION_SECONDS,
          },
          // A record still 'received' past its lease belongs to an attempt that died midway: this one does the
          // (idempotent) work again.
          ConditionExpression: 'attribute_not_exists(pk) OR (#status = :received AND leaseUntil < :now)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':received': 'received', ':now': record.receivedAt },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return { fresh: true };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      return { fresh: false, record: stripStorage(conditionFailureItem(error) ?? {}) as unknown as WebhookEventRecord };
    }
  }

  async finish(
    tenantId: string,
    provider: string,
    eventId: string,
    status: WebhookOutcome,
    detail: string,
    at: string,
  ): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.webhookEvent(tenantId, provider, eventId),
        UpdateExpression: 'SET #status = :status, detail = :detail, finishedAt = :at',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':status': status, ':detail': detail, ':at': at },
      }),
    );
  }

  async linkPayment(
    tenantId: string,
    provider: string,
    providerPaymentId: string,
    link: ProviderPaymentLink,
  ): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...keys.providerPayment(tenantId, provider, providerPaymentId),
          ...itemMeta('ProviderPayment'),
          ...link,
        },
      }),
    );
  }

  async paymentLink(
    tenantId: string,
    provider: string,
    providerPaymentId: string,
  ): Promise<ProviderPaymentLink | null> {
    const result = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.providerPayment(tenantId, provider, providerPaymentId),
        ConsistentRead: true,
      }),
    );
    return result.Item ? { invoiceId: String(result.Item.invoiceId), paymentId: String(result.Item.paymentId) } : null;
  }

  async addWaiting(
    tenantId: string,
    provider: string,
    providerPaymentId: string,
    waiting: WaitingReversal,
  ): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...keys.waitingReversal(tenantId, provider, providerPaymentId, waiting.eventId),
          ...itemMeta('WaitingReversal'),
          ...waiting,
        },
      }),
    );
  }

  async listWaiting(tenantId: string, provider: string, providerPaymentId: string): Promise<WaitingReversal[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: {
        ':pk': keys.providerPaymentPartition(tenantId, provider, providerPaymentId),
        ':prefix': keys.waitingPrefix,
      },
      ConsistentRead: true,
    });
    return items.map((item) => ({
      eventId: String(item.eventId),
      kind: item.kind === 'chargeback' ? 'chargeback' : 'refund',
      cumulativeAmount: Number(item.cumulativeAmount),
      ...(typeof item.currency === 'string' ? { currency: item.currency } : {}),
      reference: String(item.reference),
    }));
  }
}
