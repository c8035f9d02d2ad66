// Collectors' tasks: kept beside their delinquency, and listed through gsi3 while open, oldest due first.
import { PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { TaskPage, TaskRepository } from '../../ports/task-repository.port';
import { CollectorTaskSchema, type CollectorTask } from '../../schemas/task.schema';
import { isConditionFailure } from './client';
import { itemMeta, keys, stripStorage } from './keys';
import { decodeCursor, encodeCursor } from './page-cursor';

export class DynamoTaskRepository implements TaskRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async add(tenantId: string, task: CollectorTask): Promise<void> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...keys.task(tenantId, task.delinquencyId, task.stepId),
            ...itemMeta('CollectorTask'),
            ...(task.status === 'open' ? keys.openTasks(tenantId, task.dueAt, task.id) : {}),
            ...task,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }

  async listOpen(tenantId: string, limit: number, cursor?: string): Promise<TaskPage> {
    const partition = keys.openTasksPartition(tenantId);
    const page = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'gsi3',
        KeyConditionExpression: 'gsi3pk = :pk',
        ExpressionAttributeValues: { ':pk': partition },
        Limit: limit,
        ExclusiveStartKey: decodeCursor(cursor, 'gsi3pk', partition),
      }),
    );
    return {
      items: (page.Items ?? []).map((item) => CollectorTaskSchema.parse(stripStorage(item))),
      nextCursor: encodeCursor(page.LastEvaluatedKey),
    };
  }
}
