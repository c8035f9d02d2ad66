// A tenant's strategies, all in one partition: one query reads the whole set the engine chooses from.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { StrategyRepository } from '../../ports/strategy-repository.port';
import { StrategySchema, type Strategy } from '../../schemas/strategy.schema';
import { queryAll } from './client';
import { itemMeta, keys, stripStorage } from './keys';
import { putVersioned } from './version-condition';

export class DynamoStrategyRepository implements StrategyRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async list(tenantId: string): Promise<Strategy[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.strategyPartition(tenantId) },
      ConsistentRead: true,
    });
    return items.map((item) => StrategySchema.parse(stripStorage(item)));
  }

  save(tenantId: string, strategy: Strategy, expectedVersion: number | null): Promise<boolean> {
    const item = { ...keys.strategy(tenantId, strategy.id), ...itemMeta('Strategy'), ...strategy };
    return putVersioned(this.client, this.tableName, item, expectedVersion);
  }
}
