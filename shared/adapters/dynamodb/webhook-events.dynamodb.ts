// Webhook bookkeeping in the single table: event records (kept 90 days by TTL) and provider payment links carrying the
// refunds that wait for their payment; the items a payment's own transaction writes are built here too.
import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type {
  PaymentReceipt,
  ProviderPaymentLink,
  ProviderPaymentPart,
  ProviderPaymentState,
  WaitingReversal,
  WebhookEventRecord,
  WebhookEventStore,
  WebhookOutcome,
} from '../../ports/webhook-events.port';
import { conditionFailureItem, isConditionFailure } from './client';
import { itemMeta, keys, stripStorage } from './keys';
import type { TransactItem } from './report-items';

/** Providers retry for about three days; the record outlives that by a wide margin, for audits. */
const EVENT_RETENTION_SECONDS = 90 * 24 * 3600;

const eventItem = (tenantId: string, record: WebhookEventRecord) => ({
  ...keys.webhookEvent(tenantId, record.provider, record.eventId),
  ...itemMeta('WebhookEvent'),
  ...record,
  expiresAt: Math.floor(Date.parse(record.receivedAt) / 1000) + EVENT_RETENTION_SECONDS,
});

const waitingOf = (item: Record<string, unknown> | undefined): WaitingReversal[] =>
  Array.isArray(item?.waiting)
    ? (item.waiting as Record<string, unknown>[]).map((entry) => ({
        eventId: String(entry.eventId),
        kind: entry.kind === 'chargeback' ? 'chargeback' : 'refund',
        cumulativeAmount: Number(entry.cumulativeAmount),
        ...(typeof entry.currency === 'string' ? { currency: entry.currency } : {}),
        reference: String(entry.reference),
      }))
    : [];

const partsOf = (value: unknown): ProviderPaymentPart[] | null =>
  Array.isArray(value)
    ? (value as Record<string, unknown>[]).map((part) => ({
        invoiceId: String(part.invoiceId),
        paymentId: String(part.paymentId),
        ...(typeof part.amount === 'number' ? { amount: part.amount } : {}),
      }))
    : null;

const linkOf = (item: Record<string, unknown> | null | undefined): ProviderPaymentLink | null => {
  if (typeof item?.paymentId !== 'string') return null;
  const parts = partsOf(item.parts);
  return { invoiceId: String(item.invoiceId), paymentId: item.paymentId, ...(parts ? { parts } : {}) };
};

const stateOf = (item: Record<string, unknown> | null | undefined): ProviderPaymentState => ({
  link: linkOf(item),
  eventId: typeof item?.eventId === 'string' ? item.eventId : null,
  waiting: waitingOf(item ?? undefined),
});

/**
 * The item a provider payment adds to its invoice transaction, after the invoice's own two: the link to the payment,
 * with the record of the event that brought it, refused while refunds wait on it unless the caller knows they do.
 */
export const paymentReceiptItems = (
  tableName: string,
  tenantId: string,
  receipt: PaymentReceipt,
  link: ProviderPaymentLink,
): TransactItem[] => {
  const event = receipt.event
    ? {
        eventId: receipt.event.eventId,
        eventType: receipt.event.type,
        eventStatus: receipt.event.status,
        eventDetail: receipt.event.detail ?? '',
        receivedAt: receipt.event.receivedAt,
      }
    : {};
  const values: Record<string, unknown> = {
    ':type': itemMeta('ProviderPayment').type,
    ':sv': itemMeta('ProviderPayment').schemaVersion,
    ':invoiceId': link.invoiceId,
    ':paymentId': link.paymentId,
    ...Object.fromEntries(Object.entries(event).map(([name, value]) => [`:${name}`, value])),
  };
  return [
    {
      Update: {
        TableName: tableName,
        Key: keys.providerPayment(tenantId, receipt.provider, receipt.providerPaymentId),
        UpdateExpression: [
          'SET #type = :type, schemaVersion = :sv, invoiceId = :invoiceId, paymentId = :paymentId',
          ...Object.keys(event).map((name) => `${name} = :${name}`),
        ].join(', '),
        ...(receipt.waitingKnown ? {} : { ConditionExpression: 'attribute_not_exists(waiting)' }),
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: values,
      },
    },
  ];
};

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
          Item: eventItem(tenantId, record),
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

  async providerPayment(tenantId: string, provider: string, providerPaymentId: string): Promise<ProviderPaymentState> {
    const result = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.providerPayment(tenantId, provider, providerPaymentId),
        ConsistentRead: true,
      }),
    );
    return stateOf(result.Item);
  }

  async linkParts(
    tenantId: string,
    provider: string,
    providerPaymentId: string,
    parts: readonly ProviderPaymentPart[],
  ): Promise<ProviderPaymentState> {
    const [first] = parts;
    if (!first) throw new Error('a provider payment links at least one part');
    try {
      const result = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.providerPayment(tenantId, provider, providerPaymentId),
          // The first part also fills the single link's fields: a refund arriving now finds the payment linked (the
          // condition of addWaiting) and readers of one-invoice links see a payment.
          UpdateExpression:
            'SET #type = :type, schemaVersion = :sv, invoiceId = :invoiceId, paymentId = :paymentId, parts = :parts',
          ConditionExpression: 'attribute_not_exists(paymentId)',
          ExpressionAttributeNames: { '#type': 'type' },
          ExpressionAttributeValues: {
            ':type': itemMeta('ProviderPayment').type,
            ':sv': itemMeta('ProviderPayment').schemaVersion,
            ':invoiceId': first.invoiceId,
            ':paymentId': first.paymentId,
            ':parts': parts.map((part) => ({
              invoiceId: part.invoiceId,
              paymentId: part.paymentId,
              ...(part.amount === undefined ? {} : { amount: part.amount }),
            })),
          },
          ReturnValues: 'ALL_NEW',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return stateOf(result.Attributes);
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      // Linked already (a replay, or a twin event about the same money): the first link stands.
      const stored = conditionFailureItem(error);
      return stored ? stateOf(stored) : this.providerPayment(tenantId, provider, providerPaymentId);
    }
  }

  async addWaiting(
    tenantId: string,
    provider: string,
    providerPaymentId: string,
    waiting: WaitingReversal,
  ): Promise<ProviderPaymentLink | null> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.providerPayment(tenantId, provider, providerPaymentId),
          // Appended, not keyed by event: a retried refund event appends its total again, and reversals by running
          // total apply the same total once.
          UpdateExpression:
            'SET #type = :type, schemaVersion = :sv, waiting = list_append(if_not_exists(waiting, :none), :one)',
          ConditionExpression: 'attribute_not_exists(paymentId)',
          ExpressionAttributeNames: { '#type': 'type' },
          ExpressionAttributeValues: {
            ':type': itemMeta('ProviderPayment').type,
            ':sv': itemMeta('ProviderPayment').schemaVersion,
            ':none': [],
            ':one': [waiting],
          },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return null;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      // Refused only once the payment is linked: that link, from the refusal or else read.
      return (
        linkOf(conditionFailureItem(error)) ?? (await this.providerPayment(tenantId, provider, providerPaymentId)).link
      );
    }
  }
}
