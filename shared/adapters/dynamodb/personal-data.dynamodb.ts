// Reads and erases everything stored about one customer: its own partition, its invoices' and its delinquencies'.
import { DeleteCommand, GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ERASED, erasedAddress, isErasedAddress, redact } from '../../domain/erasure';
import { newId } from '../../domain/ids';
import type { PersonalDataStore } from '../../ports/personal-data.port';
import type { Customer } from '../../schemas/customer.schema';
import { ErasureSchema, type CustomerExport, type Erasure } from '../../schemas/personal-data.schema';
import { queryAll } from './client';
import { itemMeta, keys, STORAGE_ATTRIBUTES, stripStorage, type ItemType } from './keys';
import { putVersioned } from './version-condition';

type Item = Record<string, unknown>;

/** Where each stored kind goes in the export; kinds not listed (link tokens, bookkeeping) are left out. */
const EXPORT_GROUPS: Partial<Record<ItemType, Exclude<keyof CustomerExport, 'customerId' | 'exportedAt' | 'customer' | 'erasure'>>> = {
  OptOut: 'optOuts',
  CreditState: 'credit',
  Invoice: 'invoices',
  Payment: 'payments',
  Charge: 'charges',
  Refund: 'refunds',
  Delinquency: 'delinquencies',
  TimelineEntry: 'timeline',
  PaymentPromise: 'promises',
  PaymentPlan: 'plans',
  Dispute: 'disputes',
  Contact: 'contacts',
  Letter: 'letters',
  CollectorTask: 'tasks',
  StepClaim: 'messages',
};

/** Items whose keys name the address (opt-outs, link tokens) are rewritten, not redacted in place. */
const KEYED_BY_ADDRESS: readonly string[] = ['OptOut', 'CustomerToken'];

export class DynamoPersonalDataStore implements PersonalDataStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  private partition(pk: string): Promise<Item[]> {
    return queryAll(this.client, { TableName: this.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk }, ConsistentRead: true });
  }

  /** The customer's partition, then every invoice and delinquency of the customer (found through gsi1) with their items. */
  private async everything(tenantId: string, customerId: string): Promise<Item[]> {
    const own = await this.partition(keys.customerPartition(tenantId, customerId));
    const linked = await queryAll(this.client, {
      TableName: this.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.customerPartition(tenantId, customerId) },
    });
    const partitions = new Set(linked.map((item) => String(item.pk)));
    const items = [...own];
    for (const pk of partitions) items.push(...(await this.partition(pk)));
    return items;
  }

  async export(tenantId: string, customerId: string, exportedAt: string): Promise<CustomerExport | null> {
    const items = await this.everything(tenantId, customerId);
    const customer = items.find((item) => item.type === 'Customer');
    if (!customer) return null;
    const answer: CustomerExport = {
      customerId,
      exportedAt,
      customer: stripStorage(customer),
      erasure: this.erasureOf(items),
      ...(Object.fromEntries(Object.values(EXPORT_GROUPS).map((group) => [group, []])) as unknown as Omit<CustomerExport, 'customerId' | 'exportedAt' | 'customer' | 'erasure'>),
    };
    for (const item of items) {
      const group = EXPORT_GROUPS[item.type as ItemType];
      if (group) answer[group].push(stripStorage(item));
    }
    return answer;
  }

  private erasureOf(items: Item[]): Erasure | null {
    const item = items.find((candidate) => candidate.type === 'Erasure');
    return item ? ErasureSchema.parse(stripStorage(item)) : null;
  }

  async erasure(tenantId: string, customerId: string): Promise<Erasure | null> {
    const result = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.erasure(tenantId, customerId), ConsistentRead: true }));
    return result.Item ? ErasureSchema.parse(stripStorage(result.Item)) : null;
  }

  async erase(tenantId: string, customer: Customer, erasure: Erasure): Promise<boolean> {
    const items = await this.everything(tenantId, customer.id);
    const addresses = items.filter((item) => KEYED_BY_ADDRESS.includes(String(item.type))).map((item) => String(item.address ?? ''));
    const identifiers = [customer.name, customer.email ?? '', customer.phone ?? '', ...addresses.filter((address) => !isErasedAddress(address))];
    const put = (item: Item) => this.client.send(new PutCommand({ TableName: this.tableName, Item: item }));
    const remove = (item: Item) => this.client.send(new DeleteCommand({ TableName: this.tableName, Key: { pk: item.pk, sk: item.sk } }));

    for (const item of items) {
      switch (item.type) {
        case 'Customer':
        case 'Erasure':
          break;
        case 'OptOut': {
          if (isErasedAddress(String(item.address))) break;
          const hashed = erasedAddress(String(item.address));
          await put({ ...item, ...keys.optOut(tenantId, customer.id, String(item.channel), hashed), address: hashed });
          await remove(item);
          break;
        }
        case 'CustomerToken':
          // The unsubscribe link names the address: both halves go (a later email would mint a new one).
          await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: keys.unsubscribeToken(String(item.token), tenantId) }));
          await remove(item);
          break;
        case 'Dispute':
          await put(redact({ ...item, reason: ERASED, ...(item.note ? { note: ERASED } : {}) }, identifiers));
          break;
        case 'Letter':
          await put({ ...item, html: ERASED });
          break;
        default: {
          const storage = Object.fromEntries(STORAGE_ATTRIBUTES.filter((name) => name in item).map((name) => [name, item[name]]));
          const redacted = { ...redact(stripStorage(item), identifiers), ...storage };
          if (JSON.stringify(redacted) !== JSON.stringify({ ...stripStorage(item), ...storage })) await put(redacted);
        }
      }
    }
    // The decision, on every case of the customer's timeline and as its own record.
    for (const delinquency of items.filter((item) => item.type === 'Delinquency')) {
      const entry = { id: newId('tl', new Date(erasure.erasedAt)), at: erasure.erasedAt, kind: 'customer.erased', actor: erasure.erasedBy, detail: `personal data erased on request; financial records kept until ${erasure.retainUntil}` };
      await put({ ...keys.timelineEntry(tenantId, String(delinquency.id), entry.at, entry.id), ...itemMeta('TimelineEntry'), ...entry });
    }
    await put({ ...keys.erasure(tenantId, customer.id), ...itemMeta('Erasure'), ...erasure });
    const kept: Customer = { ...customer };
    for (const field of ['email', 'phone', 'region'] as const) delete kept[field];
    const anonymised: Customer = { ...kept, name: ERASED, erasedAt: erasure.erasedAt, erasedBy: erasure.erasedBy, updatedAt: erasure.erasedAt, updatedBy: erasure.erasedBy, version: customer.version + 1 };
    return putVersioned(this.client, this.tableName, { ...keys.customer(tenantId, customer.id), ...itemMeta('Customer'), ...anonymised }, customer.version);
  }
}
