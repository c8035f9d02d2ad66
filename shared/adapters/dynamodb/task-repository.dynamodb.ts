// Collectors' tasks: kept beside their delinquency, and listed while open, oldest due first: the tenant's through gsi3,
// one person's through gsi4.
import {
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import type { TaskListFilter, TaskPage, TaskRepository } from '../../ports/task-repository.port';
import { CollectorTaskSchema, type CollectorTask, type NewCollectorTask } from '../../schemas/task.schema';
import { isConditionFailure, queryAll } from './client';
import { itemMeta, keys, stripStorage } from './keys';
import { readIndexed } from './indexed-items';
import { decodeCursor, encodeCursor } from './page-cursor';

export class DynamoTaskRepository implements TaskRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async add(tenantId: string, newTask: NewCollectorTask): Promise<void> {
    const task = CollectorTaskSchema.parse(newTask);
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
            ...(task.status === 'open' && task.assigneeId !== null
              ? keys.assigneeTasks(tenantId, task.assigneeId, task.dueAt, task.id)
              : {}),
            ...task,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }

  async listOpen(tenantId: string, limit: number, cursor?: string, filter: TaskListFilter = {}): Promise<TaskPage> {
    const [index, partition] =
      filter.assigneeId === undefined
        ? (['gsi3', keys.openTasksPartition(tenantId)] as const)
        : (['gsi4', keys.assigneeTasksPartition(tenantId, filter.assigneeId)] as const);
    // Sort keys are `{dueAt}#{taskId}`: an instant alone sorts before every task due at it, so a span is a key range.
    const span =
      filter.dueFrom !== undefined && filter.dueBefore !== undefined
        ? {
            condition: ` AND ${index}sk BETWEEN :from AND :before`,
            values: { ':from': filter.dueFrom, ':before': filter.dueBefore },
          }
        : filter.dueBefore !== undefined
          ? { condition: ` AND ${index}sk < :before`, values: { ':before': filter.dueBefore } }
          : filter.dueFrom !== undefined
            ? { condition: ` AND ${index}sk >= :from`, values: { ':from': filter.dueFrom } }
            : { condition: '', values: {} };
    const page = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: index,
        KeyConditionExpression: `${index}pk = :pk${span.condition}`,
        ExpressionAttributeValues: { ':pk': partition, ...span.values },
        Limit: limit,
        ExclusiveStartKey: decodeCursor(cursor, `${index}pk`, partition),
      }),
    );
    const items = await readIndexed(this.client, this.tableName, page.Items ?? [], index);
    return {
      items: items.map((item) => CollectorTaskSchema.parse(stripStorage(item))),
      nextCursor: encodeCursor(page.LastEvaluatedKey),
    };
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
          UpdateExpression:
            'SET #status = :done, doneAt = :doneAt, doneBy = :doneBy REMOVE gsi3pk, gsi3sk, gsi4pk, gsi4sk',
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
