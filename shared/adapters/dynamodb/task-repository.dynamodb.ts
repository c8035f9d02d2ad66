// Collectors' tasks: kept beside their delinquency, and listed through gsi3 while open, oldest due first.
import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { TaskPage, TaskRepository } from '../../ports/task-repository.port';
import { CollectorTaskSchema, type CollectorTask } from '../../schemas/task.schema';
import { isConditionFailure, queryAll } from './client';
import { itemMeta, keys, stripStorage } from './keys';
import { indexPage } from './page-cursor';

export class DynamoTaskRepository implements TaskRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async add(tenantId: string, task: CollectorTask): Promise<void> {
    // The pointer first (the same item each time): a task stored is always findable by its id.
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...keys.taskPointer(tenantId, task.id),
          ...itemMeta('TaskPointer'),
          delinquencyId: task.delinquencyId,
          stepId: task.stepId,
        },
      }),
    );
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
    const request = {
      tableName: this.tableName,
      index: 'gsi3' as const,
      partition: keys.openTasksPartition(tenantId),
      limit,
      cursor,
    };
    return indexPage(this.client, request, (item) => CollectorTaskSchema.parse(stripStorage(item)));
  }

  async get(tenantId: string, taskId: string): Promise<CollectorTask | null> {
    const pointer = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: keys.taskPointer(tenantId, taskId), ConsistentRead: true }),
    );
    if (!pointer.Item) return null;
    return this.read(tenantId, String(pointer.Item.delinquencyId), String(pointer.Item.stepId));
  }

  async openFor(tenantId: string, delinquencyId: string): Promise<CollectorTask[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: {
        ':pk': keys.delinquencyPartition(tenantId, delinquencyId),
        ':prefix': keys.taskPrefix,
      },
      ConsistentRead: true,
    });
    return items.map((item) => CollectorTaskSchema.parse(stripStorage(item))).filter((task) => task.status === 'open');
  }

  async close(tenantId: string, task: CollectorTask, doneAt: string, doneBy: string): Promise<CollectorTask> {
    try {
      const result = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.task(tenantId, task.delinquencyId, task.stepId),
          // Done tasks leave the open list's index.
          UpdateExpression: 'SET #status = :done, doneAt = :doneAt, doneBy = :doneBy REMOVE gsi3pk, gsi3sk',
          ConditionExpression: '#status = :open',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':done': 'done', ':open': 'open', ':doneAt': doneAt, ':doneBy': doneBy },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return CollectorTaskSchema.parse(stripStorage(result.Attributes!));
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      // Closed meanwhile (or already): the first close stands.
      return (await this.read(tenantId, task.delinquencyId, task.stepId)) ?? task;
    }
  }

  private async read(tenantId: string, delinquencyId: string, stepId: string): Promise<CollectorTask | null> {
    const result = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.task(tenantId, delinquencyId, stepId),
        ConsistentRead: true,
      }),
    );
    return result.Item ? CollectorTaskSchema.parse(stripStorage(result.Item)) : null;
  }
}
