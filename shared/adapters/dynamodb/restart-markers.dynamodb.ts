// Restart markers in the tenant's RESTARTS partition: written when an execution ends early, read and cleared by the run.
import { DeleteCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RestartMarkers } from '../../ports/restart-markers.port';
import { RestartMarkerSchema, type RestartMarker } from '../../schemas/restart-marker.schema';
import { isConditionFailure } from './client';
import { itemMeta, keys, stripStorage } from './keys';

export class DynamoRestartMarkers implements RestartMarkers {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async mark(tenantId: string, marker: RestartMarker): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.restartMarker(tenantId, marker.delinquencyId), ...itemMeta('RestartMarker'), ...marker },
      }),
    );
  }

  async list(tenantId: string, limit: number): Promise<RestartMarker[]> {
    const page = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.restartsPartition(tenantId) },
        Limit: limit,
      }),
    );
    return (page.Items ?? []).map((item) => RestartMarkerSchema.parse(stripStorage(item)));
  }

  async clear(tenantId: string, delinquencyId: string, execution: string): Promise<void> {
    try {
      await this.client.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: keys.restartMarker(tenantId, delinquencyId),
          ConditionExpression: '#execution = :execution',
          ExpressionAttributeNames: { '#execution': 'execution' },
          ExpressionAttributeValues: { ':execution': execution },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }
}
