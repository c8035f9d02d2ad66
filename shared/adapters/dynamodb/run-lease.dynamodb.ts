// The reminder run's lease as one conditional item: taken when absent, expired or already ours.
import { DeleteCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RunLease } from '../../ports/run-lease.port';
import { itemMeta, keys } from './keys';

const isConditionFailure = (error: unknown) => (error as Error).name === 'ConditionalCheckFailedException';

export class DynamoRunLease implements RunLease {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async acquire(holder: string, now: Date, until: Date): Promise<boolean> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...keys.runLease(),
            ...itemMeta('RunLease'),
            holder,
            takenAt: now.toISOString(),
            leasedUntil: until.toISOString(),
          },
          ConditionExpression: 'attribute_not_exists(pk) OR holder = :holder OR leasedUntil <= :now',
          ExpressionAttributeValues: { ':holder': holder, ':now': now.toISOString() },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async release(holder: string): Promise<void> {
    try {
      await this.client.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: keys.runLease(),
          ConditionExpression: 'holder = :holder',
          ExpressionAttributeValues: { ':holder': holder },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }
}
