// The search index in the single table: term items written with the customer (and an invoice's case reference), read
// with one Query per kind of term; never a Scan.
import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { indexedNameWords, normaliseEmail, phoneDigits } from '../../domain/search-terms';
import { invoiceCaseReference } from '../../domain/transfer-reference';
import type { CustomerHit, InvoiceOwner, SearchIndex } from '../../ports/search-index.port';
import type { Customer } from '../../schemas/customer.schema';
import { itemMeta, keys, type SearchTermKind } from './keys';
import type { TransactItem } from './report-items';

type Item = Record<string, unknown>;

/** Reads in flight at once when names are fetched for a page of invoice hits. */
const CONCURRENT_READS = 8;

/**
 * Every term item a customer is found by, as its current write says: a name word each (first MAX_NAME_WORDS), the
 * e-mail address, the phone number. An erased customer is found by none.
 */
export const customerSearchItems = (tenantId: string, customer: Customer): Item[] => {
  if (customer.erasedAt) return [];
  const words = indexedNameWords(customer.name);
  const entry = (kind: SearchTermKind, term: string): Item => ({
    ...keys.searchTerm(tenantId, kind, term, customer.id),
    ...itemMeta('SearchTerm'),
    kind,
    customerId: customer.id,
    name: customer.name,
    words,
  });
  const phone = customer.phone === undefined ? null : phoneDigits(customer.phone);
  return [
    ...words.map((word) => entry('name', word)),
    ...(customer.email === undefined ? [] : [entry('email', normaliseEmail(customer.email))]),
    ...(phone === null ? [] : [entry('phone', phone)]),
  ];
};

const keyOf = (item: Item) => `${String(item.pk)}\n${String(item.sk)}`;

/**
 * The writes that move the index from what `previous` was found by to what `next` is found by: a put for each term
 * new or changed (a new name rewrites them all, since each carries it), a delete for each term gone. Nothing when the
 * terms are the same, so a write that changes no name, e-mail or phone costs no more than before.
 */
export const searchTermWrites = (
  tableName: string,
  tenantId: string,
  previous: Customer | null,
  next: Customer,
): TransactItem[] => {
  const before = new Map((previous ? customerSearchItems(tenantId, previous) : []).map((item) => [keyOf(item), item]));
  const after = customerSearchItems(tenantId, next);
  const afterKeys = new Set(after.map(keyOf));
  const puts = after
    .filter((item) => JSON.stringify(before.get(keyOf(item))) !== JSON.stringify(item))
    .map((item): TransactItem => ({ Put: { TableName: tableName, Item: item } }));
  const deletes = [...before.values()]
    .filter((item) => !afterKeys.has(keyOf(item)))
    .map((item): TransactItem => ({ Delete: { TableName: tableName, Key: { pk: item.pk, sk: item.sk } } }));
  return [...puts, ...deletes];
};

/** The entry that finds an invoice by the reference its case quotes (known before the case opens). */
export const referenceItem = (tenantId: string, invoiceId: string): Item => ({
  ...keys.searchReference(tenantId, invoiceCaseReference(tenantId, invoiceId), invoiceId),
  ...itemMeta('SearchReference'),
  invoiceId,
});

const hitOf = (item: Item): CustomerHit => ({
  customerId: String(item.customerId),
  name: String(item.name),
  words: Array.isArray(item.words) ? item.words.map(String) : [],
});

export class DynamoSearchIndex implements SearchIndex {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  private async beginningWith(partition: string, prefix: string, limit: number): Promise<Item[]> {
    const page = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': partition, ':prefix': prefix },
        Limit: limit,
      }),
    );
    return page.Items ?? [];
  }

  async byNamePrefix(tenantId: string, prefix: string, limit: number): Promise<CustomerHit[]> {
    const items = await this.beginningWith(
      keys.searchPartition(tenantId, 'name'),
      keys.searchTermPrefix(tenantId, 'name', prefix),
      limit,
    );
    return items.map(hitOf);
  }

  async byContact(tenantId: string, kind: 'email' | 'phone', term: string, limit: number): Promise<CustomerHit[]> {
    const items = await this.beginningWith(
      keys.searchPartition(tenantId, kind),
      keys.searchTermPrefix(tenantId, kind, term),
      limit,
    );
    return items.map(hitOf);
  }

  async byReference(tenantId: string, reference: string): Promise<string[]> {
    const items = await this.beginningWith(keys.searchPartition(tenantId, 'reference'), `${reference}#`, 10);
    return items.map((item) => String(item.invoiceId));
  }

  async invoiceOwner(tenantId: string, invoiceId: string): Promise<InvoiceOwner | null> {
    const result = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.invoice(tenantId, invoiceId),
        ProjectionExpression: 'customerId, delinquencyId',
      }),
    );
    if (!result.Item) return null;
    const delinquencyId = result.Item.delinquencyId;
    return {
      invoiceId,
      customerId: String(result.Item.customerId),
      delinquencyId: typeof delinquencyId === 'string' ? delinquencyId : null,
    };
  }

  async customerNames(tenantId: string, customerIds: readonly string[]): Promise<Map<string, string>> {
    const ids = [...new Set(customerIds)];
    const names = new Map<string, string>();
    let next = 0;
    const worker = async () => {
      while (next < ids.length) {
        const id = ids[next++]!;
        const result = await this.client.send(
          new GetCommand({
            TableName: this.tableName,
            Key: keys.customer(tenantId, id),
            ProjectionExpression: '#name',
            ExpressionAttributeNames: { '#name': 'name' },
          }),
        );
        if (result.Item) names.set(id, String(result.Item.name));
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENT_READS, ids.length) }, worker));
    return names;
  }
}
