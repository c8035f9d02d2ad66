// Collectors in one partition per tenant: registered by managers, counted up and down as debts are assigned and end.
import { GetCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CollectorRepository } from '../../ports/collector-repository.port';
import { CollectorSchema, type Collector, type PutCollectorBody } from '../../schemas/collector.schema';
import { keys, stripStorage } from './keys';

/** Results are kept per month and kind in one flat map: "2026-12#assigned", "2026-12#resolved". */
export const resultKey = (month: string, kind: 'assigned' | 'resolved') => `${month}#${kind}`;

export class DynamoCollectorRepository implements CollectorRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async put(
    tenantId: string,
    collectorId: string,
    body: PutCollectorBody,
    now: string,
  ): Promise<{ collector: Collector; created: boolean }> {
    const result = await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.collector(tenantId, collectorId),
        UpdateExpression:
          'SET #id = :id, #name = :name, #capacity = :capacity, #active = :active, #type = :type, schemaVersion = :schema, updatedAt = :now, ' +
          'createdAt = if_not_exists(createdAt, :now), #version = if_not_exists(#version, :zero) + :one, openCount = if_not_exists(openCount, :zero), results = if_not_exists(results, :empty)' +
          (body.email === undefined ? ' REMOVE email' : ', email = :email'),
        ExpressionAttributeNames: {
          '#id': 'id',
          '#name': 'name',
          '#type': 'type',
          '#capacity': 'capacity',
          '#active': 'active',
          '#version': 'version',
        },
        ExpressionAttributeValues: {
          ':id': collectorId,
          ':name': body.name,
          ':capacity': body.capacity,
          ':active': body.active,
          ':type': 'Collector',
          ':schema': 1,
          ':now': now,
          ':zero': 0,
          ':one': 1,
          ':empty': {},
          ...(body.email === undefined ? {} : { ':email': body.email }),
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    const stored = stripStorage(result.Attributes ?? {});
    // The first write makes version 1: that is how a create is told from a change.
    return { collector: CollectorSchema.parse(stored), created: stored.version === 1 };
  }

  async get(tenantId: string, collectorId: string): Promise<Collector | null> {
    const result = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: keys.collector(tenantId, collectorId), ConsistentRead: true }),
    );
    return result.Item ? CollectorSchema.parse(stripStorage(result.Item)) : null;
  }

  async list(tenantId: string): Promise<Collector[]> {
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.collectorsPartition(tenantId) },
        ConsistentRead: true,
      }),
    );
    return (result.Items ?? []).map((item) => CollectorSchema.parse(stripStorage(item)));
  }

  async release(tenantId: string, collectorId: string, month: string, paid: boolean): Promise<void> {
    await this.client
      .send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.collector(tenantId, collectorId),
          UpdateExpression: `SET openCount = openCount - :one${paid ? ', results.#month = if_not_exists(results.#month, :zero) + :one' : ''}`,
          ConditionExpression: 'attribute_exists(pk) AND openCount > :zero',
          ...(paid ? { ExpressionAttributeNames: { '#month': resultKey(month, 'resolved') } } : {}),
          ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
        }),
      )
      .catch((error: unknown) => {
        // A collector removed from the table, or a count already at zero: nothing to take away.
        if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
      });
  }

  async reclaim(tenantId: string, collectorId: string): Promise<void> {
    await this.client
      .send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.collector(tenantId, collectorId),
          UpdateExpression: 'SET openCount = openCount + :one',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':one': 1 },
        }),
      )
      .catch((error: unknown) => {
        if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
      });
  }
}
