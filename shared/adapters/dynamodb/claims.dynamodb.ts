// Claims in any partition (a delinquency's, or an invoice's before it has one): the conditional writes behind "exactly once".
import { DeleteCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ClaimOutcome, StepClaim, StepClaimKey } from '../../ports/delinquency-repository.port';
import { conditionFailureItem, isConditionFailure, queryAll } from './client';
import { itemMeta, keys, stripStorage } from './keys';

const sortKey = (key: StepClaimKey) => keys.claimSortKey(key.kind, key.stepId, key.channel);

export class DynamoClaims {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async claim(pk: string, claim: StepClaim): Promise<ClaimOutcome> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { pk, sk: sortKey(claim), ...itemMeta('StepClaim'), ...claim },
          ConditionExpression: 'attribute_not_exists(pk)',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return { outcome: 'claimed' };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      return { outcome: 'exists', claim: stripStorage(conditionFailureItem(error) ?? {}) as unknown as StepClaim };
    }
  }

  async settle(pk: string, key: StepClaimKey, attemptId: string, update: Partial<StepClaim>): Promise<void> {
    const entries = Object.entries(update).filter(([, value]) => value !== undefined);
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk, sk: sortKey(key) },
        UpdateExpression: `SET ${entries.map((_, index) => `#f${index} = :v${index}`).join(', ')}`,
        ConditionExpression: 'attemptId = :attempt',
        ExpressionAttributeNames: Object.fromEntries(entries.map(([name], index) => [`#f${index}`, name])),
        ExpressionAttributeValues: {
          ':attempt': attemptId,
          ...Object.fromEntries(entries.map(([, value], index) => [`:v${index}`, value])),
        },
      }),
    );
  }

  async release(pk: string, key: StepClaimKey, attemptId: string): Promise<void> {
    await this.client
      .send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: { pk, sk: sortKey(key) },
          // Only an attempt's own claim that did not act: a refused send ('sending') is freed too.
          ConditionExpression: 'attemptId = :attempt AND #status IN (:claimed, :sending)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':attempt': attemptId, ':claimed': 'claimed', ':sending': 'sending' },
        }),
      )
      .catch((error: unknown) => {
        if (!isConditionFailure(error)) throw error;
      });
  }

  async list(pk: string): Promise<StepClaim[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': pk, ':prefix': keys.claimPrefix },
      ConsistentRead: true,
    });
    return items.map((item) => stripStorage(item) as unknown as StepClaim);
  }
}
