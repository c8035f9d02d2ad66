// The dispute credit ledger: one versioned item per customer in the tenant's ledger partition, so two decisions at
// once cannot both fit under the approval limit (the second write finds the version moved and reads again).
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DisputeCreditLedger } from '../../ports/dispute-credits.port';
import { DisputeCreditsSchema, type DisputeCredits } from '../../schemas/dispute-credits.schema';
import { itemMeta, keys, stripStorage } from './keys';
import { putVersioned } from './version-condition';

export class DynamoDisputeCreditLedger implements DisputeCreditLedger {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async read(tenantId: string, customerId: string): Promise<DisputeCredits> {
    const result = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.disputeCredits(tenantId, customerId),
        ConsistentRead: true,
      }),
    );
    return result.Item
      ? DisputeCreditsSchema.parse(stripStorage(result.Item))
      : { customerId, byDelinquency: {}, recent: [], version: 0 };
  }

  write(tenantId: string, credits: DisputeCredits, expectedVersion: number): Promise<boolean> {
    return putVersioned(
      this.client,
      this.tableName,
      { ...keys.disputeCredits(tenantId, credits.customerId), ...itemMeta('DisputeCredits'), ...credits },
      expectedVersion === 0 ? null : expectedVersion,
    );
  }
}
