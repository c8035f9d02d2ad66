// Contacts in their debt's partition, sorted by time, each write guarded by the debt's contact-log version.
import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ContactLogRead, ContactRepository, ContactWrite } from '../../ports/contact-repository.port';
import { ContactSchema, type Contact } from '../../schemas/contact.schema';
import { queryAll } from './client';
import { itemMeta, keys, stripStorage } from './keys';
import { decodeCursor, encodeCursor } from './page-cursor';
import { transactGuarded, versionCondition } from './version-condition';

/** One DynamoDB transaction holds at most 100 writes; each debt a contact counts against takes three. */
const MAX_TRANSACTION_ITEMS = 100;

export class DynamoContactRepository implements ContactRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async around(tenantId: string, delinquencyId: string, from: string, to: string): Promise<ContactLogRead> {
    // The version is read before the contacts: a contact written in between moves it, so the write that follows fails
    // its condition and the check runs again. Read the other way round, a stale list could pass with a fresh version.
    const log = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.contactLog(tenantId, delinquencyId),
        ConsistentRead: true,
      }),
    );
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: {
        ':pk': keys.delinquencyPartition(tenantId, delinquencyId),
        ':from': `${keys.contactPrefix}${from}`,
        // "~" sorts after every id character, so contacts at exactly `to` are included.
        ':to': `${keys.contactPrefix}${to}~`,
      },
      ConsistentRead: true,
    });
    return {
      version: typeof log.Item?.version === 'number' ? log.Item.version : 0,
      contacts: items.map((item) => ContactSchema.parse(stripStorage(item))),
    };
  }

  record(tenantId: string, contact: Contact, writes: readonly ContactWrite[]): Promise<boolean> {
    if (writes.length === 0 || writes.length * 3 > MAX_TRANSACTION_ITEMS)
      throw new RangeError(`a contact cannot be written against ${writes.length} debts in one transaction`);
    return transactGuarded(
      this.client,
      writes.flatMap((write) => [
        {
          Put: {
            TableName: this.tableName,
            Item: {
              ...keys.contactLog(tenantId, write.delinquencyId),
              ...itemMeta('ContactLog'),
              version: write.expectedVersion + 1,
              lastContactAt: contact.at,
            },
            ...versionCondition(write.expectedVersion === 0 ? null : write.expectedVersion),
          },
        },
        {
          Put: {
            TableName: this.tableName,
            Item: {
              ...keys.contact(tenantId, write.delinquencyId, contact.at, contact.id),
              ...itemMeta('Contact'),
              ...contact,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        {
          Put: {
            TableName: this.tableName,
            Item: {
              ...keys.timelineEntry(tenantId, write.delinquencyId, write.entry.at, write.entry.id),
              ...itemMeta('TimelineEntry'),
              ...write.entry,
            },
          },
        },
      ]),
    );
  }

  async list(
    tenantId: string,
    delinquencyId: string,
    limit: number,
    cursor?: string,
  ): Promise<{ items: Contact[]; nextCursor: string | null }> {
    const partition = keys.delinquencyPartition(tenantId, delinquencyId);
    const page = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': partition, ':prefix': keys.contactPrefix },
        ScanIndexForward: false,
        Limit: limit,
        ExclusiveStartKey: decodeCursor(cursor, 'pk', partition),
        ConsistentRead: true,
      }),
    );
    return {
      items: (page.Items ?? []).map((item) => ContactSchema.parse(stripStorage(item))),
      nextCursor: encodeCursor(page.LastEvaluatedKey),
    };
  }
}
