// People's access (role, status) and its history in the single table: written by the people routes (the store), read by
// the authentication on each call a person makes (the reader, in its own file: every API function carries it).
import { randomUUID } from 'node:crypto';
import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { PersonAccessStore } from '../../ports/person-access.port';
import { personAccessReader } from './person-access-reader.dynamodb';
import { PersonChangeSchema, type PersonAccess, type PersonChange } from '../../schemas/person.schema';
import { itemMeta, keys, stripStorage } from './keys';
import { newestFirstPage } from './page-cursor';

/**
 * Orders changes made at the same instant (a virtual clock standing still) in the order they were written: the wall
 * clock's milliseconds, then a random part so two containers never collide.
 */
const changeId = () => `${String(Date.now()).padStart(15, '0')}-${randomUUID().slice(0, 8)}`;

export class DynamoPersonAccessStore implements PersonAccessStore {
  readonly get: PersonAccessStore['get'];

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {
    this.get = personAccessReader(client, tableName).get;
  }

  async record(tenantId: string, access: PersonAccess, change: PersonChange): Promise<void> {
    const put = (key: object, type: 'PersonAccess' | 'PersonChange', value: object) => ({
      Put: { TableName: this.tableName, Item: { ...key, ...itemMeta(type), ...value } },
    });
    await this.client.send(
      new TransactWriteCommand({
        TransactItems: [
          put(keys.personAccess(tenantId, access.username), 'PersonAccess', access),
          put(keys.personChange(tenantId, change.at, changeId()), 'PersonChange', change),
        ],
      }),
    );
  }

  history(
    tenantId: string,
    limit: number,
    cursor?: string,
  ): Promise<{ items: PersonChange[]; nextCursor: string | null }> {
    return newestFirstPage(
      this.client,
      { tableName: this.tableName, partition: keys.peopleHistoryPartition(tenantId), limit, cursor },
      (item) => PersonChangeSchema.parse(stripStorage(item)),
    );
  }
}
