// Customers and their opt-outs, kept together in the customer's partition; their search terms written with them.
import { GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CustomerRepository } from '../../ports/customer-repository.port';
import { CustomerSchema, OptOutSchema, type Customer, type OptOut } from '../../schemas/customer.schema';
import { conditionFailureItem, isConditionFailure } from './client';
import { itemMeta, keys, stripStorage } from './keys';
import { transactGuarded, versionCondition } from './version-condition';
import { searchTermWrites } from './search-index.dynamodb';
import { DynamoReportLedger } from './report-ledger.dynamodb';

export class DynamoCustomerRepository implements CustomerRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(tenantId: string, customerId: string): Promise<Customer | null> {
    const result = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: keys.customer(tenantId, customerId), ConsistentRead: true }),
    );
    return result.Item ? CustomerSchema.parse(stripStorage(result.Item)) : null;
  }

  async getWithOptOuts(
    tenantId: string,
    customerId: string,
  ): Promise<{ customer: Customer; optOuts: OptOut[] } | null> {
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.customerPartition(tenantId, customerId) },
        ConsistentRead: true,
      }),
    );
    const items = result.Items ?? [];
    const customerItem = items.find((item) => item.type === 'Customer');
    if (!customerItem) return null;
    return {
      customer: CustomerSchema.parse(stripStorage(customerItem)),
      optOuts: items.filter((item) => item.type === 'OptOut').map((item) => OptOutSchema.parse(stripStorage(item))),
    };
  }

  async save(
    tenantId: string,
    customer: Customer,
    expectedVersion: number | null,
    previous?: Customer | null,
  ): Promise<boolean> {
    const item = { ...keys.customer(tenantId, customer.id), ...itemMeta('Customer'), ...customer };
    const before =
      expectedVersion === null ? null : previous === undefined ? await this.get(tenantId, customer.id) : previous;
    // The search terms go in the customer's own write, so the index never names a customer by a name, e-mail or phone
    // it no longer has (a write changing none of them stays a plain conditional put).
    const saved = await transactGuarded(this.client, [
      { Put: { TableName: this.tableName, Item: item, ...versionCondition(expectedVersion) } },
      ...searchTermWrites(this.tableName, tenantId, before, customer),
    ]);
    // A new segment or country moves the report counters of the customer's invoices along (a retry moves the rest).
    if (saved && expectedVersion !== null)
      await new DynamoReportLedger(this.client, this.tableName).followCustomer(tenantId, customer);
    return saved;
  }

  async addOptOut(tenantId: string, customerId: string, optOut: OptOut): Promise<{ optOut: OptOut; created: boolean }> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...keys.optOut(tenantId, customerId, optOut.channel, optOut.address),
            ...itemMeta('OptOut'),
            ...optOut,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return { optOut, created: true };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const existing = conditionFailureItem(error);
      return { optOut: existing ? OptOutSchema.parse(stripStorage(existing)) : optOut, created: false };
    }
  }
}
