// Refused integration events kept with their delinquency, in the tenant's sparse parked list (gsi1) until replayed.
import { QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ParkedEventStore } from '../../ports/parked-events.port';
import type { TimelineEntry } from '../../schemas/delinquency.schema';
import { ParkedEventsSchema, type ParkedEvents } from '../../schemas/parked-events.schema';
import { isConditionFailure } from './client';
import { queryIndexed, readIndexed } from './indexed-items';
import { itemMeta, keys, stripStorage } from './keys';
import { transactGuarded } from './version-condition';

export class DynamoParkedEventStore implements ParkedEventStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  private key(tenantId: string, parked: Pick<ParkedEvents, 'delinquencyId' | 'parkedAt' | 'id'>) {
    return keys.parkedEvents(tenantId, parked.delinquencyId, parked.parkedAt, parked.id);
  }

  private timelineItem(tenantId: string, delinquencyId: string, entry: TimelineEntry) {
    return {
      ...keys.timelineEntry(tenantId, delinquencyId, entry.at, entry.id),
      ...itemMeta('TimelineEntry'),
      ...entry,
    };
  }

  async park(tenantId: string, parked: ParkedEvents, entry: TimelineEntry): Promise<void> {
    await transactGuarded(
      this.client,
      [
        {
          Put: {
            TableName: this.tableName,
            Item: {
              ...this.key(tenantId, parked),
              ...keys.parkedListing(tenantId, parked.parkedAt, parked.delinquencyId, parked.id),
              ...itemMeta('ParkedEvents'),
              ...parked,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        { Put: { TableName: this.tableName, Item: this.timelineItem(tenantId, parked.delinquencyId, entry) } },
      ],
      'throw',
    );
  }

  async listParked(tenantId: string, limit: number): Promise<ParkedEvents[]> {
    const page = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.parkedPartition(tenantId) },
        Limit: limit,
      }),
    );
    const items = await readIndexed(this.client, this.tableName, page.Items ?? [], 'gsi1');
    return items.map((item) => ParkedEventsSchema.parse(stripStorage(item)));
  }

  async claimReplay(
    tenantId: string,
    parked: ParkedEvents,
    attemptId: string,
    now: string,
    staleBefore: string,
  ): Promise<ParkedEvents | null> {
    try {
      const result = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: this.key(tenantId, parked),
          UpdateExpression:
            'SET #status = :replaying, replayAttemptId = :attempt, replayClaimedAt = :now, attempts = attempts + :one',
          // The index is read eventually consistently: the stored status decides, not the copy that was listed.
          ConditionExpression:
            'attribute_exists(pk) AND (#status = :parked OR (#status = :replaying AND replayClaimedAt < :stale))',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':replaying': 'replaying',
            ':parked': 'parked',
            ':attempt': attemptId,
            ':now': now,
            ':one': 1,
            ':stale': staleBefore,
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return ParkedEventsSchema.parse(stripStorage(result.Attributes ?? {}));
    } catch (error) {
      if (isConditionFailure(error)) return null;
      throw error;
    }
  }

  settleReplay(
    tenantId: string,
    parked: ParkedEvents,
    attemptId: string,
    outcome: {
      remaining: string;
      remainingCount: number;
      now: string;
      error: string | null;
      entry: TimelineEntry | null;
    },
  ): Promise<boolean> {
    const done = outcome.remainingCount === 0;
    const update = done
      ? {
          // Replayed: out of the parked list for good; the events stay on the item as the record of what went out.
          UpdateExpression:
            'SET #status = :replayed, replayedAt = :now, replayAttemptId = :none, replayClaimedAt = :none, lastError = :none REMOVE gsi1pk, gsi1sk',
          ExpressionAttributeValues: {
            ':replayed': 'replayed',
            ':now': outcome.now,
            ':none': null,
            ':attempt': attemptId,
            ':replaying': 'replaying',
          },
        }
      : {
          // Only what the bus still refused waits again, under its first time (so its age keeps counting).
          UpdateExpression:
            'SET #status = :parked, events = :events, eventCount = :count, lastError = :error, replayAttemptId = :none, replayClaimedAt = :none',
          ExpressionAttributeValues: {
            ':parked': 'parked',
            ':events': outcome.remaining,
            ':count': outcome.remainingCount,
            ':error': outcome.error,
            ':none': null,
            ':attempt': attemptId,
            ':replaying': 'replaying',
          },
        };
    return transactGuarded(
      this.client,
      [
        {
          Update: {
            TableName: this.tableName,
            Key: this.key(tenantId, parked),
            ...update,
            ConditionExpression: '#status = :replaying AND replayAttemptId = :attempt',
            ExpressionAttributeNames: { '#status': 'status' },
          },
        },
        ...(outcome.entry
          ? [
              {
                Put: {
                  TableName: this.tableName,
                  Item: this.timelineItem(tenantId, parked.delinquencyId, outcome.entry),
                },
              },
            ]
          : []),
        // A conflicting transaction is an error to retry, not a lost claim: only a failed guard answers false.
      ],
      'throw',
    );
  }

  async parkedBefore(tenantId: string, cutoff: string): Promise<{ id: string; eventCount: number }[]> {
    const items = await queryIndexed(
      this.client,
      {
        TableName: this.tableName,
        IndexName: 'gsi1',
        // The sort key starts with the parking time: everything before the cutoff sorts before it.
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk < :cutoff',
        ExpressionAttributeValues: { ':pk': keys.parkedPartition(tenantId), ':cutoff': cutoff },
      },
      { attributes: ['id', 'eventCount'] },
    );
    return items.map((item) => ({ id: String(item.id), eventCount: Number(item.eventCount) }));
  }
}
