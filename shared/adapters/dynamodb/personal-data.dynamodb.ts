// Reads and erases everything stored about one customer: its own partition, its invoices' and its delinquencies'.
import { DeleteCommand, GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ERASED, erasedAddress, isErasedAddress, redact } from '../../domain/erasure';
import { newId } from '../../domain/ids';
import type { PersonalDataStore } from '../../ports/personal-data.port';
import type { Customer } from '../../schemas/customer.schema';
import { ErasureSchema, type CustomerExport, type Erasure } from '../../schemas/personal-data.schema';
import { queryAll } from './client';
import { itemMeta, keys, PERSONAL_DATA, stripStorage, type ErasureRule, type ItemType } from './keys';
import { searchTermWrites } from './search-index.dynamodb';
import { transactGuarded, versionCondition } from './version-condition';

type Item = Record<string, unknown>;

/** Credentials kept on an exported kind, not data about the person: a Step Functions task token opens the running execution. */
const EXPORT_OMITS: Partial<Record<ItemType, string[]>> = { Delinquency: ['taskToken'] };

/** Where each stored kind goes in the export; kinds not listed (link tokens, bookkeeping) are left out. */
const EXPORT_GROUPS: Partial<
  Record<ItemType, Exclude<keyof CustomerExport, 'customerId' | 'exportedAt' | 'customer' | 'erasure'>>
> = {
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
  IdempotencyRecord: 'requests',
};

/** An item with its listed attributes erased by their rule; every other attribute is left exactly as it is. */
const eraseAttributes = <T extends Record<string, unknown>>(
  item: T,
  rules: Readonly<Record<string, ErasureRule>>,
  identifiers: readonly string[],
): T => {
  const erased: Record<string, unknown> = { ...item };
  for (const [name, rule] of Object.entries(rules)) {
    if (!Object.hasOwn(erased, name)) continue;
    const value = erased[name];
    if (rule === 'remove') delete erased[name];
    else if (rule === 'replace' && typeof value === 'string' && value !== '') erased[name] = ERASED;
    else if (rule === 'redact') erased[name] = redact(value, identifiers);
  }
  return erased as T;
};

export class DynamoPersonalDataStore implements PersonalDataStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  private partition(pk: string): Promise<Item[]> {
    return queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': pk },
      ConsistentRead: true,
    });
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
      ...(Object.fromEntries(Object.values(EXPORT_GROUPS).map((group) => [group, []])) as unknown as Omit<
        CustomerExport,
        'customerId' | 'exportedAt' | 'customer' | 'erasure'
      >),
    };
    for (const item of items) {
      const group = EXPORT_GROUPS[item.type as ItemType];
      if (!group) continue;
      const kept = stripStorage(item);
      for (const credential of EXPORT_OMITS[item.type as ItemType] ?? []) delete kept[credential];
      answer[group].push(kept);
    }
    return answer;
  }

  private erasureOf(items: Item[]): Erasure | null {
    const item = items.find((candidate) => candidate.type === 'Erasure');
    return item ? ErasureSchema.parse(stripStorage(item)) : null;
  }

  async erasure(tenantId: string, customerId: string): Promise<Erasure | null> {
    const result = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: keys.erasure(tenantId, customerId), ConsistentRead: true }),
    );
    return result.Item ? ErasureSchema.parse(stripStorage(result.Item)) : null;
  }

  async erase(
    tenantId: string,
    customer: Customer,
    erasure: Erasure,
    erasureKey: () => Promise<string>,
  ): Promise<boolean> {
    const items = await this.everything(tenantId, customer.id);
    // Read before any write: a tenant whose key cannot be read is refused with nothing erased half-way.
    const key = items.some((item) => item.type === 'OptOut' && !isErasedAddress(String(item.address)))
      ? await erasureKey()
      : '';
    const addresses = items
      .filter((item) => item.type === 'OptOut' || item.type === 'CustomerToken')
      .map((item) => String(item.address ?? ''));
    // Dispute reasons and notes, and contacts' notes, are erased, and the timeline quotes them: the quotes go with them.
    const quoted = items
      .filter((item) => item.type === 'Dispute' || item.type === 'Contact')
      .flatMap((item) => [item.reason, item.note])
      .filter((text): text is string => typeof text === 'string' && text !== ERASED);
    const identifiers = [
      customer.name,
      customer.email ?? '',
      customer.phone ?? '',
      ...addresses.filter((address) => !isErasedAddress(address)),
      ...quoted,
    ];
    const put = (item: Item) => this.client.send(new PutCommand({ TableName: this.tableName, Item: item }));
    const remove = (item: Item) =>
      this.client.send(new DeleteCommand({ TableName: this.tableName, Key: { pk: item.pk, sk: item.sk } }));

    for (const item of items) {
      const rules = PERSONAL_DATA[item.type as ItemType];
      // The customer item is written last (below); kinds that hold no personal data are never rewritten.
      if (!rules || item.type === 'Customer') continue;
      if (rules === 'delete') {
        // The unsubscribe link names the address: its public half goes too (a later email would mint a new one).
        if (item.type === 'CustomerToken')
          await this.client.send(
            new DeleteCommand({ TableName: this.tableName, Key: keys.unsubscribeToken(String(item.token), tenantId) }),
          );
        await remove(item);
        continue;
      }
      if (item.type === 'OptOut') {
        // The key names the address: the opt-out is written again under its hash, then the clear one goes.
        if (isErasedAddress(String(item.address))) continue;
        const hashed = erasedAddress(String(item.address), key);
        await put({ ...item, ...keys.optOut(tenantId, customer.id, String(item.channel), hashed), address: hashed });
        await remove(item);
        continue;
      }
      const erased = eraseAttributes(item, rules, identifiers);
      if (JSON.stringify(erased) !== JSON.stringify(item)) await put(erased);
    }
    // The decision, on every case of the customer's timeline and as its own record.
    for (const delinquency of items.filter((item) => item.type === 'Delinquency')) {
      const entry = {
        id: newId('tl', new Date(erasure.erasedAt)),
        at: erasure.erasedAt,
        kind: 'customer.erased',
        actor: erasure.erasedBy,
        detail: `personal data erased on request; financial records kept until ${erasure.retainUntil}`,
      };
      await put({
        ...keys.timelineEntry(tenantId, String(delinquency.id), entry.at, entry.id),
        ...itemMeta('TimelineEntry'),
        ...entry,
      });
    }
    await put({ ...keys.erasure(tenantId, customer.id), ...itemMeta('Erasure'), ...erasure });
    const kept = eraseAttributes(
      customer,
      PERSONAL_DATA.Customer as Record<string, ErasureRule>,
      identifiers,
    ) as Customer;
    const anonymised: Customer = {
      ...kept,
      erasedAt: erasure.erasedAt,
      erasedBy: erasure.erasedBy,
      updatedAt: erasure.erasedAt,
      updatedBy: erasure.erasedBy,
      version: customer.version + 1,
    };
    // The customer's search terms (name words, e-mail and phone digests) go in the same write as its anonymised item:
    // once it reads as erased, nobody finds it by what it was called.
    return transactGuarded(this.client, [
      {
        Put: {
          TableName: this.tableName,
          Item: { ...keys.customer(tenantId, customer.id), ...itemMeta('Customer'), ...anonymised },
          ...versionCondition(customer.version),
        },
      },
      ...searchTermWrites(this.tableName, tenantId, customer, anonymised),
    ]);
  }
}
