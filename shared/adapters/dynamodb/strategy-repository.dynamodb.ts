// A tenant's strategies, all in one partition: one query reads the whole set the engine chooses from.
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { StrategyRepository } from '../../ports/strategy-repository.port';
import { StrategySchema, type Strategy } from '../../schemas/strategy.schema';
import { isConditionFailure, queryAll } from './client';
import { itemMeta, keys, stripStorage } from './keys';
import { versionCondition } from './version-condition';

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

  async save(tenantId: string, strategy: Strategy, expectedVersion: number | null): Promise<boolean> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...keys.strategy(tenantId, strategy.id), ...itemMeta('Strategy'), ...strategy },
          ...versionCondition(expectedVersion),
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }
}
