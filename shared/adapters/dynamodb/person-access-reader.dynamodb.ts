// Reads a person's access (role, status) as the people routes recorded it: what the authentication checks on each call a
// person makes. Every API function carries it, so it is read by hand rather than with a zod schema.
import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { PersonAccessReader } from '../../ports/person-access.port';
import type { PersonAccess } from '../../schemas/person.schema';
import { keys } from './keys';

export const personAccessReader = (client: DynamoDBDocumentClient, tableName: string): PersonAccessReader => ({
  get: async (tenantId, username) => {
    const { pk, sk } = keys.personAccess(tenantId, username);
    // A Query of one key, not a GetItem: every authenticated route may Query already, and none needs a grant more.
    const { Items } = await client.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND sk = :sk',
        ExpressionAttributeValues: { ':pk': pk, ':sk': sk },
        ConsistentRead: true,
      }),
    );
    return (Items?.[0] as PersonAccess | undefined) ?? null;
  },
});
