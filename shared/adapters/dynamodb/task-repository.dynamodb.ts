// Collectors' tasks: kept beside their delinquency, and listed through gsi3 while open, oldest due first.
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { TaskPage, TaskRepository } from '../../ports/task-repository.port';
import { CollectorTaskSchema, type CollectorTask } from '../../schemas/task.schema';
import { isConditionFailure } from './client';
import { itemMeta, keys, stripStorage } from './keys';
import { indexPage } from './page-cursor';

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

  listOpen(tenantId: string, limit: number, cursor?: string): Promise<TaskPage> {
    const request = { tableName: this.tableName, index: 'gsi3' as const, partition: keys.openTasksPartition(tenantId), limit, cursor };
    return indexPage(this.client, request, (item) => CollectorTaskSchema.parse(stripStorage(item)));
  }

}
