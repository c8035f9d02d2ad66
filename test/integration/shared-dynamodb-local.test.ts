// The test run's one DynamoDB Local serves every e2e runtime: each must see only its own table, never another's.
import { DynamoDBClient, ListTablesCommand, PutItemCommand, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { createTable } from '../../local/create-table';
import { attachDynamoDbLocal, LOCAL_REGION } from '../../local/dynamodb-local';

const endpoint = () => process.env.ARREARS_TEST_DYNAMODB_ENDPOINT!;

describe('runtimes attached to the shared DynamoDB Local', () => {
  it('each get a database of their own: the same table name, different items, and nothing of the tests', async () => {
    const runtimeClient = () => {
      const attached = attachDynamoDbLocal(endpoint());
      return new DynamoDBClient({
        endpoint: attached.endpoint,
        region: LOCAL_REGION,
        credentials: attached.credentials,
      });
    };
    const first = runtimeClient();
    const second = runtimeClient();
    const clients = [first, second];
    try {
      for (const client of clients) await createTable(client, 'arrears-local');
      expect((await first.send(new ListTablesCommand({}))).TableNames).toEqual(['arrears-local']);
      expect((await second.send(new ListTablesCommand({}))).TableNames).toEqual(['arrears-local']);

      await first.send(
        new PutItemCommand({ TableName: 'arrears-local', Item: { pk: { S: 'TENANT#a' }, sk: { S: 'TENANT' } } }),
      );
      const key = { pk: { S: 'TENANT#a' }, sk: { S: 'TENANT' } };
      expect((await first.send(new GetItemCommand({ TableName: 'arrears-local', Key: key }))).Item).toBeDefined();
      expect((await second.send(new GetItemCommand({ TableName: 'arrears-local', Key: key }))).Item).toBeUndefined();
    } finally {
      for (const client of clients) client.destroy();
    }
  });
});
