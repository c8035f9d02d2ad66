// Idempotency records in the single table: claimed with a conditional write, answered from the stored response, expired by TTL.
import { DeleteCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type {
  ClaimResult,
  IdempotencyClaim,
  IdempotencyStore,
  StoredResponse,
} from '../../ports/idempotency-store.port';
import { conditionFailureItem, isConditionFailure } from './client';
import { itemMeta, keys } from './keys';

const epochSeconds = (date: Date) => Math.floor(date.getTime() / 1000);

export class DynamoIdempotencyStore implements IdempotencyStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async claim(claim: IdempotencyClaim): Promise<ClaimResult> {
    const now = epochSeconds(claim.now);
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...keys.idempotencyRecord(claim.tenantId, claim.keyHash),
            ...itemMeta('IdempotencyRecord'),
            status: 'IN_PROGRESS',
            fingerprint: claim.fingerprint,
            inProgressUntil: now + claim.inProgressSeconds,
            expiresAt: now + claim.retentionSeconds,
          },
          // Free, expired (TTL deletion lags), or abandoned by a request that died mid-way.
          ConditionExpression:
            'attribute_not_exists(pk) OR expiresAt < :now OR (#status = :inProgress AND inProgressUntil < :now)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':now': now, ':inProgress': 'IN_PROGRESS' },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return { outcome: 'claimed' };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const existing = conditionFailureItem(error);
      if (!existing) return { outcome: 'in_progress', fingerprint: claim.fingerprint };
      const fingerprint = String(existing.fingerprint);
      if (existing.status === 'COMPLETED') {
        return { outcome: 'completed', fingerprint, response: existing.response as StoredResponse };
      }
      return { outcome: 'in_progress', fingerprint };
    }
  }

  async complete(claim: IdempotencyClaim, response: StoredResponse, customerId?: string): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...keys.idempotencyRecord(claim.tenantId, claim.keyHash),
          ...(customerId === undefined ? {} : keys.idempotencyByCustomer(claim.tenantId, customerId, claim.keyHash)),
          ...itemMeta('IdempotencyRecord'),
          status: 'COMPLETED',
          fingerprint: claim.fingerprint,
          response,
          expiresAt: epochSeconds(claim.now) + claim.retentionSeconds,
        },
      }),
    );
  }

  async release(tenantId: string, keyHash: string): Promise<void> {
    await this.client
      .send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: keys.idempotencyRecord(tenantId, keyHash),
          ConditionExpression: '#status = :inProgress',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':inProgress': 'IN_PROGRESS' },
        }),
      )
      .catch((error: unknown) => {
        if (!isConditionFailure(error)) throw error;
      });
  }
}
