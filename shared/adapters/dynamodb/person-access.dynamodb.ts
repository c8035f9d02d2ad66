// People's access (role, status) and its history in the single table: written by the people routes, read by the
// authentication on each call a person makes.
import { randomUUID } from 'node:crypto';
import { QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { PersonAccessStore } from '../../ports/person-access.port';
import {
  PersonAccessSchema,
  PersonChangeSchema,
  type PersonAccess,
  type PersonChange,
} from '../../schemas/person.schema';
import { itemMeta, keys, stripStorage } from './keys';
import { decodeCursor, encodeCursor } from './page-cursor';

/**
 * Orders changes made at the same instant (a virtual clock standing still) in the order they were written: the wall
 * clock's milliseconds, then a random part so two containers never collide.
 */
const changeId = () => `${String(Date.now()).padStart(15, '0')}-${randomUUID().slice(0, 8)}`;

export class DynamoPersonAccessStore implements PersonAccessStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(tenantId: string, username: string): Promise<PersonAccess | null> {
    const { pk, sk } = keys.personAccess(tenantId, username);
    // A Query of one key, not a GetItem: every authenticated route may Query already, and none needs a grant more.
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND sk = :sk',
        ExpressionAttributeValues: { ':pk': pk, ':sk': sk },
        ConsistentRead: true,
      }),
    );
    const item = result.Items?.[0];
    return item ? PersonAccessSchema.parse(stripStorage(item)) : null;
  }

  async record(tenantId: string, access: PersonAccess, change: PersonChange): Promise<void> {
    await this.client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: this.tableName,
              Item: { ...keys.personAccess(tenantId, access.username), ...itemMeta('PersonAccess'), ...access },
            },
          },
          {
            Put: {
              TableName: this.tableName,
              Item: {
                ...keys.personChange(tenantId, change.at, changeId()),
                ...itemMeta('PersonChange'),
                ...change,
              },
            },
          },
        ],
      }),
    );
  }

  async history(
    tenantId: string,
    limit: number,
    cursor?: string,
  ): Promise<{ items: PersonChange[]; nextCursor: string | null }> {
    const partition = keys.peopleHistoryPartition(tenantId);
    const page = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': partition },
        ScanIndexForward: false,
        Limit: limit,
        ExclusiveStartKey: decodeCursor(cursor, 'pk', partition),
      }),
    );
    return {
      items: (page.Items ?? []).map((item) => PersonChangeSchema.parse(stripStorage(item))),
      nextCursor: encodeCursor(page.LastEvaluatedKey),
    };
  }
}
