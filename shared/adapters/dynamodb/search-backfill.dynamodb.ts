// The one-off indexing of what was stored before search existed: every customer's terms and every invoice's reference,
// read with a Scan (an operator's command, run once after the upgrade; the API itself never scans).
import { GetCommand, PutCommand, ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { CustomerSchema, type Customer } from '../../schemas/customer.schema';
import { itemMeta, keys, stripStorage, tenantOfKey } from './keys';
import { referenceItem, searchTermWrites } from './search-index.dynamodb';
import { transactGuarded } from './version-condition';

export interface BackfillCounts {
  customers: number;
  invoices: number;
}

/** Attempts per customer: a customer written meanwhile is read again (its own write indexed what it changed). */
const ATTEMPTS = 5;

/**
 * Writes every term of one customer, on the condition that the customer is still the version read: a write racing the
 * backfill never gets terms of a name, e-mail or phone it no longer has.
 */
const indexCustomer = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  tenantId: string,
  read: Customer,
): Promise<void> => {
  let customer: Customer | null = read;
  for (let attempt = 0; attempt < ATTEMPTS && customer; attempt += 1) {
    const writes = searchTermWrites(tableName, tenantId, null, customer);
    if (writes.length === 0) return;
    const done = await transactGuarded(client, [
      {
        ConditionCheck: {
          TableName: tableName,
          Key: keys.customer(tenantId, customer.id),
          ConditionExpression: '#version = :version',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':version': customer.version },
        },
      },
      ...writes,
    ]);
    if (done) return;
    const again: { Item?: Record<string, unknown> } = await client.send(
      new GetCommand({ TableName: tableName, Key: keys.customer(tenantId, customer.id), ConsistentRead: true }),
    );
    customer = again.Item ? CustomerSchema.parse(stripStorage(again.Item)) : null;
  }
  if (customer) throw new Error(`customer ${customer.id} of ${tenantId} kept changing: run the backfill again`);
};

/** Indexes every customer and invoice of the table; safe to run again (each write is the same item). */
export const backfillSearchIndex = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  progress: (counts: BackfillCounts) => void = () => undefined,
): Promise<BackfillCounts> => {
  const counts: BackfillCounts = { customers: 0, invoices: 0 };
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: '#type IN (:customer, :invoice)',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':customer': itemMeta('Customer').type, ':invoice': itemMeta('Invoice').type },
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? []) {
      const tenantId = tenantOfKey(String(item.pk));
      if (tenantId === null) continue;
      if (item.type === 'Customer') {
        await indexCustomer(client, tableName, tenantId, CustomerSchema.parse(stripStorage(item)));
        counts.customers += 1;
      } else {
        await client.send(new PutCommand({ TableName: tableName, Item: referenceItem(tenantId, String(item.id)) }));
        counts.invoices += 1;
      }
    }
    progress(counts);
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return counts;
};
