// The delinquency's current execution as a small item of its own in the delinquency's partition: claiming it writes a
// few bytes, not the case with its indexes.
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CurrentExecutions } from '../../ports/current-executions.port';
import { ExecutionRefSchema, type ExecutionRef } from '../../schemas/execution-ref.schema';
import { isConditionFailure } from './client';
import { itemMeta, keys, stripStorage } from './keys';

export class DynamoCurrentExecutions implements CurrentExecutions {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(tenantId: string, delinquencyId: string): Promise<ExecutionRef | null> {
    const result = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.currentExecution(tenantId, delinquencyId),
        ConsistentRead: true,
      }),
    );
    return result.Item ? ExecutionRefSchema.parse(stripStorage(result.Item)) : null;
  }

  async claim(
    tenantId: string,
    delinquencyId: string,
    execution: ExecutionRef,
    expected: string | null,
  ): Promise<boolean> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...keys.currentExecution(tenantId, delinquencyId), ...itemMeta('CurrentExecution'), ...execution },
          ConditionExpression: expected === null ? 'attribute_not_exists(pk)' : '#name = :expected',
          ...(expected === null
            ? {}
            : { ExpressionAttributeNames: { '#name': 'name' }, ExpressionAttributeValues: { ':expected': expected } }),
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }
}
