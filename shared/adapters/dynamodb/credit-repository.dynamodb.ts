// A customer's credit-control state, kept in the customer's partition beside its opt-outs.
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CreditRepository } from '../../ports/credit-repository.port';
import { CreditStateSchema, type CreditState } from '../../schemas/credit.schema';
import { itemMeta, keys, stripStorage } from './keys';
import { putVersioned } from './version-condition';

export class DynamoCreditRepository implements CreditRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(tenantId: string, customerId: string): Promise<CreditState | null> {
    const result = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: keys.credit(tenantId, customerId), ConsistentRead: true }),
    );
    return result.Item ? CreditStateSchema.parse(stripStorage(result.Item)) : null;
  }

  save(tenantId: string, state: CreditState, expectedVersion: number | null): Promise<boolean> {
    return putVersioned(
      this.client,
      this.tableName,
      { ...keys.credit(tenantId, state.customerId), ...itemMeta('CreditState'), ...state },
      expectedVersion,
    );
  }
}
