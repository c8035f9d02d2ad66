// A customer's credit-control state, kept in the customer's partition beside its opt-outs.
import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CreditRepository } from '../../ports/credit-repository.port';
import { CreditStateSchema, type CreditState } from '../../schemas/credit.schema';
import { CustomerSchema, type Customer } from '../../schemas/customer.schema';
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

  async getWithCustomer(
    tenantId: string,
    customerId: string,
  ): Promise<{ customer: Customer | null; state: CreditState | null }> {
    const credit = keys.credit(tenantId, customerId);
    const customer = keys.customer(tenantId, customerId);
    // The two sort keys are neighbours in the customer's partition: one query reads both and nothing else.
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :first AND :last',
        ExpressionAttributeValues: {
          ':pk': credit.pk,
          ':first': credit.sk < customer.sk ? credit.sk : customer.sk,
          ':last': credit.sk < customer.sk ? customer.sk : credit.sk,
        },
        ConsistentRead: true,
      }),
    );
    const items = result.Items ?? [];
    const customerItem = items.find((item) => item.sk === customer.sk);
    const stateItem = items.find((item) => item.sk === credit.sk);
    return {
      customer: customerItem ? CustomerSchema.parse(stripStorage(customerItem)) : null,
      state: stateItem ? CreditStateSchema.parse(stripStorage(stateItem)) : null,
    };
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
