// Delinquencies with their timeline and claims in one partition; opening one also points its invoice at it, atomically.
import {
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import type {
  ClaimOutcome,
  DelinquencyRepository,
  StepClaim,
  StepClaimKey,
} from '../../ports/delinquency-repository.port';
import {
  CLOSED_STATUSES,
  DelinquencySchema,
  TimelineEntrySchema,
  type Delinquency,
  type TimelineEntry,
} from '../../schemas/delinquency.schema';
import { DisputeSchema, type Dispute } from '../../schemas/dispute.schema';
import { PaymentPromiseSchema, type PaymentPromise } from '../../schemas/promise.schema';
import { PaymentPlanSchema, type PaymentPlan } from '../../schemas/plan.schema';
import { DynamoClaims } from './claims.dynamodb';
import { decodeCursor, encodeCursor } from './page-cursor';
import { isConditionFailure, queryAll } from './client';
import { itemMeta, keys, stripStorage } from './keys';
import { transactGuarded, versionCondition } from './version-condition';

export class DynamoDelinquencyRepository implements DelinquencyRepository {
  private readonly claimTable: DynamoClaims;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {
    this.claimTable = new DynamoClaims(client, tableName);
  }

  private partition(tenantId: string, delinquencyId: string, prefix: string): Promise<Record<string, unknown>[]> {
    return queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.delinquencyPartition(tenantId, delinquencyId), ':prefix': prefix },
      ConsistentRead: true,
    });
  }

  private delinquencyItem(tenantId: string, delinquency: Delinquency): Record<string, unknown> {
    const active = !CLOSED_STATUSES.includes(delinquency.status);
    return {
      ...keys.delinquency(tenantId, delinquency.id),
      ...keys.delinquencyByCustomer(tenantId, delinquency.customerId, delinquency.openedAt, delinquency.id),
      // Only open delinquencies are in the work queue; priority scoring arrives with the queue itself.
      ...(active ? keys.workQueue(tenantId, delinquency.status, 0, delinquency.id) : {}),
      ...itemMeta('Delinquency'),
      ...delinquency,
    };
  }

  private timelineItem(tenantId: string, delinquencyId: string, entry: TimelineEntry): Record<string, unknown> {
    return { ...keys.timelineEntry(tenantId, delinquencyId, entry.at, entry.id), ...itemMeta('TimelineEntry'), ...entry };
  }

  async get(tenantId: string, delinquencyId: string): Promise<Delinquency | null> {
    const result = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: keys.delinquency(tenantId, delinquencyId), ConsistentRead: true }),
    );
    return result.Item ? DelinquencySchema.parse(stripStorage(result.Item)) : null;
  }

  async open(tenantId: string, delinquency: Delinquency, opened: TimelineEntry): Promise<'opened' | 'exists'> {
    const created = await transactGuarded(this.client, [
      {
        Put: {
          TableName: this.tableName,
          Item: this.delinquencyItem(tenantId, delinquency),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Update: {
          TableName: this.tableName,
          Key: keys.invoice(tenantId, delinquency.invoiceId),
          // In collection now: the invoice leaves the run's due-date index.
          UpdateExpression: 'SET delinquencyId = :id, #version = #version + :one REMOVE gsi2pk, gsi2sk',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':id': delinquency.id, ':one': 1 },
        },
      },
      { Put: { TableName: this.tableName, Item: this.timelineItem(tenantId, delinquency.id, opened) } },
    ]);
    return created ? 'opened' : 'exists';
  }

  save(tenantId: string, delinquency: Delinquency, expectedVersion: number, entries: TimelineEntry[]): Promise<boolean> {
    return transactGuarded(this.client, [
      {
        Put: {
          TableName: this.tableName,
          Item: this.delinquencyItem(tenantId, delinquency),
          ...versionCondition(expectedVersion),
        },
      },
      ...entries.map((entry) => ({ Put: { TableName: this.tableName, Item: this.timelineItem(tenantId, delinquency.id, entry) } })),
    ]);
  }

  saveWithDispute(tenantId: string, delinquency: Delinquency, expectedVersion: number, entries: TimelineEntry[], dispute: Dispute, isNew = true): Promise<boolean> {
    return transactGuarded(this.client, [
      { Put: { TableName: this.tableName, Item: this.delinquencyItem(tenantId, delinquency), ...versionCondition(expectedVersion) } },
      {
        Put: {
          TableName: this.tableName,
          Item: { ...keys.dispute(tenantId, delinquency.id, dispute.id), ...keys.disputeListing(tenantId, dispute.openedAt, dispute.id), ...itemMeta('Dispute'), ...dispute },
          ...(isNew ? { ConditionExpression: 'attribute_not_exists(pk)' } : {}),
        },
      },
      ...(isNew
        ? [{ Put: { TableName: this.tableName, Item: { ...keys.disputePointer(tenantId, dispute.id), ...itemMeta('DisputePointer'), delinquencyId: delinquency.id } } }]
        : []),
      ...entries.map((entry) => ({ Put: { TableName: this.tableName, Item: this.timelineItem(tenantId, delinquency.id, entry) } })),
    ]);
  }

  async listByCustomer(tenantId: string, customerId: string): Promise<Delinquency[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.customerPartition(tenantId, customerId), ':prefix': 'DELINQUENCY#' },
    });
    return items.map((item) => DelinquencySchema.parse(stripStorage(item)));
  }

  async disputeOwner(tenantId: string, disputeId: string): Promise<string | null> {
    const result = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.disputePointer(tenantId, disputeId), ConsistentRead: true }));
    return typeof result.Item?.delinquencyId === 'string' ? result.Item.delinquencyId : null;
  }

  async listDisputes(tenantId: string, limit: number, cursor?: string): Promise<{ items: Dispute[]; nextCursor: string | null }> {
    const partition = keys.disputesPartition(tenantId);
    const page = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': partition },
        ScanIndexForward: false,
        Limit: limit,
        ExclusiveStartKey: decodeCursor(cursor, 'gsi1pk', partition),
      }),
    );
    return { items: (page.Items ?? []).map((item) => DisputeSchema.parse(stripStorage(item))), nextCursor: encodeCursor(page.LastEvaluatedKey) };
  }

  /** The delinquency over its version, one item of its partition (new: must not exist yet) and timeline entries. */
  private saveWithItem(tenantId: string, delinquency: Delinquency, expectedVersion: number, entries: TimelineEntry[], item: Record<string, unknown>, isNew: boolean): Promise<boolean> {
    return transactGuarded(this.client, [
      { Put: { TableName: this.tableName, Item: this.delinquencyItem(tenantId, delinquency), ...versionCondition(expectedVersion) } },
      { Put: { TableName: this.tableName, Item: item, ...(isNew ? { ConditionExpression: 'attribute_not_exists(pk)' } : {}) } },
      ...entries.map((entry) => ({ Put: { TableName: this.tableName, Item: this.timelineItem(tenantId, delinquency.id, entry) } })),
    ]);
  }

  saveWithPromise(tenantId: string, delinquency: Delinquency, expectedVersion: number, entries: TimelineEntry[], promise: PaymentPromise, isNew: boolean): Promise<boolean> {
    const item = { ...keys.promise(tenantId, delinquency.id, promise.id), ...itemMeta('PaymentPromise'), ...promise };
    return this.saveWithItem(tenantId, delinquency, expectedVersion, entries, item, isNew);
  }

  saveWithPlan(tenantId: string, delinquency: Delinquency, expectedVersion: number, entries: TimelineEntry[], plan: PaymentPlan, isNew: boolean): Promise<boolean> {
    const item = { ...keys.plan(tenantId, delinquency.id, plan.id), ...itemMeta('PaymentPlan'), ...plan };
    return this.saveWithItem(tenantId, delinquency, expectedVersion, entries, item, isNew);
  }

  async plans(tenantId: string, delinquencyId: string): Promise<PaymentPlan[]> {
    const items = await this.partition(tenantId, delinquencyId, keys.planPrefix);
    return items.map((item) => PaymentPlanSchema.parse(stripStorage(item)));
  }

  async promises(tenantId: string, delinquencyId: string): Promise<PaymentPromise[]> {
    const items = await this.partition(tenantId, delinquencyId, keys.promisePrefix);
    return items.map((item) => PaymentPromiseSchema.parse(stripStorage(item)));
  }

  async disputes(tenantId: string, delinquencyId: string): Promise<Dispute[]> {
    const items = await this.partition(tenantId, delinquencyId, 'DISPUTE#');
    return items.map((item) => DisputeSchema.parse(stripStorage(item)));
  }

  async appendTimeline(tenantId: string, delinquencyId: string, entries: TimelineEntry[]): Promise<void> {
    for (const entry of entries) {
      await this.client.send(new PutCommand({ TableName: this.tableName, Item: this.timelineItem(tenantId, delinquencyId, entry) }));
    }
  }

  async timeline(tenantId: string, delinquencyId: string): Promise<TimelineEntry[]> {
    const items = await this.partition(tenantId, delinquencyId, keys.timelinePrefix);
    return items.map((item) => TimelineEntrySchema.parse(stripStorage(item)));
  }

  claim(tenantId: string, delinquencyId: string, claim: StepClaim): Promise<ClaimOutcome> {
    return this.claimTable.claim(keys.delinquencyPartition(tenantId, delinquencyId), claim);
  }

  settleClaim(tenantId: string, delinquencyId: string, key: StepClaimKey, attemptId: string, update: Partial<StepClaim>): Promise<void> {
    return this.claimTable.settle(keys.delinquencyPartition(tenantId, delinquencyId), key, attemptId, update);
  }

  releaseClaim(tenantId: string, delinquencyId: string, key: StepClaimKey, attemptId: string): Promise<void> {
    return this.claimTable.release(keys.delinquencyPartition(tenantId, delinquencyId), key, attemptId);
  }

  claims(tenantId: string, delinquencyId: string): Promise<StepClaim[]> {
    return this.claimTable.list(keys.delinquencyPartition(tenantId, delinquencyId));
  }

  async parkTaskToken(tenantId: string, delinquencyId: string, token: string, factsVersion: number): Promise<boolean> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.delinquency(tenantId, delinquencyId),
          UpdateExpression: 'SET taskToken = :token',
          ConditionExpression: 'factsVersion = :facts',
          ExpressionAttributeValues: { ':token': token, ':facts': factsVersion },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async storeLetter(
    tenantId: string,
    delinquencyId: string,
    letter: { id: string; stepId: string; html: string; createdAt: string },
  ): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.letter(tenantId, delinquencyId, letter.stepId), ...itemMeta('Letter'), ...letter },
      }),
    );
  }

  async bumpFacts(tenantId: string, delinquencyId: string): Promise<string | null> {
    try {
      const result = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.delinquency(tenantId, delinquencyId),
          // The version moves too, so an execution that read the old facts must re-read before it writes.
          UpdateExpression: 'SET factsVersion = factsVersion + :one, #version = #version + :one',
          ExpressionAttributeNames: { '#version': 'version' },
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':one': 1 },
          ReturnValues: 'ALL_NEW',
        }),
      );
      const token = result.Attributes?.taskToken;
      return typeof token === 'string' ? token : null;
    } catch (error) {
      if (isConditionFailure(error)) return null;
      throw error;
    }
  }
}
